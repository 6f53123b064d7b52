"use client";
/**
 * The deep-zoom viewer of a galaxy, in a modal dialog over the page: one picture (a composite or
 * a parameter map) or the four parameter maps side by side, moving in step; the chosen
 * volunteer's work units and the progress of all work units as vector overlays; the values of the
 * pixel under the pointer. Pan and zoom with mouse, touch (pinch) or keys (arrows, + − and 0 on
 * the focused map); Escape closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PixelMarker, ProgressLayer, VolunteerAreasLayer } from "@/components/maps/area-overlays";
import { ColorBar } from "@/components/maps/color-bar";
import { DeepZoomPanel, type DeepZoomLayer, type PixelEvent } from "@/components/maps/deep-zoom-panel";
import { PixelReadoutPanel, type ReadoutPixel } from "@/components/maps/pixel-readout";
import { ProgressLegend } from "@/components/maps/progress-legend";
import { useReducedMotion } from "@/components/maps/use-reduced-motion";
import { ViewerGroup } from "@/components/maps/viewer-group";
import type { GalaxyMaps, ParameterMapInfo } from "@/lib/maps/service/maps-info";
import { mapSource } from "./map-gallery";
import { StretchSwitch, type Stretch } from "./stretch-switch";
import { useAreaProgress } from "./use-area-progress";
import { Check, ToolButton } from "./viewer-controls";
import type { VolunteerState } from "./use-volunteer-areas";
import { isParameterView, SIDE_BY_SIDE, type ViewKey } from "./view-state";

interface PanelSpec {
  label: string;
  short: string;
  layers: DeepZoomLayer[];
  map: ParameterMapInfo | null;
}

const same = (a: PixelEvent, b: PixelEvent) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y);

export function MapViewer({
  maps,
  view,
  onView,
  stretch,
  onStretch,
  volunteer,
  onClose,
}: {
  maps: GalaxyMaps;
  view: ViewKey;
  onView: (view: ViewKey) => void;
  stretch: Stretch;
  onStretch: (s: Stretch) => void;
  volunteer: VolunteerState;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const group = useMemo(() => new ViewerGroup(), []);
  const reducedMotion = useReducedMotion();
  const [beneath, setBeneath] = useState(false);
  const [opacity, setOpacity] = useState(1);
  const [showAreas, setShowAreas] = useState(true);
  const [showProgress, setShowProgress] = useState(false);
  const [hover, setHover] = useState<PixelEvent>(null);
  const [pinned, setPinned] = useState<PixelEvent>(null);
  const progress = useAreaProgress(maps.galaxyId, maps.resultsVersion, showProgress);
  const { width, height } = maps;
  const hasResults = maps.resultsVersion > 0;

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
  }, []);

  const onHover = useCallback((p: PixelEvent) => setHover((prev) => (same(prev, p) ? prev : p)), []);
  // Picking the pinned pixel again unpins it.
  const onPick = useCallback((p: PixelEvent) => setPinned((prev) => (same(prev, p) ? null : p)), []);

  const composite = maps.composites[0] ?? null;
  const mapLayers = (m: ParameterMapInfo): DeepZoomLayer[] => {
    const main: DeepZoomLayer = { slot: "main", url: mapSource(m, stretch).dzi, opacity: beneath ? opacity : 1 };
    return beneath && composite ? [{ slot: "beneath", url: composite.dzi }, main] : [main];
  };
  const panels: PanelSpec[] =
    view === SIDE_BY_SIDE
      ? maps.maps.map((m) => ({ label: `${m.title} (${m.label})`, short: m.label, layers: mapLayers(m), map: m }))
      : isParameterView(view)
        ? maps.maps
            .filter((m) => m.key === view)
            .map((m) => ({ label: `${m.title} (${m.label})`, short: m.label, layers: mapLayers(m), map: m }))
        : maps.composites
            .filter((c) => c.key === view)
            .map((c) => ({
              label: `Image ${maps.composites.indexOf(c) + 1}: filters ${c.label}`,
              short: c.label,
              layers: [{ slot: "main", url: c.dzi }],
              map: null,
            }));
  const showsMaps = panels.some((p) => p.map);

  const volunteerAreas = volunteer.status === "ok" ? volunteer.areas : null;
  const areasLayer = useMemo(
    () =>
      showAreas && volunteerAreas ? <VolunteerAreasLayer areas={volunteerAreas.areas} imageHeight={height} /> : null,
    [showAreas, volunteerAreas, height],
  );
  const progressLayer = useMemo(
    () =>
      progress ? (
        <ProgressLayer areas={progress.areas} first={progress.first} last={progress.last} imageHeight={height} />
      ) : null,
    [progress, height],
  );
  const overlay = (
    <>
      {progressLayer}
      {areasLayer}
      {pinned ? <PixelMarker x={pinned.x} y={pinned.y} imageHeight={height} pinned /> : null}
      {hover && !same(hover, pinned) ? (
        <PixelMarker x={hover.x} y={hover.y} imageHeight={height} pinned={false} />
      ) : null}
    </>
  );
  const readoutPixel: ReadoutPixel | null = hover
    ? { ...hover, pinned: false }
    : pinned
      ? { ...pinned, pinned: true }
      : null;

  const zoomBy = (factor: number) => {
    const v = group.primary;
    if (!v) return;
    v.viewport.zoomBy(factor);
    v.viewport.applyConstraints();
  };
  const home = () => group.primary?.viewport.goHome();

  const title = panels.length === 1 ? panels[0].label : "Parameter maps side by side";
  const outstanding = progress ? progress.areas.filter((a) => a[4] === null).length : 0;

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label={`${maps.name}: ${title}`}
      data-testid="map-viewer"
      data-results-version={maps.resultsVersion}
      className="fixed inset-0 m-0 h-dvh max-h-none w-screen max-w-none overflow-hidden bg-ink p-0 text-text backdrop:bg-black/80"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center gap-3 border-b border-line/70 px-3 py-2">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-semibold">
              {maps.name} <span className="font-normal text-muted">· {title}</span>
            </h2>
            <p className="tabular truncate text-[11px] text-muted">
              {maps.width} × {maps.height} px · results version {maps.resultsVersion}
              {maps.status === "computing"
                ? ` · ${Math.round((100 * maps.pixelsProcessed) / Math.max(1, maps.pixelCount))} % fitted, updating live`
                : ""}
            </p>
          </div>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md border border-line px-3 py-1 text-sm hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-accent"
            aria-label="Close the viewer"
          >
            ✕ <span className="hidden sm:inline">Close</span>
          </button>
        </header>

        <nav aria-label="What to show" className="flex items-center gap-1.5 overflow-x-auto px-3 py-2">
          {maps.composites.map((c, i) => (
            <ToolButton
              key={c.key}
              pressed={view === c.key}
              onClick={() => onView(c.key)}
              title={`Image ${i + 1}: red, green, blue = ${c.label}`}
              testId={`view-${c.key}`}
            >
              {i + 1}: {c.label}
            </ToolButton>
          ))}
          {hasResults ? (
            <>
              <span aria-hidden className="mx-1 h-5 w-px shrink-0 bg-line" />
              {maps.maps.map((m) => (
                <ToolButton
                  key={m.key}
                  pressed={view === m.key}
                  onClick={() => onView(m.key)}
                  title={m.title}
                  testId={`view-${m.key}`}
                >
                  {m.label.replace(/ \[.*\]$/, "")}
                </ToolButton>
              ))}
              <ToolButton
                pressed={view === SIDE_BY_SIDE}
                onClick={() => onView(SIDE_BY_SIDE)}
                title="The four maps side by side, in step"
                testId="view-side-by-side"
              >
                ⊞ Side by side
              </ToolButton>
            </>
          ) : null}
        </nav>

        <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-3 pb-2 text-xs">
          {showsMaps ? <StretchSwitch value={stretch} onChange={onStretch} /> : null}
          {showsMaps && composite ? (
            <Check checked={beneath} onChange={setBeneath} testId="toggle-beneath">
              Image 1 beneath
            </Check>
          ) : null}
          {showsMaps && composite && beneath ? (
            <label className="flex items-center gap-1.5">
              <span className="text-muted">map opacity</span>
              <input
                type="range"
                min={0.1}
                max={1}
                step={0.05}
                value={opacity}
                onChange={(e) => setOpacity(Number(e.target.value))}
                className="w-20 accent-accent-2"
                aria-label="Map opacity"
              />
            </label>
          ) : null}
          <Check
            checked={showAreas && !!volunteerAreas}
            disabled={!volunteerAreas}
            onChange={setShowAreas}
            testId="toggle-areas"
          >
            {volunteerAreas ? (
              <>
                Work units of {volunteerAreas.user?.name ?? "the volunteer"}{" "}
                <span className="tabular text-muted">
                  ({volunteerAreas.areaCount} · {volunteerAreas.pixelCount} px)
                </span>
              </>
            ) : (
              "A volunteer's work units (choose one on the page)"
            )}
          </Check>
          <Check checked={showProgress} onChange={setShowProgress} testId="toggle-progress">
            Progress by date
          </Check>
        </div>

        <div className="relative min-h-0 flex-1 border-y border-line/70">
          <div
            className={`grid h-full gap-px bg-line/70 ${panels.length > 1 ? "grid-cols-2 grid-rows-2" : "grid-cols-1"}`}
          >
            {panels.map((p, i) => (
              <DeepZoomPanel
                key={`panel-${i}`}
                label={p.label}
                imageWidth={width}
                imageHeight={height}
                layers={p.layers}
                group={group}
                overlay={overlay}
                onHover={onHover}
                onPick={onPick}
                reducedMotion={reducedMotion}
                autoFocus={i === 0}
                testId={`viewer-panel-${i}`}
              >
                {panels.length > 1 ? (
                  <>
                    <span className="pointer-events-none absolute top-1.5 left-1.5 rounded bg-ink/80 px-1.5 py-0.5 text-[11px]">
                      {p.short}
                    </span>
                    {p.map ? (
                      <div className="pointer-events-none absolute inset-x-1.5 bottom-1.5 hidden rounded bg-ink/80 px-2 pt-1.5 pb-1 sm:block">
                        <ColorBar
                          colormap={p.map.colormap}
                          range={mapSource(p.map, stretch).range}
                          label={p.map.label}
                          ticks={4}
                        />
                      </div>
                    ) : null}
                  </>
                ) : null}
              </DeepZoomPanel>
            ))}
          </div>
          <div className="absolute top-2 right-2 flex flex-col gap-1" role="group" aria-label="Zoom">
            {[
              { label: "Zoom in", text: "+", act: () => zoomBy(1.6) },
              { label: "Zoom out", text: "−", act: () => zoomBy(1 / 1.6) },
              { label: "Whole galaxy", text: "⌂", act: home },
            ].map((b) => (
              <button
                key={b.label}
                type="button"
                onClick={b.act}
                aria-label={b.label}
                title={b.label}
                className="h-9 w-9 rounded-md border border-line bg-ink/85 text-lg leading-none hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-accent"
              >
                {b.text}
              </button>
            ))}
          </div>
        </div>

        {/* A steady height, so the map does not jump when a legend comes or goes. */}
        <footer className="max-h-[40dvh] min-h-24 space-y-2 overflow-y-auto px-3 py-2 sm:min-h-36">
          {panels.length === 1 && panels[0].map ? (
            <ColorBar
              className="max-w-xl"
              colormap={panels[0].map.colormap}
              range={mapSource(panels[0].map, stretch).range}
              label={panels[0].map.label}
              note={mapSource(panels[0].map, stretch).note}
            />
          ) : null}
          {panels.length > 1 ? (
            <p className="text-[11px] text-muted sm:hidden">Colour bars of the four maps are on the galaxy page.</p>
          ) : null}
          {progress ? <ProgressLegend first={progress.first} last={progress.last} outstanding={outstanding} /> : null}
          <PixelReadoutPanel
            galaxyId={maps.galaxyId}
            resultsVersion={maps.resultsVersion}
            wcs={maps.wcs}
            maps={maps.maps}
            pixel={readoutPixel}
            highlight={panels.flatMap((p) => (p.map ? [p.map.key] : []))}
          />
        </footer>
      </div>
    </dialog>
  );
}

"use client";
/**
 * The deep-zoom viewer of a galaxy, in a modal dialog over the page: one picture (a composite or
 * a parameter map) or the four parameter maps side by side, moving in step; the chosen
 * volunteer's work units and the progress of all work units as vector overlays; the values of the
 * pixel under the pointer. Pan and zoom with mouse, touch (pinch) or keys (arrows, + − and 0 on
 * the focused map); Escape closes.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { PixelMarker, ProgressLayer, VolunteerAreasLayer } from "@/components/maps/area-overlays";
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import type { Stretch } from "./stretch-switch";
import { useAreaProgress } from "./use-area-progress";
import { samePixel, usePointedPixel } from "./use-pointed-pixel";
import type { VolunteerState } from "./use-volunteer-areas";
import type { ViewKey } from "./view-state";
import { ViewPicker } from "./view-picker";
import { ViewerFooter } from "./viewer-footer";
import { INITIAL_OPTIONS, ViewerOptionsBar, type ViewerOptions } from "./viewer-options";
import { ViewerPanelGrid } from "./viewer-panel-grid";
import { viewerPanels } from "./viewer-panels";

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
  const [options, setOptions] = useState<ViewerOptions>(INITIAL_OPTIONS);
  const { hover, pinned, readout, onHover, onPick } = usePointedPixel();
  const progress = useAreaProgress(maps.galaxyId, maps.resultsVersion, options.showProgress);
  const { height } = maps;

  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
  }, []);

  const panels = viewerPanels(maps, view, stretch, { show: options.beneath, opacity: options.opacity });
  const volunteerAreas = volunteer.status === "ok" ? volunteer.areas : null;
  // Built again only when the areas change, not on every pointer move: there can be thousands.
  const areasLayer = useMemo(
    () =>
      options.showAreas && volunteerAreas ? (
        <VolunteerAreasLayer areas={volunteerAreas.areas} imageHeight={height} />
      ) : null,
    [options.showAreas, volunteerAreas, height],
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
      {hover && !samePixel(hover, pinned) ? (
        <PixelMarker x={hover.x} y={hover.y} imageHeight={height} pinned={false} />
      ) : null}
    </>
  );
  const title = panels.length === 1 ? panels[0].label : "Parameter maps side by side";

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
        <ViewPicker maps={maps} view={view} onView={onView} />
        <ViewerOptionsBar
          options={options}
          onChange={(change) => setOptions((o) => ({ ...o, ...change }))}
          showsMaps={panels.some((p) => p.map)}
          hasComposite={maps.composites.length > 0}
          stretch={stretch}
          onStretch={onStretch}
          volunteerAreas={volunteerAreas}
        />
        <ViewerPanelGrid
          panels={panels}
          width={maps.width}
          height={height}
          stretch={stretch}
          overlay={overlay}
          onHover={onHover}
          onPick={onPick}
        />
        <ViewerFooter maps={maps} panels={panels} stretch={stretch} progress={progress} readout={readout} />
      </div>
    </dialog>
  );
}

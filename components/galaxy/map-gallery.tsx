"use client";
// The galaxy page's pictures, as in the POGS paper's galaxy figures: the four filter composites
// on top, the four parameter maps below (each with its colour bar), and a chosen volunteer's work
// units drawn over all of them. Every picture opens the deep-zoom viewer.
import type { ReactNode } from "react";
import { HelpLink } from "@/components/about/help-link";
import { COMPOSITES_ANCHOR, PARAMETER_ANCHORS } from "@/components/about/science-anchors";
import { VolunteerAreasLayer } from "@/components/maps/area-overlays";
import { CHECKER } from "@/components/maps/checker";
import { compositeDescription, mapDescription } from "@/components/maps/map-description";
import { ColorBar } from "@/components/maps/color-bar";
import type { PixelBox } from "@/components/maps/image-coordinates";
import { TilePreview } from "@/components/maps/tile-preview";
import { EmptyState } from "@/components/ui/empty-state";
import type { GalaxyMaps, ParameterMapInfo } from "@/lib/maps/service/maps-info";
import { StretchSwitch, type Stretch } from "./stretch-switch";
import type { ViewKey } from "./view-state";

export function mapSource(
  m: ParameterMapInfo,
  stretch: Stretch,
): { dzi: string; range: [number, number]; note: string } {
  if (stretch === "galaxy" && m.localRange)
    return { dzi: m.localDzi, range: m.localRange, note: "this galaxy's 2–98 %" };
  return { dzi: m.dzi, range: m.range, note: "survey range" };
}

function Picture({
  label,
  onOpen,
  width,
  height,
  checker,
  areas,
  children,
  testId,
}: {
  label: string;
  onOpen: () => void;
  width: number;
  height: number;
  checker?: boolean;
  areas: readonly PixelBox[] | null;
  children: ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={`${label}: open in the deep-zoom viewer`}
      data-testid={testId}
      className="group relative block w-full overflow-hidden rounded-lg bg-black ring-1 ring-line transition hover:ring-accent-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent motion-reduce:transition-none"
      style={{ aspectRatio: `${width} / ${height}`, ...(checker ? CHECKER : {}) }}
    >
      {children}
      {areas ? (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="pointer-events-none absolute inset-0 h-full w-full"
          aria-hidden
        >
          <VolunteerAreasLayer areas={areas} imageHeight={height} maxElements={400} />
        </svg>
      ) : null}
      <span
        aria-hidden
        className="absolute top-1.5 right-1.5 rounded bg-ink/75 px-1.5 py-0.5 text-[10px] text-text opacity-0 transition group-hover:opacity-100 group-focus-visible:opacity-100 motion-reduce:transition-none"
      >
        Zoom ⤢
      </span>
    </button>
  );
}

export function MapGallery({
  maps,
  stretch,
  onStretch,
  areas,
  onOpen,
}: {
  maps: GalaxyMaps;
  stretch: Stretch;
  onStretch: (s: Stretch) => void;
  areas: readonly PixelBox[] | null;
  onOpen: (key: ViewKey) => void;
}) {
  const { width, height } = maps;
  const hasResults = maps.resultsVersion > 0;
  return (
    <div data-testid="map-gallery">
      <h3 className="mb-2 flex items-center gap-2 text-sm font-medium text-muted">
        Filter composites (red, green, blue) <HelpLink anchor={COMPOSITES_ANCHOR} topic="a filter composite" />
      </h3>
      {maps.composites.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {maps.composites.map((c, i) => (
            <li key={c.key}>
              <figure>
                <Picture
                  label={compositeDescription(maps.name, i, c.label)}
                  onOpen={() => onOpen(c.key)}
                  width={width}
                  height={height}
                  areas={areas}
                  testId={`preview-${c.key}`}
                >
                  <TilePreview
                    dzi={c.dzi}
                    width={width}
                    height={height}
                    alt={compositeDescription(maps.name, i, c.label)}
                  />
                </Picture>
                <figcaption className="mt-1 text-xs">
                  <span className="text-muted">Image {i + 1}</span> <span className="font-medium">{c.label}</span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">The layer files of this galaxy&apos;s composites are not available.</p>
      )}

      <div className="mt-5 mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-muted">Parameter maps (median of each pixel&apos;s PDF)</h3>
        {hasResults ? <StretchSwitch value={stretch} onChange={onStretch} /> : null}
      </div>
      {hasResults ? (
        <ul className="grid grid-cols-2 gap-x-3 gap-y-4 sm:grid-cols-4">
          {maps.maps.map((m) => {
            const source = mapSource(m, stretch);
            return (
              <li key={m.key}>
                <figure>
                  <Picture
                    label={mapDescription(maps.name, m, source.range, source.note)}
                    onOpen={() => onOpen(m.key)}
                    width={width}
                    height={height}
                    checker
                    areas={areas}
                    testId={`preview-${m.key}`}
                  >
                    <TilePreview
                      dzi={source.dzi}
                      width={width}
                      height={height}
                      alt={mapDescription(maps.name, m, source.range, source.note)}
                      lazy
                    />
                  </Picture>
                  <figcaption className="mt-1 flex items-center justify-between gap-1 text-xs font-medium">
                    <span className="truncate" title={m.title}>
                      {m.title}
                    </span>
                    <HelpLink anchor={PARAMETER_ANCHORS[m.key]} topic={m.title.toLowerCase()} />
                  </figcaption>
                  <ColorBar className="mt-1.5" colormap={m.colormap} range={source.range} label={m.label} ticks={4} />
                </figure>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState>
          No results yet: the maps appear here as the volunteers&apos; computers return their work units.
        </EmptyState>
      )}
    </div>
  );
}

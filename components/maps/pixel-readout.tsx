"use client";
// What is under the pointer: the pixel (FITS x, y, 0-based), its sky position from the galaxy's
// WCS (computed here, at once), its work unit, and the four stored values with their 16–84 %
// range (fetched). The map on screen is highlighted. A picked (pinned) pixel with values links to
// its page in the pixel inspector.
import Link from "next/link";
import { useMemo } from "react";
import { pixelToSky, type Wcs } from "@/lib/fits/wcs";
import { formatDec, formatRa } from "@/lib/format";
import type { ParameterMapInfo } from "@/lib/maps/service/maps-info";
import { formatMapValue, formatRange } from "./format-value";
import { usePixelReadout } from "./use-pixel-readout";

export interface ReadoutPixel {
  x: number;
  y: number;
  pinned: boolean;
}

export function PixelReadoutPanel({
  galaxyId,
  resultsVersion,
  wcs,
  maps,
  pixel,
  highlight,
}: {
  galaxyId: number;
  resultsVersion: number;
  wcs: Wcs;
  maps: ParameterMapInfo[];
  pixel: ReadoutPixel | null;
  /** Keys of the maps on screen. */
  highlight: readonly string[];
}) {
  const state = usePixelReadout(galaxyId, resultsVersion, pixel);
  const sky = useMemo(() => (pixel ? pixelToSky(wcs, pixel.x, pixel.y) : null), [wcs, pixel]);
  const readout =
    state.status === "ok" && pixel && state.readout.x === pixel.x && state.readout.y === pixel.y ? state.readout : null;

  if (!pixel || !sky) {
    return (
      <div className="text-xs text-muted" data-testid="pixel-readout" data-state="idle">
        Point at a pixel (tap on a touch screen, Enter on the focused map for its centre) to read its values.
      </div>
    );
  }
  return (
    <div
      className="text-xs"
      data-testid="pixel-readout"
      data-state={readout ? "ok" : state.status}
      data-x={pixel.x}
      data-y={pixel.y}
    >
      <div className="tabular flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <span>
          <span className="text-muted">pixel</span>{" "}
          <span data-testid="readout-pixel">
            ({pixel.x}, {pixel.y})
          </span>
          {pixel.pinned ? <span className="ml-1 text-accent">pinned</span> : null}
        </span>
        <span className="font-mono" data-testid="readout-sky">
          <span className="font-sans text-muted">RA</span> {formatRa(sky[0])}{" "}
          <span className="font-sans text-muted">Dec</span> {formatDec(sky[1])}
        </span>
        <span className="text-muted">
          {readout
            ? readout.areaId !== null
              ? `work unit ${readout.areaId}`
              : "outside the work units"
            : state.status === "error"
              ? `no readout: ${state.message}`
              : "…"}
        </span>
      </div>
      <dl className="tabular mt-1 grid grid-cols-1 gap-x-4 gap-y-0.5 sm:grid-cols-2 lg:grid-cols-4">
        {maps.map((m) => {
          const v = readout?.values?.[m.key] ?? null;
          const on = highlight.includes(m.key);
          return (
            <div
              key={m.key}
              className={`flex min-w-0 items-baseline gap-1.5 ${on ? "text-text" : "text-muted"}`}
              data-testid={`readout-${m.key}`}
            >
              <dt className="shrink-0">{m.label.replace(/ \[.*\]$/, "")}</dt>
              <dd className="min-w-0">
                <span className={on ? "font-semibold" : ""} data-testid={`readout-${m.key}-value`}>
                  {readout ? formatMapValue(v?.value) : "…"}
                </span>
                {v && v.value !== null ? (
                  <span className="text-muted" title="16th – 84th percentile of the marginal PDF">
                    {" "}
                    [<span data-testid={`readout-${m.key}-range`}>{formatRange(v.p16, v.p84)}</span>]
                  </span>
                ) : null}
                {m.unit && v && v.value !== null ? <span className="text-muted"> {m.unit}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {readout && readout.values !== null && pixel.pinned ? (
        <Link
          href={`/galaxies/${galaxyId}/pixels/${pixel.x},${pixel.y}`}
          className="mt-1 inline-block font-medium text-accent-2 hover:underline"
          data-testid="inspect-pixel"
        >
          Inspect this pixel: its fluxes, fit and PDFs →
        </Link>
      ) : null}
      {readout && readout.values === null ? (
        <p className="mt-1 text-muted">
          {readout.areaId !== null
            ? "No values for this pixel: its work unit is still outstanding, or the pixel has too few bands with data to be fitted."
            : "This pixel is in no work unit: too few bands with data to be fitted."}
        </p>
      ) : null}
    </div>
  );
}

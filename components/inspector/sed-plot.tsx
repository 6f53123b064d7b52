"use client";
/**
 * A pixel's spectral energy distribution: the fluxes observed in each band with their 1σ errors,
 * and the fluxes of MAGPHYS's best-fit model, against wavelength on log–log axes, each band named.
 * The band under the pointer (or chosen with the arrow keys) is read out; the same numbers as a
 * table on request.
 */
import { BottomAxis, SideAxis } from "@/components/charts/chart-axes";
import { ChartFrame } from "@/components/charts/chart-frame";
import { useElementWidth } from "@/components/charts/use-element-width";
import { usePlotCursor } from "@/components/charts/use-plot-cursor";
import type { InspectedFlux } from "@/lib/survey/pixel-inspection";
import { fluxTable } from "./flux-table";
import { formatFlux } from "./plot-format";
import { SedMarks } from "./sed-marks";
import { sedGeometry } from "./sed-model";

const HEIGHT = 300;
const MARGIN = { top: 44, right: 16, bottom: 44, left: 60 };

export function SedPlot({ fluxes, summary }: { fluxes: InspectedFlux[]; summary: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(720, { min: 120 });
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const g = sedGeometry(fluxes, plotWidth, plotHeight);
  const points = g?.points ?? [];
  const { cursor, overlay, group } = usePlotCursor(points.length, plotWidth, (px) => {
    let best = 0;
    points.forEach((p, i) => {
      if (Math.abs(g!.x(p.wavelength) - px) < Math.abs(g!.x(points[best].wavelength) - px)) best = i;
    });
    return best;
  });
  const at = cursor !== null ? points[cursor] : null;

  return (
    <ChartFrame
      title="Observed and best-fit model fluxes"
      summary={summary}
      legend={
        <>
          <span className="flex items-center gap-1.5">
            <span className="inline-block size-2 rounded-full bg-accent-2" aria-hidden /> observed ± 1σ
          </span>
          <span className="flex items-center gap-1.5">
            <span className="inline-block size-2 rotate-45 border border-accent" aria-hidden /> best-fit model
          </span>
        </>
      }
      table={fluxTable(fluxes)}
      testId="sed-plot"
    >
      <div
        ref={ref}
        className="relative mt-2 rounded outline-none focus-visible:ring-2 focus-visible:ring-accent-2"
        role="group"
        aria-label="SED plot: use the left and right arrow keys to read each band"
        {...group}
      >
        {!g ? (
          <p className="py-10 text-center text-sm text-muted">No flux with a known wavelength to draw.</p>
        ) : (
          <svg width={width} height={HEIGHT} className="block max-w-full" role="img" aria-label={summary}>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              <SideAxis
                scale={g.y}
                ticks={g.yTicks}
                width={plotWidth}
                height={plotHeight}
                label="Flux density Fν (Jy)"
                labelOffset={48}
                grid
              />
              <BottomAxis
                scale={g.x}
                ticks={g.xTicks}
                width={plotWidth}
                height={plotHeight}
                label="Wavelength (µm, observed frame)"
              />
              {g.points.map((p, i) => (
                <text
                  key={p.filter}
                  transform={`translate(${g.x(p.wavelength)},-6) rotate(-40)`}
                  fontSize={10}
                  className={i === cursor ? "fill-text" : "fill-muted"}
                >
                  {p.label}
                </text>
              ))}
              <SedMarks geometry={g} height={plotHeight} />
              {at ? (
                <line
                  x1={g.x(at.wavelength)}
                  x2={g.x(at.wavelength)}
                  y2={plotHeight}
                  className="stroke-text"
                  strokeOpacity={0.4}
                  strokeDasharray="3 3"
                />
              ) : null}
              <rect width={plotWidth} height={plotHeight} fill="transparent" {...overlay} />
            </g>
          </svg>
        )}
      </div>
      <div className="tabular mt-1 min-h-5 text-xs" aria-live="polite" data-testid="sed-readout">
        {at ? (
          <>
            <span className="font-medium">{at.label}</span> <span className="text-muted">{at.wavelength} µm</span> ·
            observed {at.observed === null ? "no data" : `${formatFlux(at.observed)} ± ${formatFlux(at.sigma)} Jy`} ·
            model {formatFlux(at.model)} Jy
          </>
        ) : (
          <span className="text-muted">
            Point at a band (or focus the plot and use the arrow keys) to read its fluxes.
          </span>
        )}
      </div>
    </ChartFrame>
  );
}

"use client";
/**
 * One parameter's marginal PDF as MAGPHYS computed it for the pixel: the histogram, the 16–84 %
 * band shaded, the median and the best fit marked; the bin under the pointer (or chosen with the
 * arrow keys) read out, and the bins as a table for screen readers.
 */
import { BottomAxis, SideAxis } from "@/components/charts/chart-axes";
import { ChartTable } from "@/components/charts/chart-table";
import { useElementWidth } from "@/components/charts/use-element-width";
import { usePlotCursor } from "@/components/charts/use-plot-cursor";
import type { InspectedParameter } from "@/lib/survey/pixel-inspection";
import { pdfGeometry } from "./pdf-model";
import { formatStatistic } from "./plot-format";

const HEIGHT = 170;
const MARGIN = { top: 8, right: 12, bottom: 40, left: 44 };

export function PdfPlot({ parameter }: { parameter: InspectedParameter }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(300, { min: 120 });
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const g = pdfGeometry(parameter, plotWidth, plotHeight);
  const bins = g?.bins ?? [];
  const { cursor, overlay, group } = usePlotCursor(bins.length, plotWidth, (px) => {
    const v = g!.x.invert(px);
    const i = bins.findIndex((b) => v < b.hi);
    return i < 0 ? bins.length - 1 : i;
  });
  const s = parameter.statistics;
  const bin = cursor !== null ? bins[cursor] : null;
  const [p16, p50, p84, best] = [s.percentile_16, s.percentile_50, s.percentile_84, s.best_fit];
  const summary =
    `${parameter.title}: median ${formatStatistic(p50)}, 16–84 % range ${formatStatistic(p16)} to ` +
    `${formatStatistic(p84)}, best fit ${formatStatistic(best)} (${parameter.label}).`;

  return (
    <figure
      className="relative min-w-0 rounded-xl border border-line bg-panel/60 p-3"
      data-testid={`pdf-${parameter.column}`}
    >
      <figcaption>
        <div className="flex items-baseline justify-between gap-2">
          <span className="font-medium">{parameter.label}</span>
          <span className="tabular text-sm" title="median of the PDF">
            {formatStatistic(p50)}
          </span>
        </div>
        <div className="truncate text-[11px] text-muted" title={parameter.title}>
          {parameter.title}
        </div>
      </figcaption>
      <div
        ref={ref}
        className="mt-1 rounded outline-none focus-visible:ring-2 focus-visible:ring-accent-2"
        role="group"
        aria-label={`${parameter.label} PDF: use the left and right arrow keys to read each bin`}
        {...group}
      >
        {!g ? (
          <p className="py-8 text-center text-xs text-muted">MAGPHYS gave no PDF for this parameter.</p>
        ) : (
          <svg width={width} height={HEIGHT} className="block max-w-full" role="img" aria-label={summary}>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              {p16 !== null && p84 !== null ? (
                <rect
                  x={g.x(p16)}
                  width={Math.max(1, g.x(p84) - g.x(p16))}
                  height={plotHeight}
                  className="fill-accent-2"
                  fillOpacity={0.14}
                  data-mark="p16-p84"
                />
              ) : null}
              <SideAxis
                scale={g.y}
                ticks={g.yTicks}
                width={plotWidth}
                height={plotHeight}
                label="probability"
                labelOffset={34}
                grid
              />
              <BottomAxis scale={g.x} ticks={g.xTicks} width={plotWidth} height={plotHeight} label={parameter.label} />
              {g.outline ? (
                <path
                  d={g.outline}
                  className="fill-accent-2 stroke-accent-2"
                  fillOpacity={0.35}
                  strokeWidth={1}
                  data-series="histogram"
                />
              ) : null}
              {bin ? (
                <rect
                  x={g.x(bin.lo)}
                  y={g.y(bin.p)}
                  width={Math.max(1, g.x(bin.hi) - g.x(bin.lo))}
                  height={plotHeight - g.y(bin.p)}
                  className="fill-text"
                  fillOpacity={0.25}
                />
              ) : null}
              {p50 !== null ? (
                <line
                  x1={g.x(p50)}
                  x2={g.x(p50)}
                  y2={plotHeight}
                  className="stroke-accent"
                  strokeWidth={2}
                  data-mark="median"
                />
              ) : null}
              {best !== null ? (
                <line
                  x1={g.x(best)}
                  x2={g.x(best)}
                  y2={plotHeight}
                  className="stroke-text"
                  strokeWidth={1.5}
                  strokeDasharray="4 3"
                  data-mark="best-fit"
                />
              ) : null}
              <rect width={plotWidth} height={plotHeight} fill="transparent" {...overlay} />
            </g>
          </svg>
        )}
      </div>
      <div className="tabular min-h-4 text-[11px] text-muted" aria-live="polite">
        {bin
          ? `bin ${formatStatistic(bin.lo)} – ${formatStatistic(bin.hi)}: probability ${formatStatistic(bin.p)}`
          : `16–84 %: ${formatStatistic(p16)} – ${formatStatistic(p84)} · best fit ${formatStatistic(best)}`}
      </div>
      {bins.length ? (
        <ChartTable
          caption={`${parameter.label}: histogram of the marginal PDF`}
          columns={[`bin centre (${parameter.label})`, "probability"]}
          rows={bins.map((b) => [formatStatistic(b.centre), formatStatistic(b.p)])}
          shown={false}
        />
      ) : null}
    </figure>
  );
}

// Which colour (and dash) is which line, beside the title of a chart with several.
import type { ChartSeries } from "./chart-types";

export function SeriesLegend({
  series,
  colors,
  dashes,
}: {
  series: readonly ChartSeries[];
  colors: readonly string[];
  dashes: readonly (string | undefined)[];
}) {
  // Units are named where they differ; one shared unit is on the axis already.
  const units = new Set(series.map((s) => s.unit)).size > 1;
  return series.map((s, i) => (
    <span key={s.label} className="flex items-center gap-1.5">
      <svg aria-hidden width={18} height={6}>
        <line x2={18} y1={3} y2={3} style={{ stroke: colors[i] }} strokeWidth={2} strokeDasharray={dashes[i]} />
      </svg>
      {units ? `${s.label} (${s.unit})` : s.label}
    </span>
  ));
}

// The values at the time the pointer (or the arrow keys) is on: a rule across the plot, a dot on
// each line, and a box listing every series' value with its unit.
import { formatValue } from "./chart-format";
import { valueAt, type ChartGeometry } from "./chart-model";
import type { ChartSeries } from "./chart-types";

export function ReadoutMarks({
  geometry,
  series,
  colors,
  time,
  height,
}: {
  geometry: ChartGeometry;
  series: readonly ChartSeries[];
  colors: readonly string[];
  time: number;
  height: number;
}) {
  const x = geometry.x(time);
  return (
    <g pointerEvents="none" aria-hidden>
      <line x1={x} x2={x} y1={0} y2={height} stroke="currentColor" className="text-muted" strokeDasharray="3 3" />
      {geometry.axes.flatMap((axis) =>
        axis.series.map((i) => {
          const point = valueAt(series[i], time);
          return point ? (
            <circle
              key={i}
              cx={geometry.x(point.time)}
              cy={axis.scale(point.value)}
              r={4}
              style={{ fill: colors[i], stroke: "var(--color-ink)" }}
              strokeWidth={1.5}
            />
          ) : null;
        }),
      )}
    </g>
  );
}

/** The readout box's width in px (Tailwind w-60). */
export const READOUT_WIDTH = 240;

export function ReadoutBox({
  series,
  colors,
  time,
  label,
  left,
}: {
  series: readonly ChartSeries[];
  colors: readonly string[];
  time: number;
  label: string;
  /** where the box sits, in px from the chart's left edge (it is READOUT_WIDTH wide) */
  left: number;
}) {
  return (
    <div
      className="pointer-events-none absolute top-2 z-10 w-60 rounded-lg border border-line bg-ink/95 px-3 py-2 text-xs shadow-lg"
      style={{ left }}
      data-testid="chart-readout"
    >
      <div className="mb-1 font-medium">{label}</div>
      {series.map((s, i) => {
        const point = valueAt(s, time);
        return (
          <div key={s.label} className="tabular flex items-center gap-2">
            <span className="inline-block h-2 w-2 rounded-full" style={{ background: colors[i] }} aria-hidden />
            <span className="text-muted">{s.label}</span>{" "}
            <span className="ml-auto pl-3 whitespace-nowrap">
              {point ? `${formatValue(point.value, s.format)} ${s.unit}` : "—"}
            </span>
          </div>
        );
      })}
    </div>
  );
}

// The lines of a time-series chart, each against its axis, and (for races) each named at its end.
import { curveMonotoneX, line } from "d3";
import { dodgeLabels } from "./chart-format";
import { seriesDashes, type ChartGeometry } from "./chart-model";
import type { ChartPoint, ChartSeries } from "./chart-types";

export function SeriesLines({
  geometry,
  series,
  colors,
  endLabelWidth,
  height,
}: {
  geometry: ChartGeometry;
  series: readonly ChartSeries[];
  colors: readonly string[];
  /** room right of the plot for a label at each line's end; 0 for none */
  endLabelWidth: number;
  height: number;
}) {
  const { x, axes } = geometry;
  const dashes = seriesDashes(geometry);
  const scaleOf = (i: number) => axes.find((a) => a.series.includes(i))!.scale;
  // About 6 px a character at 11 px: a label longer than its room is cut with an ellipsis.
  const labelChars = Math.max(4, Math.floor((endLabelWidth - 10) / 6));
  const ends = dodgeLabels(
    series.map((s, i) => scaleOf(i)(s.points.at(-1)?.value ?? 0)),
    13,
    4,
    height,
  );
  return (
    <>
      {axes.flatMap((axis) =>
        axis.series.map((i) => (
          <g key={i} data-series={series[i].label}>
            <path
              d={
                line<ChartPoint>()
                  .x((p) => x(p.time))
                  .y((p) => axis.scale(p.value))
                  .curve(curveMonotoneX)(series[i].points) ?? ""
              }
              fill="none"
              style={{ stroke: colors[i] }}
              strokeWidth={2}
              strokeDasharray={dashes[i]}
            />
          </g>
        )),
      )}
      {endLabelWidth > 0
        ? series.map((s, i) =>
            s.points.length ? (
              <text key={i} x={x.range()[1] + 8} y={ends[i]} dy="0.32em" fontSize={11} style={{ fill: colors[i] }}>
                {s.label.length > labelChars ? `${s.label.slice(0, labelChars - 1)}…` : s.label}
              </text>
            ) : null,
          )
        : null}
    </>
  );
}

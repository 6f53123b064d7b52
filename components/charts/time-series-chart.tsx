"use client";
/**
 * Lines over time: d3 scales and shapes, drawn as React SVG. Labelled axes with units (a second unit
 * gets a right-hand axis), a legend or (for races) a label at each line's end, a readout of every
 * series at the time under the pointer or chosen with the arrow keys, and the same numbers as a
 * table. Drawn on the server at a default width, redrawn at the width it gets.
 */
import { useMemo } from "react";
import { BottomAxis, SideAxis } from "./chart-axes";
import { ChartFrame } from "./chart-frame";
import { SERIES_COLORS, formatValue, timeFormatter } from "./chart-format";
import { chartGeometry, nearestIndex, seriesDashes, valueAt } from "./chart-model";
import { READOUT_WIDTH, ReadoutBox, ReadoutMarks } from "./chart-readout";
import { linearTicks, timeTicks } from "./chart-ticks";
import type { ChartSeries } from "./chart-types";
import { SeriesLegend } from "./series-legend";
import { SeriesLines } from "./series-lines";
import { useElementWidth } from "./use-element-width";
import { usePlotCursor } from "./use-plot-cursor";

export function TimeSeriesChart({
  title,
  summary,
  series,
  height = 280,
  endLabels = false,
  timeLabel = "Date (UTC)",
  valueLabel,
  emptyText = "No data yet.",
  testId = "time-series-chart",
}: {
  title: string;
  /** one or two sentences for screen readers and under the title: what the chart shows */
  summary?: string;
  series: ChartSeries[];
  height?: number;
  /** name each line at its end instead of in a legend: for races of many lines */
  endLabels?: boolean;
  timeLabel?: string;
  /** the left axis' label, with its unit, when "unit" or "series (unit)" does not say enough */
  valueLabel?: string;
  emptyText?: string;
  testId?: string;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(720, { min: 240 });
  const colors = series.map((s, i) => s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]);
  // Narrow screens get narrower axis margins (the tick labels are compact numbers).
  const axisMargin = width < 480 ? 54 : 66;
  const twoAxes = new Set(series.map((s) => s.unit)).size > 1;
  const endLabelWidth = endLabels ? Math.min(160, Math.round(width * 0.3)) : 0;
  const margin = { top: 12, bottom: 48, left: axisMargin, right: endLabelWidth || (twoAxes ? axisMargin : 16) };
  const plotWidth = Math.max(60, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const geometry = useMemo(() => chartGeometry(series, plotWidth, plotHeight), [series, plotWidth, plotHeight]);
  const formatTime = useMemo(() => timeFormatter(geometry.times), [geometry.times]);
  const { times } = geometry;
  const at = (x: number) => nearestIndex(times, geometry.x.invert(x).getTime());
  const { cursor, overlay, group } = usePlotCursor(times.length, plotWidth, at);
  const time = cursor === null ? null : times[cursor];
  const read = (s: ChartSeries, t: number) => {
    const point = valueAt(s, t);
    return point ? formatValue(point.value, s.format) : "—";
  };
  const table = {
    caption: title,
    columns: [timeLabel, ...series.map((s) => `${s.label} (${s.unit})`)],
    rows: times.map((t) => [formatTime(t), ...series.map((s) => read(s, t))]),
  };
  const legend =
    series.length > 1 && !endLabels ? (
      <SeriesLegend series={series} colors={colors} dashes={seriesDashes(geometry)} />
    ) : null;

  return (
    <ChartFrame title={title} summary={summary} legend={legend} table={times.length ? table : null} testId={testId}>
      <div
        ref={ref}
        className="relative mt-2 rounded outline-none focus-visible:ring-2 focus-visible:ring-accent-2"
        role="group"
        aria-label={`${title}: use the left and right arrow keys to read the values at each date`}
        {...group}
      >
        {times.length === 0 ? (
          <p className="py-10 text-center text-sm text-muted">{emptyText}</p>
        ) : (
          <svg width={width} height={height} className="block max-w-full" role="img" aria-label={summary ?? title}>
            <g transform={`translate(${margin.left},${margin.top})`}>
              {geometry.axes.map((axis, k) => (
                <SideAxis
                  key={axis.unit}
                  scale={axis.scale}
                  ticks={linearTicks(axis.scale, Math.max(2, Math.floor(plotHeight / 45)))}
                  side={axis.side}
                  width={plotWidth}
                  height={plotHeight}
                  grid={k === 0}
                  labelOffset={axisMargin - 14}
                  label={(k === 0 && valueLabel) || axisLabel(series, axis.series, axis.unit)}
                />
              ))}
              <BottomAxis
                scale={geometry.x}
                ticks={timeTicks(geometry.x, Math.max(2, Math.floor(plotWidth / 90)))}
                width={plotWidth}
                height={plotHeight}
                label={timeLabel}
              />
              <SeriesLines
                geometry={geometry}
                series={series}
                colors={colors}
                endLabelWidth={endLabelWidth}
                height={plotHeight}
              />
              {time !== null ? (
                <ReadoutMarks geometry={geometry} series={series} colors={colors} time={time} height={plotHeight} />
              ) : null}
              <rect width={plotWidth} height={plotHeight} fill="transparent" {...overlay} />
            </g>
          </svg>
        )}
        {time !== null ? (
          <ReadoutBox
            series={series}
            colors={colors}
            time={time}
            label={formatTime(time)}
            left={readoutLeft(margin.left + geometry.x(time), width)}
          />
        ) : null}
      </div>
      {time !== null ? (
        <p className="sr-only" aria-live="polite">
          {formatTime(time)}:{" "}
          {series.map((s) => `${s.label} ${valueAt(s, time) ? `${read(s, time)} ${s.unit}` : "no value"}`).join(", ")}
        </p>
      ) : null}
    </ChartFrame>
  );
}

/** Beside the rule, on whichever side has room, so it never hides the points it reads. */
function readoutLeft(ruleX: number, width: number): number {
  if (ruleX + 12 + READOUT_WIDTH <= width) return ruleX + 12;
  return Math.max(0, ruleX - 12 - READOUT_WIDTH);
}

function axisLabel(series: readonly ChartSeries[], members: readonly number[], unit: string): string {
  return members.length === 1 ? `${series[members[0]].label} (${unit})` : unit;
}

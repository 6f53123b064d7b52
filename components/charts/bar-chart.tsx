"use client";
// Bars (d3 scales, React SVG): vertical for a series of days or bins, horizontal for named
// categories; labelled axes with units, a readout of the bar under the pointer, a table view.
import { max, scaleBand, scaleLinear } from "d3";
import { useState } from "react";
import { BottomAxis, SideAxis } from "./chart-axes";
import { ChartFrame } from "./chart-frame";
import { formatValue } from "./chart-format";
import { linearTicks } from "./chart-ticks";
import type { ValueFormat } from "./chart-types";
import { useElementWidth } from "./use-element-width";

export interface Bar {
  /** full name, for the readout and the table */
  label: string;
  /** short name under the bar (defaults to the label) */
  tick?: string;
  value: number;
}

export function BarChart({
  title,
  summary,
  categoryLabel,
  valueLabel,
  valueFormat = "integer",
  bars,
  orientation = "vertical",
  height = 240,
  emptyText = "No data yet.",
  testId,
}: {
  title: string;
  summary?: string;
  /** what the bars are, e.g. "CPU cores per computer" */
  categoryLabel: string;
  /** the value axis' label, with its unit */
  valueLabel: string;
  valueFormat?: ValueFormat;
  bars: Bar[];
  orientation?: "vertical" | "horizontal";
  height?: number;
  emptyText?: string;
  testId?: string;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640, { min: 240 });
  const [hover, setHover] = useState<number | null>(null);
  const horizontal = orientation === "horizontal";
  const h = horizontal ? Math.max(120, bars.length * 24 + 50) : height;
  const margin = {
    top: 8,
    right: horizontal ? 56 : 12,
    bottom: 44,
    left: horizontal ? Math.min(170, width * 0.42) : 62,
  };
  const iw = Math.max(40, width - margin.left - margin.right);
  const ih = h - margin.top - margin.bottom;
  const band = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range(horizontal ? [0, ih] : [0, iw])
    .padding(0.2);
  const value = scaleLinear()
    .domain([0, max(bars, (b) => b.value) || 1])
    .nice()
    .range(horizontal ? [0, iw] : [ih, 0]);
  const centre = (i: number) => (band(i) ?? 0) + band.bandwidth() / 2;
  // Names under vertical bars are thinned to one in `every` so they do not run into each other.
  const every = horizontal ? 1 : Math.max(1, Math.ceil((bars.length * 44) / iw));
  const names = bars.flatMap((b, i) => (i % every === 0 ? [{ value: i, label: b.tick ?? b.label }] : []));
  const fmt = (v: number) => formatValue(v, valueFormat);
  const empty = bars.every((b) => b.value === 0);
  const table = {
    caption: title,
    columns: [categoryLabel, valueLabel],
    rows: bars.map((b) => [b.label, fmt(b.value)]),
  };
  const valueAxis = { scale: value, width: iw, height: ih, label: valueLabel, grid: true };
  return (
    <ChartFrame title={title} summary={summary} table={empty ? null : table} testId={testId}>
      <div className="tabular mt-2 min-h-[1.5em] text-xs text-text/90" aria-hidden>
        {hover === null ? (
          <span className="text-muted">Point at a bar for its value.</span>
        ) : (
          <span>
            {bars[hover].label}: <strong>{fmt(bars[hover].value)}</strong>{" "}
            <span className="text-muted">· {valueLabel}</span>
          </span>
        )}
      </div>
      <div ref={ref} className="w-full" aria-hidden>
        {empty ? (
          <p
            className="flex items-center justify-center rounded-lg border border-dashed border-line text-sm text-muted"
            style={{ height }}
          >
            {emptyText}
          </p>
        ) : (
          <svg width={width} height={h} className="block max-w-full">
            <g transform={`translate(${margin.left},${margin.top})`}>
              {horizontal ? (
                <>
                  <BottomAxis {...valueAxis} ticks={linearTicks(value, Math.max(2, Math.floor(iw / 80)))} />
                  <SideAxis scale={centre} ticks={names} width={iw} height={ih} />
                </>
              ) : (
                <>
                  <SideAxis {...valueAxis} ticks={linearTicks(value, 5)} />
                  <BottomAxis scale={centre} ticks={names} width={iw} height={ih} label={categoryLabel} />
                </>
              )}
              {bars.map((b, i) => {
                const at = band(i) ?? 0;
                const size = horizontal ? value(b.value) : ih - value(b.value);
                const pad = (band.step() - band.bandwidth()) / 2;
                return (
                  <g key={i} onPointerEnter={() => setHover(i)} onPointerLeave={() => setHover(null)}>
                    {/* the whole band answers the pointer, so short bars are as easy to point at */}
                    <rect
                      x={horizontal ? 0 : at - pad}
                      y={horizontal ? at - pad : 0}
                      width={horizontal ? iw : band.step()}
                      height={horizontal ? band.step() : ih}
                      fill="transparent"
                    />
                    <rect
                      x={horizontal ? 0 : at}
                      y={horizontal ? at : value(b.value)}
                      width={horizontal ? size : band.bandwidth()}
                      height={horizontal ? band.bandwidth() : size}
                      rx={2}
                      className={hover === i ? "fill-accent" : "fill-accent-2/80"}
                      data-value={b.value}
                    />
                    {horizontal ? (
                      <text x={size + 6} y={at + band.bandwidth() / 2} dy="0.32em" className="fill-muted text-[10px]">
                        {fmt(b.value)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          </svg>
        )}
      </div>
    </ChartFrame>
  );
}

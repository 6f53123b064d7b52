// Axes drawn as React SVG from any scale (linear, log, time or bands) and its ticks (chart-ticks.ts):
// the axis line, tick marks and labels, the axis' label with its unit, and grid lines if asked for.
import type { Tick } from "./chart-types";

type Place = (value: number) => number;

/** Along the bottom of a plot `height` high; grid lines run up across it. */
export function BottomAxis({
  scale,
  ticks,
  width,
  height,
  label,
  grid = false,
}: {
  scale: Place;
  ticks: readonly Tick[];
  width: number;
  height: number;
  label: string;
  grid?: boolean;
}) {
  return (
    <g transform={`translate(0,${height})`} className="text-muted" aria-hidden>
      <line x2={width} stroke="currentColor" strokeOpacity={0.5} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${scale(t.value)},0)`}>
          {grid ? <line y2={-height} stroke="currentColor" strokeOpacity={0.12} /> : null}
          <line y2={4} stroke="currentColor" strokeOpacity={0.5} />
          <text y={16} textAnchor="middle" fill="currentColor" fontSize={10}>
            {t.label}
          </text>
        </g>
      ))}
      <text x={width / 2} y={34} textAnchor="middle" fill="currentColor" fontSize={11}>
        {label}
      </text>
    </g>
  );
}

/** On the left or right of a plot `width` wide; grid lines run across it. */
export function SideAxis({
  scale,
  ticks,
  width,
  height,
  label,
  labelOffset = 46,
  side = "left",
  grid = false,
}: {
  scale: Place;
  ticks: readonly Tick[];
  width: number;
  height: number;
  /** the axis' label with its unit; none for category names that say what they are */
  label?: string;
  /** how far from the axis line its label sits */
  labelOffset?: number;
  side?: "left" | "right";
  grid?: boolean;
}) {
  const x0 = side === "left" ? 0 : width;
  const out = side === "left" ? -1 : 1;
  return (
    <g className="text-muted" aria-hidden>
      {grid
        ? ticks.map((t) => (
            <line
              key={`g${t.value}`}
              x2={width}
              y1={scale(t.value)}
              y2={scale(t.value)}
              stroke="currentColor"
              strokeOpacity={0.12}
            />
          ))
        : null}
      <line x1={x0} x2={x0} y2={height} stroke="currentColor" strokeOpacity={0.5} />
      {ticks.map((t) => (
        <text
          key={t.value}
          x={x0 + out * 6}
          y={scale(t.value)}
          dy="0.32em"
          textAnchor={side === "left" ? "end" : "start"}
          fill="currentColor"
          fontSize={10}
        >
          {t.label}
        </text>
      ))}
      {label ? (
        <text
          transform={`translate(${x0 + out * labelOffset},${height / 2}) rotate(${side === "left" ? -90 : 90})`}
          textAnchor="middle"
          fill="currentColor"
          fontSize={11}
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}

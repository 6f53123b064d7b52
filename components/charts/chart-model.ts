/**
 * The time-series chart's geometry without React: which axis each series uses (one per unit, the
 * first on the left, a second on the right; more units share the left), the d3 scales, and which
 * point the pointer or the keyboard is on. Everything here is a plain function of its inputs.
 */
import { extent, max, min, scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from "d3";
import { DAY_MS, seriesDash } from "./chart-format";
import type { ChartPoint, ChartSeries } from "./chart-types";

export interface Axis {
  unit: string;
  side: "left" | "right";
  scale: ScaleLinear<number, number>;
  /** indexes of the series drawn against this axis */
  series: number[];
}

export interface ChartGeometry {
  x: ScaleTime<number, number>;
  axes: Axis[];
  /** every time any series has a point at, ascending: where the readout can stop */
  times: number[];
}

export function chartGeometry(series: readonly ChartSeries[], width: number, height: number): ChartGeometry {
  const units: string[] = [];
  for (const s of series) if (!units.includes(s.unit)) units.push(s.unit);
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.time)))].sort((a, b) => a - b);
  const [t0, t1] = extent(times) as [number | undefined, number | undefined];
  // One point, or none, still needs a span to draw in: a day either side.
  const x = scaleUtc()
    .domain(t0 === undefined ? [Date.now() - DAY_MS, Date.now()] : t0 === t1 ? [t0 - DAY_MS, t0 + DAY_MS] : [t0, t1!])
    .range([0, width]);
  const axes: Axis[] = units.slice(0, 2).map((unit, k) => {
    const members = series.flatMap((s, i) =>
      units.indexOf(s.unit) === k || (k === 0 && units.indexOf(s.unit) >= 2) ? [i] : [],
    );
    const values = members.flatMap((i) => series[i].points.map((p) => p.value));
    const lo = Math.min(0, min(values) ?? 0);
    const hi = max(values) ?? 1;
    const scale = scaleLinear()
      .domain([lo, hi > lo ? hi : lo + 1])
      .range([height, 0])
      .nice();
    return { unit, side: k === 0 ? "left" : "right", scale, series: members };
  });
  return { x, axes, times };
}

/** Each series' dash: lines on one axis may overlap, so they take turns; a line alone on its axis is solid. */
export function seriesDashes(geometry: ChartGeometry): (string | undefined)[] {
  const dashes: (string | undefined)[] = [];
  for (const axis of geometry.axes) axis.series.forEach((i, k) => (dashes[i] = seriesDash(k)));
  return dashes;
}

/** The index in `times` (ascending) closest to `time`. */
export function nearestIndex(times: readonly number[], time: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < time) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && time - times[lo - 1] < times[lo] - time ? lo - 1 : lo;
}

/**
 * A series' point at `time` or, when it has none there, its last one before (values hold until the
 * next export); null before the series starts (a team that joined a race late).
 */
export function valueAt(s: ChartSeries, time: number): ChartPoint | null {
  let found = null;
  for (const p of s.points) {
    if (p.time > time) break;
    found = p;
  }
  return found;
}

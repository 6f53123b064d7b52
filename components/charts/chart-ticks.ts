// Ticks for the three kinds of axis the charts draw: linear (values), time (dates, UTC) and log
// (wavelengths and fluxes). Each is a list of { value, label } that the axes place with their scale.
import { utcFormat, type ScaleLinear, type ScaleLogarithmic, type ScaleTime } from "d3";
import { formatTick } from "./chart-format";
import type { Tick } from "./chart-types";

/** About `count` round ticks, written as precisely as their step needs. */
export function linearTicks(scale: ScaleLinear<number, number>, count: number): Tick[] {
  const values = scale.ticks(count);
  const step = values.length > 1 ? values[1] - values[0] : Math.abs(values[0] ?? 0) || 1;
  return values.map((value) => ({ value, label: formatTick(value, step) }));
}

/**
 * One style of date per axis: hours over a day or two, days ("Nov 12") over a few months, months
 * ("Nov 2026") over longer, rather than d3's default mix of weekdays, days and months.
 */
export function timeTicks(scale: ScaleTime<number, number>, count: number): Tick[] {
  const [from, to] = scale.domain();
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  const format = utcFormat(days <= 2 ? "%H:%M" : days <= 120 ? "%b %-d" : "%b %Y");
  return scale.ticks(count).map((t) => ({ value: t.getTime(), label: format(t) }));
}

/** Ticks at 1, 2 and 5 times each power of ten in the domain (1 and 3, or only the powers, when they are many). */
export function logTicks(scale: ScaleLogarithmic<number, number>, label: (value: number) => string): Tick[] {
  const [lo, hi] = scale.domain();
  const decades = Math.log10(hi / lo);
  const mantissas = decades > 3 ? [1] : decades > 1.5 ? [1, 3] : [1, 2, 5];
  const ticks: Tick[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of mantissas) {
      const value = m * 10 ** e;
      if (value >= lo && value <= hi) ticks.push({ value, label: label(value) });
    }
  return ticks;
}

// How the charts write numbers and dates, and the colours and dashes that keep their lines apart.
import type { ValueFormat } from "./chart-types";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const compactTick = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

export function formatValue(value: number, format: ValueFormat = "integer"): string {
  // Decimals only where they mean something: 3.27 credits a day, but 4,370.
  if (format === "decimal") return (Math.abs(value) >= 100 ? integer : decimal).format(value);
  return (format === "compact" ? compact : integer).format(value);
}

/**
 * An axis tick: thousands and up compact ("20K", "1.5M"), smaller numbers with as many decimals as
 * the step between ticks needs (0.05 apart: "0.15"), minus signs typeset.
 */
export function formatTick(value: number, step = Math.abs(value) || 1): string {
  if (Math.abs(value) >= 1000) return compactTick.format(value).replace("-", "−");
  const digits = Math.max(0, Math.min(4, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(digits).replace("-", "−");
}

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** 10ⁿ, for a decade on a log axis. */
export function powerOfTen(exponent: number): string {
  return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join("")}`;
}

export const DAY_MS = 86_400_000;

/** Dates as UTC days, or with the hour when the points are not all at midnight. */
export function timeFormatter(times: readonly number[]): (time: number) => string {
  const daily = times.every((t) => t % DAY_MS === 0);
  return (time) => {
    const iso = new Date(time).toISOString();
    return daily ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")} UTC`;
  };
}

/**
 * Line colours, distinct in either theme: CSS variables of app/globals.css (bright on the dark
 * sky, deep on the light page); the first two are the theme's accents. Used through `style`, where
 * every browser resolves var().
 */
export const SERIES_COLORS = Array.from({ length: 15 }, (_, i) => `var(--color-series-${i + 1})`);

/** Solid, dashed, dotted in turn: lines that overlap, or whose colours look alike, stay apart. */
export function seriesDash(index: number): string | undefined {
  return [undefined, "7 4", "2 3"][index % 3];
}

/**
 * Label positions near `wanted` (each label's ideal y), at least `gap` apart and inside
 * [min, max]: labels are pushed down from the top, then back up from the bottom.
 */
export function dodgeLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.max(min, Math.min(max, o.y)));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  if (placed.length) placed[placed.length - 1] = Math.min(placed[placed.length - 1], max);
  for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}

/**
 * Colours of the progress overlay: each processed work unit coloured by when its results arrived,
 * from the first to the last result of the galaxy (d3's plasma, which is perceptually uniform and
 * readable by colour-blind viewers, without its darkest end, which would vanish on the sky).
 * Areas are grouped into a few time bins so thousands of them draw as a handful of paths.
 */
import { interpolatePlasma, scaleUtc, utcFormat } from "d3";
import type { PixelBox } from "./image-coordinates";

export const PROGRESS_BINS = 12;

export function progressColor(t: number): string {
  return interpolatePlasma(0.12 + 0.86 * Math.max(0, Math.min(1, t)));
}

export function progressCssGradient(stops = 12): string {
  const parts = Array.from(
    { length: stops },
    (_, i) => `${progressColor(i / (stops - 1))} ${((100 * i) / (stops - 1)).toFixed(1)}%`,
  );
  return `linear-gradient(to right, ${parts.join(", ")})`;
}

export function progressBins(
  areas: readonly (readonly [number, number, number, number, number | null])[],
  first: number | null,
  last: number | null,
): { bins: { color: string; boxes: PixelBox[] }[]; outstanding: PixelBox[] } {
  const boxes: PixelBox[][] = Array.from({ length: PROGRESS_BINS }, () => []);
  const outstanding: PixelBox[] = [];
  const span = first !== null && last !== null && last > first ? last - first : 0;
  for (const [x0, y0, x1, y1, t] of areas) {
    if (t === null) outstanding.push([x0, y0, x1, y1]);
    else {
      const bin = span
        ? Math.min(PROGRESS_BINS - 1, Math.floor(((t - first!) / span) * PROGRESS_BINS))
        : PROGRESS_BINS - 1;
      boxes[bin].push([x0, y0, x1, y1]);
    }
  }
  return {
    bins: boxes
      .map((b, i) => ({ color: progressColor((i + 0.5) / PROGRESS_BINS), boxes: b }))
      .filter((b) => b.boxes.length > 0),
    outstanding,
  };
}

/** Date ticks for the legend (d3 UTC time scale: round days or hours). */
export function progressTicks(first: number, last: number, count = 4): { position: number; text: string }[] {
  const scale = scaleUtc()
    .domain([new Date(first * 1000), new Date(Math.max(last, first + 60) * 1000)])
    .range([0, 1]);
  // 24-hour UTC times, and the date at midnight (d3's default would say "06 PM").
  const day = utcFormat("%b %-d");
  const time = utcFormat("%H:%M");
  const format = (d: Date) => (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day(d) : time(d));
  return scale.ticks(count).map((d) => ({ position: scale(d), text: format(d) }));
}

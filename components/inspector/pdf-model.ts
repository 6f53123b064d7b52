// The geometry of one parameter's marginal PDF: the histogram as a step outline over its bins, the
// 16–84 % band, the median and the best fit, on linear scales with ticks. Pure.
import { scaleLinear, type ScaleLinear } from "d3";
import { linearTicks } from "@/components/charts/chart-ticks";
import type { Tick } from "@/components/charts/chart-types";
import type { InspectedParameter } from "@/lib/survey/pixel-inspection";

export type PdfBin = { centre: number; lo: number; hi: number; p: number };

export type PdfGeometry = {
  bins: PdfBin[];
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xTicks: Tick[];
  yTicks: Tick[];
  /** the histogram's outline as an SVG path, closed along the x axis; "" without a histogram */
  outline: string;
};

const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** Bins from the centres MAGPHYS prints (equal widths: half the step on each side). */
export function pdfBins(h: { x: number[]; p: number[] } | null, spread: number): PdfBin[] {
  if (!h || !h.x.length) return [];
  const steps = h.x.slice(1).map((v, i) => v - h.x[i]);
  const step = steps.length ? steps.sort((a, b) => a - b)[steps.length >> 1] : spread || 1;
  return h.x.map((c, i) => ({ centre: c, lo: c - step / 2, hi: c + step / 2, p: h.p[i] }));
}

/** Null when there is nothing to draw (no histogram and no statistic). */
export function pdfGeometry(parameter: InspectedParameter, width: number, height: number): PdfGeometry | null {
  const s = parameter.statistics;
  const marks = [s.percentile_2_5, s.percentile_97_5, s.percentile_50, s.best_fit].filter(finite);
  const spread = marks.length ? Math.max(...marks) - Math.min(...marks) : 0;
  const bins = pdfBins(parameter.histogram, spread);
  const xs = [...marks, ...bins.flatMap((b) => [b.lo, b.hi])];
  if (!xs.length) return null;
  let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5, hi + 0.5];
  const x = scaleLinear().domain([lo, hi]).range([0, width]);
  const top = Math.max(0, ...bins.map((b) => b.p));
  const y = scaleLinear()
    .domain([0, top > 0 ? top * 1.08 : 1])
    .range([height, 0])
    .nice(4);
  let outline = "";
  if (bins.length) {
    outline = `M${x(bins[0].lo)},${y(0)}`;
    for (const b of bins) outline += `V${y(b.p)}H${x(b.hi)}`;
    outline += `V${y(0)}Z`;
  }
  return {
    bins,
    x,
    y,
    xTicks: linearTicks(x, Math.max(2, Math.floor(width / 60))),
    yTicks: linearTicks(y, 3),
    outline,
  };
}

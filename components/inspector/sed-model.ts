// The geometry of a pixel's SED plot: log–log scales over the observed fluxes (with their σ) and
// the best-fit model's, padded, with ticks a reader can name. Pure.
import { scaleLog, type ScaleLogarithmic } from "d3";
import { powerOfTen } from "@/components/charts/chart-format";
import { logTicks } from "@/components/charts/chart-ticks";
import type { Tick } from "@/components/charts/chart-types";
import type { InspectedFlux } from "@/lib/survey/pixel-inspection";

export type SedPoint = InspectedFlux & { wavelength: number };

export type SedGeometry = {
  points: SedPoint[];
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
  xTicks: Tick[];
  yTicks: Tick[];
};

const positive = (v: number | null): v is number => v !== null && v > 0;

function fluxLabel(v: number): string {
  const e = Math.floor(Math.log10(v) + 1e-9);
  const m = Math.round(v / 10 ** e);
  return m === 1 ? powerOfTen(e) : `${m}×${powerOfTen(e)}`;
}

/** Null when nothing can be drawn: no filter with a known wavelength and a positive flux. */
export function sedGeometry(fluxes: InspectedFlux[], width: number, height: number): SedGeometry | null {
  const points = fluxes.filter((f): f is SedPoint => f.wavelength !== null);
  const values = points.flatMap((p) => [
    p.observed,
    p.model,
    positive(p.observed) && p.sigma ? p.observed + p.sigma : null,
  ]);
  const ys = values.filter(positive);
  const xs = points.filter((p) => positive(p.observed) || positive(p.model)).map((p) => p.wavelength);
  if (!xs.length || !ys.length) return null;
  const x = scaleLog()
    .domain([Math.min(...xs) / 1.3, Math.max(...xs) * 1.3])
    .range([0, width]);
  const y = scaleLog()
    .domain([Math.min(...ys) / 2.5, Math.max(...ys) * 2.5])
    .range([height, 0]);
  return {
    points: points.sort((a, b) => a.wavelength - b.wavelength),
    x,
    y,
    xTicks: logTicks(x, (v) => String(Number(v.toPrecision(2)))),
    yTicks: logTicks(y, fluxLabel),
  };
}

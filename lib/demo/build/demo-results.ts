// Synthetic MAGPHYS results for one work unit, as the `.fit` text a volunteer's computer would
// return: the physical model's PDF summaries of the area's pixels, with compact histograms
// (HIST_BINS merged into DEMO_BINS) so the demo stays fast. The text then goes through the real
// parser and store (lib/ingest/results), like any uploaded result.
import { writeFit, type MagphysPixelFit, type ParameterPdf } from "@/lib/ingest/magphys";
import { PARAMETERS, type MagphysParameter } from "@/lib/survey/parameters";
import { bestFitModelFluxes, HIST_BINS, summarisePixels, type PhysicalModel } from "@/lib/demo/physical-maps";

export const DEMO_BINS = 4;
const MERGE = HIST_BINS / DEMO_BINS;

/** A layer on the galaxy grid: the observed fluxes written into each pixel's block. */
export type ObservedLayer = { filterName: string; image: Float32Array; sigma: Float32Array | null };

export type DemoArea = { firstPixelId: number; x: ArrayLike<number>; y: ArrayLike<number> };

export function demoFitText(model: PhysicalModel, area: DemoArea, layers: ObservedLayer[], redshift: number): string {
  const s = summarisePixels(model, area.x, area.y);
  const pixels: MagphysPixelFit[] = [];
  for (let k = 0; k < s.count; k++) {
    const i = s.y[k] * model.width + s.x[k];
    const flux = layers.map((l) => (l.image[i] > 0 ? l.image[i] : 0));
    const sigma = layers.map((l, b) => (flux[b] > 0 ? (l.sigma && l.sigma[i] > 0 ? l.sigma[i] : 0.1 * flux[b]) : 0));
    const stat = (p: number, st: number) => s.stats[(k * 16 + p) * 7 + st];
    const pdfs: ParameterPdf[] = PARAMETERS.map((_, p) => {
      const lo = s.histLo[k * 16 + p],
        step = s.histStep[k * 16 + p] * MERGE;
      const histogram: [number, number][] = [];
      for (let j = 0; j < DEMO_BINS; j++) {
        let prob = 0;
        for (let m = 0; m < MERGE; m++) prob += s.hist[(k * 16 + p) * HIST_BINS + j * MERGE + m];
        histogram.push([lo + (j + 0.5) * step, prob]);
      }
      const top = histogram.reduce((best, h) => (h[1] > best[1] ? h : best));
      return {
        histogram,
        percentiles: { p2_5: stat(p, 3), p16: stat(p, 4), p50: stat(p, 1), p84: stat(p, 5), p97_5: stat(p, 6) },
        highestProbBin: top[0],
        firstBin: histogram[0][0],
        lastBin: histogram[DEMO_BINS - 1][0],
        binStep: step,
      };
    });
    const bestFit = PARAMETERS.map((param, p) => (param.log10 ? 10 ** stat(p, 0) : stat(p, 0)));
    pixels.push({
      pixelId: area.firstPixelId + k,
      filterNames: layers.map((l) => l.filterName),
      observedFlux: flux,
      observedSigma: sigma,
      bestFitModel: { iSfh: s.iSfh[k], iIr: s.iIr[k], chi2: s.chi2[k], redshift },
      bestFit,
      modelFlux: Array.from(
        bestFitModelFluxes(
          s,
          k,
          flux,
          sigma.map((e, b) => (flux[b] > 0 ? e / flux[b] : 0)),
        ),
      ),
      pdfs,
      skyNet: { iSfh: s.iSfh[k], iIr: s.iIr[k], stellarMassScale: bestFit[5], fmuSfh: bestFit[0], redshift },
    });
  }
  return writeFit(pixels);
}

/**
 * Rebin a compact histogram (bins of `step` from `lo`) onto a parameter's MAGPHYS grid by
 * overlap, for a writer that wants the histogram MAGPHYS would have printed (bin centres
 * lo + (k + ½)·step of the grid, probabilities summing to the same total).
 */
export function expandToMagphysGrid(
  param: MagphysParameter,
  lo: number,
  step: number,
  values: ArrayLike<number>,
): { centres: Float64Array; probabilities: Float64Array } {
  const { lo: glo, hi: ghi, bins } = param.grid;
  const gstep = (ghi - glo) / bins;
  const centres = new Float64Array(bins);
  const probabilities = new Float64Array(bins);
  for (let k = 0; k < bins; k++) centres[k] = glo + (k + 0.5) * gstep;
  for (let j = 0; j < values.length; j++) {
    const a = lo + j * step;
    const b = a + step;
    const v = values[j];
    if (!(v > 0)) continue;
    const k0 = Math.max(0, Math.floor((a - glo) / gstep));
    const k1 = Math.min(bins - 1, Math.floor((b - glo) / gstep));
    for (let k = k0; k <= k1; k++) {
      const ga = glo + k * gstep;
      const overlap = Math.min(b, ga + gstep) - Math.max(a, ga);
      if (overlap > 0) probabilities[k] += (v * overlap) / step;
    }
  }
  return { centres, probabilities };
}

/**
 * The 16×7 statistics block of a pixel (HDF5 `pixels_*` [.., 16, 7], data-request features f0–f6)
 * from its parsed .fit block.
 *
 * Scale decision: all 7 statistics of a parameter share one scale, the scale of its PDF. MAGPHYS
 * prints the best-fit row linearly but the histograms and percentiles of sSFR, M*, Ldust, M(dust)
 * and SFR as log10, so the best fit of those five is stored as log10 of the printed value. A
 * best fit ≤ 0 (possible for SFR and sSFR of a model with no recent star formation) has no log10:
 * it is stored as NaN, the portal's "no value", and the linear value stays in `bestFit`.
 * The other eleven parameters are linear throughout.
 */
import { PARAMETERS, Statistic, type PixelStatistics } from "@/lib/survey/parameters";
import type { MagphysPixelFit } from "./fit-types";

export function bestFitOnPdfScale(value: number, log10: boolean): number {
  if (!log10) return value;
  return value > 0 ? Math.log10(value) : Number.NaN;
}

export function pixelStatistics(fit: Pick<MagphysPixelFit, "bestFit" | "pdfs">): PixelStatistics {
  return PARAMETERS.map((parameter) => {
    const pdf = fit.pdfs[parameter.index];
    const row = new Array<number>(7);
    row[Statistic.BEST_FIT] = bestFitOnPdfScale(fit.bestFit[parameter.index], parameter.log10);
    row[Statistic.PERCENTILE_50] = pdf.percentiles.p50;
    row[Statistic.HIGHEST_PROB_BIN] = pdf.highestProbBin;
    row[Statistic.PERCENTILE_2_5] = pdf.percentiles.p2_5;
    row[Statistic.PERCENTILE_16] = pdf.percentiles.p16;
    row[Statistic.PERCENTILE_84] = pdf.percentiles.p84;
    row[Statistic.PERCENTILE_97_5] = pdf.percentiles.p97_5;
    return row;
  });
}

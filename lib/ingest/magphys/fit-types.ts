/**
 * One pixel's block of a POGS MAGPHYS `.fit` file, as printed: the parser returns it, the writer
 * takes it, and numbers mean what the file says (linear best-fit row; log10 PDFs for sSFR, M*,
 * Ldust, M(dust), SFR). Arrays of 16 are in POGS parameter-id order (lib/survey/parameters),
 * whatever order the file used.
 */
import type { PixelStatistics } from "@/lib/survey/parameters";

export interface BestFitModel {
  /** Index of the best-fitting model in the stellar-population (SFH) library. */
  iSfh: number;
  /** Index of the best-fitting model in the dust-emission (IR) library. */
  iIr: number;
  chi2: number;
  redshift: number;
}

export interface Percentiles {
  p2_5: number;
  p16: number;
  p50: number;
  p84: number;
  p97_5: number;
}

/** The marginal PDF of one parameter. */
export interface ParameterPdf {
  /** Histogram bins as (bin centre, probability) pairs. */
  histogram: [x: number, p: number][];
  percentiles: Percentiles;
  /** From the `# theSkyNet2` line: centre of the most probable bin, first and last bin, step. */
  highestProbBin: number;
  firstBin: number;
  lastBin: number;
  binStep: number;
}

/** The closing ` #...theSkyNet parameters of this model` line. */
export interface SkyNetModel {
  iSfh: number;
  iIr: number;
  /** M* normalisation of the best-fit model (linear, M☉). */
  stellarMassScale: number;
  fmuSfh: number;
  redshift: number;
}

export interface MagphysPixelFit {
  /** POGS pixel id, from ` ####### pix<id>`. */
  pixelId: number;
  filterNames: string[];
  /** Observed fluxes and their errors per filter; a sigma of 0 means no data in that band. */
  observedFlux: number[];
  observedSigma: number[];
  bestFitModel: BestFitModel;
  /** The 16 best-fit parameter values, linear as printed (M☉, L☉, M☉/yr, yr⁻¹, K, …). */
  bestFit: number[];
  /** Best-fit model fluxes per filter. */
  modelFlux: number[];
  /** The 16 marginal PDFs. */
  pdfs: ParameterPdf[];
  skyNet: SkyNetModel;
}

export interface ParsedPixelFit extends MagphysPixelFit {
  /** 1-based line of the block's ` ####### pix<id>` header. */
  firstLine: number;
  /** The 16×7 statistics block (see fit-statistics for the scale of each row). */
  statistics: PixelStatistics;
}

export interface ParsedFitFile {
  fileName?: string;
  pixels: ParsedPixelFit[];
}

/**
 * The fixed text and number formats of a POGS `.fit` block (client `fit_sed_skynet.f`), shared by
 * the parser (which checks the comments) and the writer (which must reproduce them so a synthetic
 * file is indistinguishable from a real one and passes the POGS validator's comment comparison).
 * Formats were read off the real sample `PGC1068443c_area244140_0_0`.
 */
import { PARAMETERS } from "@/lib/survey/parameters";
import { formatFixed, formatScientific } from "./fortran-numbers";

export const COMMENT = {
  observedFluxes: "# OBSERVED FLUXES (and errors):",
  blank: "#",
  results: "# ... Results of fitting the fluxes to the model.....",
  bestFitModel: "# BEST FIT MODEL: (i_sfh, i_ir, chi2, redshift)",
  histograms: "# MARGINAL PDF HISTOGRAMS FOR EACH PARAMETER......",
  percentiles: "#....percentiles of the PDF......",
  skyNet2: "# theSkyNet2",
  skyNetModel: " #...theSkyNet parameters of this model",
} as const;

/** Pixel header prefix; the `pix<id>` name is padded to 30 characters as Fortran's char*30 is. */
export const PIXEL_HEADER_PREFIX = " ####### ";
export const PIXEL_NAME_WIDTH = 30;

export type NumberFormat =
  | { kind: "F"; width: number; decimals: number }
  | { kind: "E"; width: number; decimals: number; exponentDigits: number };

export const F = (width: number, decimals: number): NumberFormat => ({ kind: "F", width, decimals });
export const E = (width: number, decimals: number, exponentDigits = 2): NumberFormat => ({
  kind: "E",
  width,
  decimals,
  exponentDigits,
});

export function formatNumber(value: number, format: NumberFormat): string {
  return format.kind === "F"
    ? formatFixed(value, format.width, format.decimals)
    : formatScientific(value, format.width, format.decimals, format.exponentDigits);
}

/** Parameter ids in the order of the best-fit row: T_W^BC (9) comes before T_C^ISM (8). */
export const BEST_FIT_ORDER = [1, 2, 3, 4, 5, 6, 7, 9, 8, 10, 11, 12, 13, 14, 15, 16] as const;

/** The best-fit header: the row's names joined by runs of dots, as the client prints it. */
export const BEST_FIT_HEADER =
  "#.fmu(SFH)...fmu(IR)........mu......tauv........sSFR..........M*.......Ldust......T_W^BC....." +
  "T_C^ISM....xi_C^tot..xi_PAH^tot..xi_MIR^tot....xi_W^tot.....tvism.......Mdust.....SFR";

const LARGE = E(12, 3); // the quantities spanning decades: sSFR, M*, Ldust, M(dust), SFR
const TEMPERATURE = F(10, 1);
const FRACTION = F(10, 3);

/** Format of each best-fit value, by parameter id. */
export const BEST_FIT_FORMAT: Record<number, NumberFormat> = Object.fromEntries(
  PARAMETERS.map((p) => [
    p.id,
    [5, 6, 7, 15, 16].includes(p.id) ? LARGE : p.id === 8 || p.id === 9 ? TEMPERATURE : FRACTION,
  ]),
);

export const FLUX_FORMAT = E(12, 3);
export const MODEL = { iSfh: 10, iIr: 10, chi2: F(10, 3), redshift: F(12, 6) } as const;
export const PROBABILITY_FORMAT = E(12, 3, 3);
export const SKYNET2_FORMAT = F(10, 4);

export interface PdfLayout {
  /** The section header line; tau_V^ISM and M(dust) lack the blank before the closing dots. */
  header: string;
  histogramX: NumberFormat;
  percentiles: NumberFormat;
}

const LOG_X = E(12, 3, 3);
const LINEAR_X = F(10, 4);
const LINEAR_PERCENTILES = F(8, 3);

// M(dust) is log10 like M* but the client prints its bins and percentiles in F format, and SFR
// prints E-format bins with F-format percentiles: these are the printed formats, not the scales.
export const PDF_LAYOUT: Record<number, PdfLayout> = Object.fromEntries(
  PARAMETERS.map((p) => {
    const header = p.id === 14 || p.id === 15 ? `# ... ${p.fitName}...` : `# ... ${p.fitName} ...`;
    const logX = [5, 6, 7, 16].includes(p.id);
    const logPercentiles = [5, 6, 7].includes(p.id);
    return [
      p.id,
      { header, histogramX: logX ? LOG_X : LINEAR_X, percentiles: logPercentiles ? LOG_X : LINEAR_PERCENTILES },
    ];
  }),
);

export const SKYNET_MODEL = {
  iSfh: 15,
  iIr: 15,
  stellarMassScale: { width: 20, decimals: 6 },
  fmuSfh: { width: 20, decimals: 4 },
  redshift: { width: 10, decimals: 2 },
} as const;

/** The filter-name line: ` #   ` then each name in a 12-character field, trailing blanks cut. */
export function filterNamesLine(names: readonly string[]): string {
  return (" #   " + names.map((n) => n.padEnd(Math.max(12, n.length + 1))).join("")).trimEnd();
}

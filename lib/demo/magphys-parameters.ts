// The 16 MAGPHYS parameters in POGS id order (POGS_FACTS §2 parameter_name, §6 DIM3), the 7
// statistics in HDF5 DIM4 order, and the histogram grid MAGPHYS uses for each parameter
// (POGS_FACTS §8; bin centres as in the sample .fit: first = lo + step/2).

export interface MagphysParameter {
  /** parameter_name id, 1–16 (HDF5 DIM3 = id − 1). */
  readonly id: number;
  /** Column of pixel_result / HDF5 key. */
  readonly column: string;
  /** Name in the .fit histogram header line (`# ... <name> ...`). */
  readonly fitName: string;
  /** Statistics and histograms are log10 of the quantity (M☉, L☉, M☉/yr, yr⁻¹). */
  readonly log10: boolean;
  /** MAGPHYS histogram grid: range [lo, hi] in `bins` bins of width (hi − lo)/bins. */
  readonly grid: { readonly lo: number; readonly hi: number; readonly bins: number };
  readonly unit: string;
}

const p = (
  id: number,
  column: string,
  fitName: string,
  log10: boolean,
  lo: number,
  hi: number,
  bins: number,
  unit: string,
): MagphysParameter => ({
  id,
  column,
  fitName,
  log10,
  grid: { lo, hi, bins },
  unit,
});

export const MAGPHYS_PARAMETERS: readonly MagphysParameter[] = [
  p(1, "fmu_sfh", "f_mu (SFH)", false, 0, 1, 20, ""),
  p(2, "fmu_ir", "f_mu (IR)", false, 0, 1, 20, ""),
  p(3, "mu", "mu parameter", false, 0, 1, 20, ""),
  p(4, "tauv", "tau_V", false, 0, 6, 48, ""),
  p(5, "s_sfr", "sSFR_0.1Gyr", true, -13, -6, 70, "log10(yr^-1)"),
  p(6, "m", "M(stars)", true, 2, 13, 110, "log10(Msun)"),
  p(7, "ldust", "Ldust", true, 2, 13, 110, "log10(Lsun)"),
  p(8, "t_c_ism", "T_C^ISM", false, 15, 25, 10, "K"),
  p(9, "t_w_bc", "T_W^BC", false, 30, 60, 30, "K"),
  p(10, "xi_c_tot", "xi_C^tot", false, 0, 1, 20, ""),
  p(11, "xi_pah_tot", "xi_PAH^tot", false, 0, 1, 20, ""),
  p(12, "xi_mir_tot", "xi_MIR^tot", false, 0, 1, 20, ""),
  p(13, "xi_w_tot", "xi_W^tot", false, 0, 1, 20, ""),
  p(14, "tvism", "tau_V^ISM", false, 0, 6, 80, ""),
  p(15, "mdust", "M(dust)", true, -2, 9, 110, "log10(Msun)"),
  p(16, "sfr", "SFR_0.1Gyr", true, -8, 3, 110, "log10(Msun/yr)"),
];

export const PARAMETER_COUNT = 16;

/** The 7 statistics, HDF5 DIM4 order (and the f0–f6 request codes). */
export const STATISTICS = [
  "best_fit",
  "percentile_50",
  "highest_prob_bin",
  "percentile_2_5",
  "percentile_16",
  "percentile_84",
  "percentile_97_5",
] as const;
export type Statistic = (typeof STATISTICS)[number];
export const STATISTIC_COUNT = 7;
export const S_BEST_FIT = 0;
export const S_P50 = 1;
export const S_HPB = 2;
export const S_P2_5 = 3;
export const S_P16 = 4;
export const S_P84 = 5;
export const S_P97_5 = 6;

/** Zero-based parameter index (DIM3) by column name. */
export const PARAM_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  MAGPHYS_PARAMETERS.map((x, i) => [x.column, i]),
);

/**
 * Rebin a compact histogram (bins of `step` from `lo`) onto a parameter's MAGPHYS grid by
 * overlap, so a writer can print the histogram MAGPHYS would have printed (bin centres
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

/**
 * The 16 MAGPHYS parameters and 7 statistics of a POGS pixel result, in the orders the original
 * system fixed for good (docs/formats.md §3, §9): parameter id = DB `parameter_name.id` =
 * HDF5 DIM3 index + 1 = data-request layer l<id−1>; statistic index = HDF5 DIM4 = feature f<index>.
 * Everything that stores or exchanges a 16×7 block indexes it [parameter index][statistic index].
 */

export interface MagphysParameter {
  /** POGS `parameter_name.id`, 1-based. */
  id: number;
  /** id − 1: the HDF5 DIM3 index and the row of a statistics block. */
  index: number;
  /** Name in the .fit histogram header `# ... <fitName> ...`. */
  fitName: string;
  /** Name in the .fit best-fit header row (`#.fmu(SFH)...fmu(IR)...`). */
  bestFitName: string;
  /** `pixel_result` column. */
  column: string;
  /** HDF5 `PIXELS_DIM3_*` name. */
  hdf5Name: string;
  /** Data-request layer name (`l<index>`). */
  layer: string;
  /** True when MAGPHYS reports the PDF (histogram, percentiles) as log10 of the quantity. */
  log10: boolean;
  /** Unit of the quantity itself (inside the log for log10 parameters); "" if dimensionless. */
  unit: string;
  /** Display label of the stored value, naming the log where there is one: "log10 Ldust/L☉". */
  label: string;
  /** What it is, in words, as a heading or tooltip: "Stellar mass". */
  title: string;
  /**
   * MAGPHYS's histogram grid (docs/formats.md §4): [lo, hi] in `bins` bins of equal width, bin centres
   * lo + (k + ½)·(hi − lo)/bins, in the units of the statistics (log10 where `log10`).
   */
  grid: { lo: number; hi: number; bins: number };
}

type Row = [
  fitName: string,
  bestFitName: string,
  column: string,
  hdf5Name: string,
  layer: string,
  log10: boolean,
  unit: string,
  label: string,
  title: string,
  grid: [lo: number, hi: number, bins: number],
];

// One row per id, in id order; the best-fit row of a .fit file lists T_W^BC before T_C^ISM, which
// is why the .fit names are kept here and files are mapped by name, never by position.
const ROWS: Row[] = [
  [
    "f_mu (SFH)",
    "fmu(SFH)",
    "fmu_sfh",
    "F_MU_SFH",
    "f_mu_sfh",
    false,
    "",
    "f_μ (SFH)",
    "Fraction of the dust luminosity from the diffuse ISM (stellar-population fit)",
    [0, 1, 20],
  ],
  [
    "f_mu (IR)",
    "fmu(IR)",
    "fmu_ir",
    "F_MU_IR",
    "f_mu_ir",
    false,
    "",
    "f_μ (IR)",
    "Fraction of the dust luminosity from the diffuse ISM (dust-emission fit)",
    [0, 1, 20],
  ],
  [
    "mu parameter",
    "mu",
    "mu",
    "MU_PARAMETER",
    "mu_parameter",
    false,
    "",
    "μ",
    "Fraction of the V-band optical depth from the diffuse ISM",
    [0, 1, 20],
  ],
  [
    "tau_V",
    "tauv",
    "tauv",
    "TAU_V",
    "tau_v",
    false,
    "",
    "τ_V",
    "Total V-band optical depth seen by young stars",
    [0, 6, 48],
  ],
  [
    "sSFR_0.1Gyr",
    "sSFR",
    "s_sfr",
    "SSFR_0_1GYR",
    "ssfr_0_1gyr",
    true,
    "yr⁻¹",
    "log10 sSFR/yr⁻¹",
    "Specific star-formation rate over the last 0.1 Gyr",
    [-13, -6, 70],
  ],
  ["M(stars)", "M*", "m", "M_STARS", "m_stars", true, "M☉", "log10 M*/M☉", "Stellar mass", [2, 13, 110]],
  ["Ldust", "Ldust", "ldust", "L_DUST", "l_dust", true, "L☉", "log10 Ldust/L☉", "Total dust luminosity", [2, 13, 110]],
  [
    "T_C^ISM",
    "T_C^ISM",
    "t_c_ism",
    "T_C_ISM",
    "t_c_ism",
    false,
    "K",
    "T_C^ISM / K",
    "Temperature of cold dust in the diffuse ISM",
    [15, 25, 10],
  ],
  [
    "T_W^BC",
    "T_W^BC",
    "t_w_bc",
    "T_W_BC",
    "t_w_bc",
    false,
    "K",
    "T_W^BC / K",
    "Temperature of warm dust in stellar birth clouds",
    [30, 60, 30],
  ],
  [
    "xi_C^tot",
    "xi_C^tot",
    "xi_c_tot",
    "XI_C_TOT",
    "xi_c_tot",
    false,
    "",
    "ξ_C^tot",
    "Fraction of the dust luminosity from cold ISM dust",
    [0, 1, 20],
  ],
  [
    "xi_PAH^tot",
    "xi_PAH^tot",
    "xi_pah_tot",
    "XI_PAH_TOT",
    "xi_pah_tot",
    false,
    "",
    "ξ_PAH^tot",
    "Fraction of the dust luminosity from PAHs",
    [0, 1, 20],
  ],
  [
    "xi_MIR^tot",
    "xi_MIR^tot",
    "xi_mir_tot",
    "XI_MIR_TOT",
    "xi_mir_tot",
    false,
    "",
    "ξ_MIR^tot",
    "Fraction of the dust luminosity from the hot mid-IR continuum",
    [0, 1, 20],
  ],
  [
    "xi_W^tot",
    "xi_W^tot",
    "xi_w_tot",
    "XI_W_TOT",
    "xi_w_tot",
    false,
    "",
    "ξ_W^tot",
    "Fraction of the dust luminosity from warm dust",
    [0, 1, 20],
  ],
  [
    "tau_V^ISM",
    "tvism",
    "tvism",
    "TAU_V_ISM",
    "tau_v_ism",
    false,
    "",
    "τ_V^ISM",
    "V-band optical depth of the diffuse ISM",
    [0, 6, 80],
  ],
  ["M(dust)", "Mdust", "mdust", "M_DUST", "m_dust", true, "M☉", "log10 Mdust/M☉", "Dust mass", [-2, 9, 110]],
  [
    "SFR_0.1Gyr",
    "SFR",
    "sfr",
    "SFR_0_1GYR",
    "sfr_0_1gyr",
    true,
    "M☉ yr⁻¹",
    "log10 SFR/(M☉ yr⁻¹)",
    "Star-formation rate over the last 0.1 Gyr",
    [-8, 3, 110],
  ],
];

export const PARAMETERS: readonly MagphysParameter[] = ROWS.map(
  ([fitName, bestFitName, column, hdf5Name, layer, log10, unit, label, title, [lo, hi, bins]], index) => ({
    id: index + 1,
    index,
    fitName,
    bestFitName,
    column,
    hdf5Name,
    layer,
    log10,
    unit,
    label,
    title,
    grid: { lo, hi, bins },
  }),
);

export const PARAMETER_COUNT = 16;

const byFitName = new Map(PARAMETERS.map((p) => [p.fitName, p]));
const byBestFitName = new Map(PARAMETERS.map((p) => [p.bestFitName, p]));
const byColumn = new Map(PARAMETERS.map((p) => [p.column, p]));

export function parameterByFitName(name: string): MagphysParameter | undefined {
  return byFitName.get(name);
}
export function parameterByBestFitName(name: string): MagphysParameter | undefined {
  return byBestFitName.get(name);
}
export function parameterByColumn(column: string): MagphysParameter | undefined {
  return byColumn.get(column);
}

/** HDF5 DIM4 / data-request feature order. */
export const Statistic = {
  BEST_FIT: 0,
  PERCENTILE_50: 1,
  HIGHEST_PROB_BIN: 2,
  PERCENTILE_2_5: 3,
  PERCENTILE_16: 4,
  PERCENTILE_84: 5,
  PERCENTILE_97_5: 6,
} as const;
export type StatisticName = keyof typeof Statistic;
export type StatisticIndex = (typeof Statistic)[StatisticName];

export interface StatisticDefinition {
  index: StatisticIndex;
  name: StatisticName;
  /** Data-request feature name (`f<index>`). */
  feature: string;
  label: string;
}

export const STATISTICS: readonly StatisticDefinition[] = [
  { index: 0, name: "BEST_FIT", feature: "best_fit", label: "best-fit model" },
  { index: 1, name: "PERCENTILE_50", feature: "percentile_50", label: "median (50th percentile)" },
  { index: 2, name: "HIGHEST_PROB_BIN", feature: "highest_prob_bin", label: "most probable histogram bin" },
  { index: 3, name: "PERCENTILE_2_5", feature: "percentile_2_5", label: "2.5th percentile" },
  { index: 4, name: "PERCENTILE_16", feature: "percentile_16", label: "16th percentile" },
  { index: 5, name: "PERCENTILE_84", feature: "percentile_84", label: "84th percentile" },
  { index: 6, name: "PERCENTILE_97_5", feature: "percentile_97_5", label: "97.5th percentile" },
];

export const STATISTIC_COUNT = 7;

/** A pixel's statistics, [parameter index 0–15][statistic index 0–6]; NaN = no value. */
export type PixelStatistics = readonly (readonly number[])[];

/**
 * The four map values (keys are the `pixel_result` columns, as in lib/maps). Each is the median
 * of the parameter's marginal PDF (statistic PERCENTILE_50), taken as stored, because:
 * - mu: MAGPHYS reports it linearly (a fraction 0–1), and it is shown linearly;
 * - m, ldust, sfr: the .fit percentiles of M*, Ldust and SFR are already log10, so the stored
 *   median is the log10 value shown. (The original POGS drew SFR as 10^median, linear; the portal
 *   keeps log10 because SFR spans several decades across a galaxy.)
 */
export const MAP_VALUES = [
  { key: "mu", parameterId: 3, statistic: Statistic.PERCENTILE_50 },
  { key: "m", parameterId: 6, statistic: Statistic.PERCENTILE_50 },
  { key: "ldust", parameterId: 7, statistic: Statistic.PERCENTILE_50 },
  { key: "sfr", parameterId: 16, statistic: Statistic.PERCENTILE_50 },
] as const;
export type MapValueKey = (typeof MAP_VALUES)[number]["key"];

/** The display value of one map for a pixel, from its statistics block. */
export function mapValue(statistics: PixelStatistics, key: MapValueKey): number {
  const def = MAP_VALUES.find((m) => m.key === key);
  if (!def) throw new RangeError(`unknown map value '${key}'`);
  return statistics[def.parameterId - 1][def.statistic];
}

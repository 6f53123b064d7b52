// The filters of the demo survey, with what the synthetic images need to know about each: POGS
// name and MAGPHYS filter number (POGS_FACTS §2), effective wavelength, band class for the
// usable-pixel rule, resolution, native pixel scale, sky noise and the intrinsic colours of the
// three stellar components of the galaxy model.

export type FilterName =
  | "GALEXFUV"
  | "GALEXNUV"
  | "SDSSu"
  | "SDSSg"
  | "SDSSr"
  | "SDSSi"
  | "SDSSz"
  | "PS1g"
  | "PS1r"
  | "PS1i"
  | "PS1z"
  | "PS1y"
  | "WISEW1"
  | "WISEW2"
  | "WISEW3"
  | "WISEW4";

export type BandClass = "uv" | "optical" | "ir";
export type Instrument = "GALEX" | "SDSS" | "PS1" | "WISE";

export interface FilterInfo {
  readonly name: FilterName;
  /** MAGPHYS filter number (filters.dat). */
  readonly magphysId: number;
  /** Effective wavelength, µm (POGS filter table). */
  readonly wavelength: number;
  readonly bandClass: BandClass;
  readonly instrument: Instrument;
  /** Point-spread function FWHM, arcsec. */
  readonly psfFwhm: number;
  /** Native pixel scale used when the band comes on its own grid, arcsec/px. */
  readonly nativeScale: number;
  /** 1-σ sky noise of a 1.5″ pixel as a surface brightness, AB mag/arcsec². */
  readonly skyNoiseMag: number;
  /** Intrinsic f_ν relative to r of the old (bulge), intermediate (disk) and young (arms, knots) populations. */
  readonly sed: { readonly bulge: number; readonly disk: number; readonly young: number };
  /** Dust emission per unit absorbed light: heated by young stars (warm) and by the diffuse field (cold/PAH). */
  readonly dustEmission: { readonly warm: number; readonly diffuse: number };
}

const f = (
  name: FilterName,
  magphysId: number,
  wavelength: number,
  bandClass: BandClass,
  instrument: Instrument,
  psfFwhm: number,
  nativeScale: number,
  skyNoiseMag: number,
  bulge: number,
  disk: number,
  young: number,
  warm = 0,
  diffuse = 0,
): FilterInfo => ({
  name,
  magphysId,
  wavelength,
  bandClass,
  instrument,
  psfFwhm,
  nativeScale,
  skyNoiseMag,
  sed: { bulge, disk, young },
  dustEmission: { warm, diffuse },
});

/** All filters the demo can produce, in the POGS filter table's order. */
export const FILTERS: readonly FilterInfo[] = [
  f("GALEXFUV", 123, 0.152, "uv", "GALEX", 4.3, 1.5, 26.9, 0.004, 0.09, 2.8),
  f("GALEXNUV", 124, 0.231, "uv", "GALEX", 5.3, 1.5, 27.1, 0.012, 0.13, 2.1),
  f("SDSSu", 229, 0.3534, "optical", "SDSS", 1.5, 0.396, 24.6, 0.12, 0.36, 1.35),
  f("SDSSg", 230, 0.4742, "optical", "SDSS", 1.4, 0.396, 25.4, 0.5, 0.72, 1.1),
  f("PS1g", 323, 0.481, "optical", "PS1", 1.3, 0.25, 25.6, 0.52, 0.73, 1.09),
  f("PS1r", 324, 0.617, "optical", "PS1", 1.2, 0.25, 25.4, 1, 1, 1),
  f("SDSSr", 231, 0.6189, "optical", "SDSS", 1.3, 0.396, 25.0, 1, 1, 1),
  f("PS1i", 325, 0.752, "optical", "PS1", 1.1, 0.25, 25.1, 1.26, 1.15, 0.92),
  f("SDSSi", 232, 0.7595, "optical", "SDSS", 1.2, 0.396, 24.6, 1.27, 1.16, 0.92),
  f("PS1z", 326, 0.866, "optical", "PS1", 1.1, 0.25, 24.5, 1.42, 1.25, 0.86),
  f("SDSSz", 233, 0.9032, "optical", "SDSS", 1.3, 0.396, 23.4, 1.45, 1.27, 0.85),
  f("PS1y", 327, 0.962, "optical", "PS1", 1.1, 0.25, 23.6, 1.52, 1.31, 0.82),
  f("WISEW1", 280, 3.4, "ir", "WISE", 6.1, 2.75, 24.6, 1.05, 0.85, 0.35, 0.01, 0.01),
  f("WISEW2", 281, 4.6, "ir", "WISE", 6.4, 2.75, 24.1, 0.58, 0.48, 0.25, 0.04, 0.015),
  f("WISEW3", 282, 12.0, "ir", "WISE", 6.5, 2.75, 22.6, 0.09, 0.08, 0.04, 2.4, 1.6),
  f("WISEW4", 283, 22.0, "ir", "WISE", 12.0, 2.75, 21.2, 0.025, 0.02, 0.01, 6.0, 1.1),
];

const BY_NAME = new Map(FILTERS.map((x) => [x.name, x]));

export function filterInfo(name: FilterName): FilterInfo {
  const info = BY_NAME.get(name);
  if (!info) throw new Error(`unknown filter ${name}`);
  return info;
}

/** Attenuation curve τ_λ/τ_V: Charlot & Fall (2000) λ^−0.7 in the UV–optical, steeper in the IR. */
export function attenuationRatio(wavelengthMicron: number): number {
  if (wavelengthMicron < 1) return Math.pow(wavelengthMicron / 0.55, -0.7);
  return Math.pow(1 / 0.55, -0.7) * Math.pow(wavelengthMicron, -1.75);
}

/** AB magnitude zero point: f_ν = 3631 Jy × 10^(−0.4 m). */
export const AB_ZERO_POINT_JY = 3631;

export function abMagToJy(mag: number): number {
  return AB_ZERO_POINT_JY * Math.pow(10, -0.4 * mag);
}

export function jyToAbMag(jy: number): number {
  return -2.5 * Math.log10(jy / AB_ZERO_POINT_JY);
}

/** Filter sets of real POGS runs and of the survey's goal (GALEX + PS1 + WISE). */
export const BAND_SETS = {
  /** 2012 run 0: 11 layers. */
  "galex-sdss-wise": [
    "GALEXFUV",
    "GALEXNUV",
    "SDSSu",
    "SDSSg",
    "SDSSr",
    "SDSSi",
    "SDSSz",
    "WISEW1",
    "WISEW2",
    "WISEW3",
    "WISEW4",
  ],
  /** The survey's goal: GALEX, Pan-STARRS1 and WISE. */
  "galex-ps1-wise": [
    "GALEXFUV",
    "GALEXNUV",
    "PS1g",
    "PS1r",
    "PS1i",
    "PS1z",
    "PS1y",
    "WISEW1",
    "WISEW2",
    "WISEW3",
    "WISEW4",
  ],
  /** Run 1: SDSS u with PS1 g–y (run0001 filters.dat). */
  "sdssu-ps1": ["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"],
  /** Pan-STARRS1 only. */
  ps1: ["PS1g", "PS1r", "PS1i", "PS1z", "PS1y"],
  /** Patchy archival coverage: NUV only, SDSS, the two short WISE bands. */
  "nuv-sdss-w1w2": ["GALEXNUV", "SDSSu", "SDSSg", "SDSSr", "SDSSi", "SDSSz", "WISEW1", "WISEW2"],
} as const satisfies Record<string, readonly FilterName[]>;

export type BandSetName = keyof typeof BAND_SETS;

/** Default mix for the demo: every kind of filter set appears in a small survey. */
export const DEFAULT_BAND_SET_WEIGHTS: Readonly<Record<BandSetName, number>> = {
  "galex-sdss-wise": 0.35,
  "galex-ps1-wise": 0.2,
  "sdssu-ps1": 0.2,
  ps1: 0.1,
  "nuv-sdss-w1w2": 0.15,
};

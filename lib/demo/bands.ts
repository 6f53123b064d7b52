// The demo's bands: what its synthetic images need to know about each filter beyond the survey's
// own record of it (lib/survey/filters.ts: name, MAGPHYS number, wavelength, band class), namely
// resolution, sky depth and the intrinsic colours of the galaxy model's stellar populations and
// dust; and the filter sets its galaxies are observed in.
import { filterByName, type FilterDef, type FilterName } from "@/lib/survey/filters";

/**
 * The demo's observing programmes. Bands of one instrument share its own grid and its coverage
 * edges and gaps; the short names also label the instruments' random streams, so they must not
 * change (the survey's `FilterDef.survey` spells Pan-STARRS1 out).
 */
export type Instrument = "GALEX" | "SDSS" | "PS1" | "WISE";

export interface DemoBand {
  /** The survey's record of the filter. */
  readonly filter: FilterDef;
  readonly instrument: Instrument;
  /** Point-spread function FWHM, arcsec. */
  readonly psfFwhm: number;
  /** 1-σ sky noise of a 1.5″ pixel as a surface brightness, AB mag/arcsec². */
  readonly skyNoiseMag: number;
  /** Intrinsic f_ν relative to r of the old (bulge), intermediate (disk) and young (arms, knots) populations. */
  readonly sed: { readonly bulge: number; readonly disk: number; readonly young: number };
  /** Dust emission per unit absorbed light: heated by young stars (warm) and by the diffuse field (cold/PAH). */
  readonly dustEmission: { readonly warm: number; readonly diffuse: number };
}

const band = (
  instrument: Instrument,
  psfFwhm: number,
  skyNoiseMag: number,
  bulge: number,
  disk: number,
  young: number,
  warm = 0,
  diffuse = 0,
): Omit<DemoBand, "filter"> => ({
  instrument,
  psfFwhm,
  skyNoiseMag,
  sed: { bulge, disk, young },
  dustEmission: { warm, diffuse },
});

// Optical colours (f_ν relative to r) of an early-type population for the bulge (g − r ≈ 0.75,
// r − i ≈ 0.4, i − z ≈ 0.3 AB), an Sb-like disk (g − r ≈ 0.5) and a young, blue population
// (g − r ≈ −0.3): the composites owe their yellow bulges and blue arms to these.
const PHYSICS = {
  GALEXFUV: band("GALEX", 4.3, 26.9, 0.004, 0.09, 2.8),
  GALEXNUV: band("GALEX", 5.3, 27.1, 0.012, 0.13, 2.1),
  SDSSu: band("SDSS", 1.5, 24.6, 0.11, 0.3, 1.6),
  SDSSg: band("SDSS", 1.4, 25.4, 0.5, 0.62, 1.3),
  PS1g: band("PS1", 1.3, 25.6, 0.52, 0.64, 1.28),
  PS1r: band("PS1", 1.2, 25.4, 1, 1, 1),
  SDSSr: band("SDSS", 1.3, 25.0, 1, 1, 1),
  PS1i: band("PS1", 1.1, 25.1, 1.42, 1.28, 0.83),
  SDSSi: band("SDSS", 1.2, 24.6, 1.44, 1.3, 0.83),
  PS1z: band("PS1", 1.1, 24.5, 1.78, 1.52, 0.72),
  SDSSz: band("SDSS", 1.3, 23.4, 1.85, 1.55, 0.71),
  PS1y: band("PS1", 1.1, 23.6, 1.98, 1.64, 0.67),
  WISEW1: band("WISE", 6.1, 24.6, 1.05, 0.85, 0.35, 0.01, 0.01),
  WISEW2: band("WISE", 6.4, 24.1, 0.58, 0.48, 0.25, 0.04, 0.015),
  WISEW3: band("WISE", 6.5, 22.6, 0.09, 0.08, 0.04, 2.4, 1.6),
  WISEW4: band("WISE", 12.0, 21.2, 0.025, 0.02, 0.01, 6.0, 1.1),
} satisfies Partial<Record<FilterName, Omit<DemoBand, "filter">>>;

/** The filters the demo observes. */
export type DemoFilterName = keyof typeof PHYSICS;

const BANDS = new Map(
  Object.entries(PHYSICS).map(([name, physics]): [string, DemoBand] => {
    const filter = filterByName(name);
    if (!filter) throw new Error(`the demo's filter ${name} is not a POGS filter`);
    return [name, { filter, ...physics }];
  }),
);

export function demoBand(name: DemoFilterName): DemoBand {
  const info = BANDS.get(name);
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
} as const satisfies Record<string, readonly DemoFilterName[]>;

export type BandSetName = keyof typeof BAND_SETS;

/** Default mix for the demo: every kind of filter set appears in a small survey. */
export const DEFAULT_BAND_SET_WEIGHTS: Readonly<Record<BandSetName, number>> = {
  "galex-sdss-wise": 0.35,
  "galex-ps1-wise": 0.2,
  "sdssu-ps1": 0.2,
  ps1: 0.1,
  "nuv-sdss-w1w2": 0.15,
};

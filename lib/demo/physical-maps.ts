// Physically plausible MAGPHYS results for every pixel of a demo galaxy, from the same model as
// its images (galaxy-model/), on the reference grid (where registration puts the pixels):
//   M*        the old light (bulge, disk) times a mass-to-light ratio, at the galaxy's distance
//   SFR       the young stars' unattenuated FUV (Kennicutt & Evans 2012), so arms and knots
//   tau_V     diffuse ISM plus birth clouds; tau_V^ISM = mu·tau_V; dust lanes show up here
//   Ldust     the light the dust absorbs; f_mu = share of it absorbed in the diffuse ISM
//   M(dust)   ∝ tau_V^ISM × pixel area; T_C^ISM, T_W^BC and the xi's drift with star formation
// Each pixel's marginal PDFs are split-normal, ragged like MAGPHYS's, wider at low S/N and for
// dust when there is no IR (or star formation when there is no UV). Statistics follow MAGPHYS:
// sSFR, M*, Ldust, M(dust) and SFR in log10; percentiles from the histogram's cumulative sum.
//
// Use: `buildPhysicalModel(galaxy)` once per galaxy (dense "true" maps, cheap), then
// `summarisePixels(model, xs, ys)` per work-unit area (or any pixel list) for the .fit writer.
// A pixel's summary depends only on the galaxy and (x, y), never on which pixels are asked with it.
import { PARAMETERS, PARAMETER_COUNT, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { abMagToJy, demoBand } from "./bands";
import type { DemoGalaxy } from "./catalogue";
import { CM_PER_MPC, luminosityDistanceMpc } from "./cosmology";
import { evaluateComponents } from "./galaxy-model/evaluate";
import { galaxyStructure } from "./galaxy-model/structure";
import type { GalaxyStructure } from "./galaxy-model/types";
import { referenceGrid } from "./images";
import { Rng, hash32 } from "./random";
import type { TanWcs } from "./wcs";

/** Bins of the compact histogram of each parameter of each pixel. */
export const HIST_BINS = 16;

export interface PhysicalModel {
  readonly galaxy: DemoGalaxy;
  readonly structure: GalaxyStructure;
  /** Reference grid (galaxy.width × galaxy.height), FITS order. */
  readonly width: number;
  readonly height: number;
  readonly wcs: TanWcs;
  /**
   * The model's value of each parameter (index = parameter id − 1), in the units of the
   * statistics: log10 for sSFR, M*, Ldust, M(dust), SFR; linear for the rest.
   */
  readonly truth: readonly Float32Array[];
  /** r-band signal-to-noise of the pixel's model light (sets the PDF widths). */
  readonly snr: Float32Array;
  /** 1 inside the galaxy's extent (where the images have data). */
  readonly footprint: Uint8Array;
  readonly hasUv: boolean;
  readonly hasIr: boolean;
  /** Physical area of one pixel, pc². */
  readonly pixelAreaPc2: number;
}

/**
 * Summaries of a list of pixels. Layouts (k = pixel index in the list, p = parameter index 0–15):
 *   stats[(k·16 + p)·7 + s], s in STATISTICS order (best fit, p50, highest-prob bin, p2.5, p16, p84, p97.5)
 *   histLo[k·16 + p], histStep[k·16 + p]: bin j spans histLo + j·histStep … + (j+1)·histStep
 *   hist[(k·16 + p)·HIST_BINS + j]: probability of bin j (the bins of one histogram sum to 1)
 * log10 parameters are log10 in every statistic and histogram (the .fit best-fit line is linear:
 * write 10^stats for those). chi2, iSfh, iIr are for the `# BEST FIT MODEL` line.
 */
export interface PixelSummaries {
  readonly count: number;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly stats: Float64Array;
  readonly histLo: Float64Array;
  readonly histStep: Float64Array;
  readonly hist: Float32Array;
  readonly chi2: Float32Array;
  readonly iSfh: Int32Array;
  readonly iIr: Int32Array;
}

// Solar r-band luminosity density (M_r,☉ = 4.65 AB), erg s⁻¹ Hz⁻¹.
const L_SUN_NU_R = 4 * Math.PI * (10 * 3.0856775814913673e18) ** 2 * 3631e-23 * Math.pow(10, -0.4 * 4.65);
// SFR per unit FUV luminosity density (Kennicutt & Evans 2012, ν = c / 0.152 µm), M☉/yr per erg s⁻¹ Hz⁻¹.
const SFR_PER_LNU_FUV = (2.99792458e14 / 0.152) * Math.pow(10, -43.35);
// Bolometric luminosity of young stars per unit SFR, L☉ per M☉/yr.
const L_BOL_PER_SFR = 1.0e10;
// Dust mass per unit V optical depth, M☉/pc² (κ_V ≈ 2.4e4 cm²/g).
const DUST_PER_TAU = 0.2;
const M_TO_L = { bulge: 3.0, disk: 1.4, young: 0.15 };

/** Base 1-σ widths of the PDFs, in parameter units (dex for the log10 ones), at high S/N. */
const BASE_WIDTH = [0.08, 0.12, 0.1, 0.45, 0.25, 0.08, 0.15, 3.0, 9.0, 0.1, 0.05, 0.03, 0.06, 0.3, 0.3, 0.25];
const DUST_PARAMS = new Set([1, 6, 7, 8, 9, 10, 11, 12, 14]);
const SF_PARAMS = new Set([4, 15]);

const PERCENTILE_LEVELS = [0.025, 0.16, 0.5, 0.84, 0.975];
const PERCENTILE_SLOTS = [3, 4, 1, 5, 6];

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

export function buildPhysicalModel(g: DemoGalaxy): PhysicalModel {
  const structure = galaxyStructure(g);
  const grid = referenceGrid(g);
  const c = evaluateComponents(structure, g, grid, 1.4);
  const n = g.width * g.height;
  const rng = Rng.fromHex(g.seed).child("physical-maps");
  const truth = PARAMETERS.map(() => new Float32Array(n));
  const snr = new Float32Array(n);
  const hasUv = g.filters.some((f) => demoBand(f).filter.bandClass === "UV");
  const hasIr = g.filters.some((f) => demoBand(f).filter.bandClass === "IR");
  const rFilter = g.filters.includes("SDSSr") ? demoBand("SDSSr") : demoBand("PS1r");
  const skySigma = abMagToJy(rFilter.skyNoiseMag) * (1.5 / g.pixelScale);

  const areaArcsec2 = g.pixelScale * g.pixelScale;
  const pcPerPixel = g.pixelScale * structure.pcPerArcsec;
  const pixelAreaPc2 = pcPerPixel * pcPerPixel;
  const dl = luminosityDistanceMpc(g.redshift) * CM_PER_MPC;
  const lnuPerSb = 4 * Math.PI * dl * dl * areaArcsec2 * 1e-23; // erg/s/Hz per Jy/arcsec²
  const lrPerSb = lnuPerSb / L_SUN_NU_R; // L☉,r per Jy/arcsec²
  const fuv = demoBand("GALEXFUV").sed;

  const noise = new Float64Array(n * 4);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal();

  const [fmuSfh, fmuIr, mu, tauV, ssfr, mstar, ldust, tc, tw, xiC, xiPah, xiMir, xiW, tauIsmMap, mdust, sfr] = truth;
  for (let i = 0; i < n; i++) {
    const b = c.bulge[i];
    const d = c.disk[i];
    const y = c.young[i];
    const tI = c.tauIsm[i];
    const tB = c.tauBc[i];
    const lOld = lrPerSb * (b + d);
    const mass = Math.max(
      1,
      lrPerSb * (M_TO_L.bulge * b + M_TO_L.disk * d + M_TO_L.young * y) * Math.pow(10, 0.04 * noise[4 * i]),
    );
    const sfrLin = SFR_PER_LNU_FUV * lnuPerSb * (fuv.young * y + fuv.disk * d);
    const logSsfr = clamp(
      Math.log10(Math.max(1e-30, sfrLin / mass)) + 0.08 * noise[4 * i + 1],
      -12.7 + 0.1 * Math.abs(noise[4 * i + 1]),
      -7.6,
    );
    const logM = clamp(Math.log10(mass), 2.2, 12.8);
    const logSfr = clamp(logSsfr + logM, -7.9, 2.9);
    const sfNorm = clamp((logSsfr + 12) / 2.5, 0, 1);

    // Dust: young light absorbed first in birth clouds, then in the ISM; old light in the ISM.
    const lYoung = L_BOL_PER_SFR * Math.pow(10, logSfr);
    const lBc = lYoung * (1 - Math.exp(-2 * tB));
    const lIsm = lYoung * Math.exp(-2 * tB) * (1 - Math.exp(-2 * tI)) + 3 * lOld * (1 - Math.exp(-tI));
    const lDust = Math.max(1, lBc + lIsm);
    const fmu = clamp(lIsm / lDust, 0.02, 0.98);

    const tv = clamp(tI + tB, 0.02, 5.95);
    const tvIsm = clamp(tI, 0.005, 5.95);

    fmuSfh[i] = fmu;
    fmuIr[i] = clamp(fmu + 0.03 * noise[4 * i + 2], 0.02, 0.98);
    mu[i] = clamp(tvIsm / tv, 0.02, 0.98);
    tauV[i] = tv;
    ssfr[i] = logSsfr;
    mstar[i] = logM;
    ldust[i] = clamp(Math.log10(lDust), 2.2, 12.8);
    tc[i] = clamp(16.5 + 6 * sfNorm + 0.8 * noise[4 * i + 3], 15.2, 24.8);
    tw[i] = clamp(40 + 12 * sfNorm + 2 * noise[4 * i + 2], 30.5, 59.5);
    const xc = Math.max(0.02, 0.72 - 0.32 * sfNorm + 0.02 * noise[4 * i + 3]);
    const xp = Math.max(0.01, 0.13 - 0.04 * sfNorm);
    const xm = Math.max(0.01, 0.06 + 0.05 * sfNorm);
    const xw = Math.max(0.01, 0.09 + 0.31 * sfNorm - 0.02 * noise[4 * i + 3]);
    const xs = xc + xp + xm + xw;
    xiC[i] = xc / xs;
    xiPah[i] = xp / xs;
    xiMir[i] = xm / xs;
    xiW[i] = xw / xs;
    tauIsmMap[i] = tvIsm;
    mdust[i] = clamp(Math.log10(Math.max(1e-3, DUST_PER_TAU * tI * pixelAreaPc2)), -1.9, 8.9);
    sfr[i] = logSfr;

    const signal = b + d + y;
    snr[i] = signal / Math.sqrt(skySigma * skySigma + 0.05 * skySigma * signal + 1e-4 * signal * signal);
  }
  return {
    galaxy: g,
    structure,
    width: g.width,
    height: g.height,
    wcs: grid.wcs,
    truth,
    snr,
    footprint: c.footprint,
    hasUv,
    hasIr,
    pixelAreaPc2,
  };
}

/** Summaries (7 statistics + compact histogram per parameter) of the given pixels. */
export function summarisePixels(model: PhysicalModel, xs: ArrayLike<number>, ys: ArrayLike<number>): PixelSummaries {
  const count = xs.length;
  if (ys.length !== count) throw new Error("xs and ys differ in length");
  const out: PixelSummaries = {
    count,
    x: Int32Array.from(xs),
    y: Int32Array.from(ys),
    stats: new Float64Array(count * PARAMETER_COUNT * STATISTIC_COUNT),
    histLo: new Float64Array(count * PARAMETER_COUNT),
    histStep: new Float64Array(count * PARAMETER_COUNT),
    hist: new Float32Array(count * PARAMETER_COUNT * HIST_BINS),
    chi2: new Float32Array(count),
    iSfh: new Int32Array(count),
    iIr: new Int32Array(count),
  };
  const root = Rng.fromHex(model.galaxy.seed).child("pixel-pdfs");
  const cdf = new Float64Array(HIST_BINS + 1);
  for (let k = 0; k < count; k++) {
    const x = out.x[k];
    const y = out.y[k];
    if (!(x >= 0 && x < model.width && y >= 0 && y < model.height))
      throw new Error(`pixel (${x}, ${y}) outside ${model.width}×${model.height}`);
    const i = y * model.width + x;
    const rng = root.child(i);
    const snr = Math.max(0.1, model.snr[i]);
    const widthFactor = clamp(0.7 + 2.5 / Math.sqrt(snr), 0.7, 3);
    out.chi2[k] = clamp(Math.exp(rng.normal(Math.log(0.6 + 3 / Math.sqrt(snr + 1)), 0.5)), 0.005, 60);
    out.iSfh[k] = 1 + (hash32(i ^ 0x5f3759df) % 50000);
    out.iIr[k] = 1 + (hash32(Math.imul(i, 0x9e3779b1) >>> 0) % 50000);
    for (let p = 0; p < PARAMETER_COUNT; p++) {
      let width = BASE_WIDTH[p] * widthFactor;
      if (!model.hasIr && DUST_PARAMS.has(p)) width *= 1.6;
      if (!model.hasUv && SF_PARAMS.has(p)) width *= 1.4;
      pixelPdf(model.truth[p][i], width, PARAMETERS[p].grid, rng, out, k * PARAMETER_COUNT + p, cdf);
    }
  }
  return out;
}

/** One parameter's PDF: ragged split-normal on 16 bins inside the MAGPHYS range, and its statistics. */
function pixelPdf(
  truth: number,
  sigma: number,
  grid: { lo: number; hi: number; bins: number },
  rng: Rng,
  out: PixelSummaries,
  slot: number,
  cdf: Float64Array,
): void {
  const range = grid.hi - grid.lo;
  const minSpan = (4 * range) / grid.bins;
  const centre = clamp(truth + rng.normal(0, 0.3 * sigma), grid.lo + 1e-6 * range, grid.hi - 1e-6 * range);
  const skew = rng.uniform(-0.3, 0.3);
  const sl = sigma * (1 - skew);
  const sr = sigma * (1 + skew);
  let lo = Math.max(grid.lo, centre - 4 * sl);
  let hi = Math.min(grid.hi, centre + 4 * sr);
  if (hi - lo < minSpan) {
    lo = clamp(centre - minSpan / 2, grid.lo, grid.hi - minSpan);
    hi = lo + minSpan;
  }
  const step = (hi - lo) / HIST_BINS;
  const h = out.hist;
  const base = slot * HIST_BINS;
  let total = 0;
  let best = 0;
  for (let j = 0; j < HIST_BINS; j++) {
    const xc = lo + (j + 0.5) * step;
    const t = (xc - centre) / (xc < centre ? sl : sr);
    const v = Math.exp(-0.5 * t * t) * (0.85 + 0.3 * rng.next());
    h[base + j] = v;
    total += v;
    if (v > h[base + best]) best = j;
  }
  if (!(total > 0)) {
    // Degenerate (cannot happen with the centre inside the window, kept for safety).
    for (let j = 0; j < HIST_BINS; j++) h[base + j] = 1;
    total = HIST_BINS;
  }
  cdf[0] = 0;
  for (let j = 0; j < HIST_BINS; j++) {
    h[base + j] /= total;
    cdf[j + 1] = cdf[j] + h[base + j];
  }
  cdf[HIST_BINS] = 1;
  // Percentiles as MAGPHYS computes them: linear interpolation in the cumulative histogram.
  const s = slot * STATISTIC_COUNT;
  const st = out.stats;
  let j = 0;
  for (let q = 0; q < 5; q++) {
    const level = PERCENTILE_LEVELS[q];
    while (j < HIST_BINS - 1 && cdf[j + 1] < level) j++;
    const pj = h[base + j];
    const f = pj > 0 ? clamp((level - cdf[j]) / pj, 0, 1) : 0.5;
    st[s + PERCENTILE_SLOTS[q]] = lo + (j + f) * step;
  }
  st[s + 2] = lo + (best + 0.5) * step;
  st[s + 0] = clamp(centre + rng.normal(0, 0.4 * sigma), st[s + 3], st[s + 6]);
  out.histLo[slot] = lo;
  out.histStep[slot] = step;
}

/** Convenience: summaries of every pixel of the galaxy's extent, in row order. */
export function summariseFootprint(model: PhysicalModel): PixelSummaries {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < model.height; y++) {
    for (let x = 0; x < model.width; x++) {
      if (model.footprint[y * model.width + x]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return summarisePixels(model, xs, ys);
}

/** Index into PixelSummaries.stats. */
export function statOffset(pixel: number, parameterIndex: number, statistic: number): number {
  return (pixel * PARAMETER_COUNT + parameterIndex) * STATISTIC_COUNT + statistic;
}

/**
 * Best-fit model fluxes for the .fit block: the observed fluxes moved by the pixel's chi2
 * (deterministic in the pixel). Observed values ≤ 0 or NaN (no data) give the unperturbed model
 * proxy 0.
 */
export function bestFitModelFluxes(
  summaries: PixelSummaries,
  pixel: number,
  observed: ArrayLike<number>,
  relativeErrors: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(observed.length);
  const spread = Math.sqrt(summaries.chi2[pixel] / Math.max(1, observed.length));
  for (let b = 0; b < observed.length; b++) {
    const v = observed[b];
    if (!(v > 0)) continue;
    const u =
      hash32((summaries.x[pixel] * 73856093) ^ (summaries.y[pixel] * 19349663) ^ (b * 83492791)) / 4294967296 - 0.5;
    out[b] = v * (1 + 2 * u * spread * (relativeErrors[b] > 0 ? relativeErrors[b] : 0.1));
  }
  return out;
}

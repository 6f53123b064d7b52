// Synthetic multi-band images of a demo galaxy, in surface brightness (Jy/arcsec²), as the POGS
// image preparation delivered them: one image and one 1-σ uncertainty image per filter.
//
// Physics per band (see galaxy-model/ for the components): stellar light of the bulge, disk and
// young populations with their own colours (bands.ts), dimmed by dust with a λ^−0.7 curve (young
// stars also behind their birth clouds), plus dust emission in the mid-IR from the absorbed light
// (WISE W3/W4 bright in arms and knots). Then sky and source noise.
//
// Layout: FITS order (index y·width + x, row 0 = south), each band with its own TAN WCS. Optical
// bands lie on the reference grid (the galaxy's catalogue size at 1.5″/px); GALEX and WISE come
// either on the reference grid (as POGS delivered them) or, for about half the galaxies, on their
// own grids (1.5″/px and 2.75″/px, shifted and rotated) to exercise reprojection. Outside the
// galaxy's extent the sky is masked to 0 (no data), and some bands have survey edges or chip gaps
// of NaN, to exercise the usable-pixel rule.
import type { FilterDef } from "@/lib/survey/filters";
import {
  abMagToJy,
  attenuationRatio,
  demoBand,
  jyToAbMag,
  type DemoBand,
  type DemoFilterName,
  type Instrument,
} from "./bands";
import type { DemoGalaxy } from "./catalogue";
import { evaluateComponents } from "./galaxy-model/evaluate";
import { galaxyStructure } from "./galaxy-model/structure";
import type { ComponentMaps, GalaxyStructure, Grid } from "./galaxy-model/types";
import { Rng } from "./random";
import {
  gridStandardCoordinates,
  pixelScaleArcsec,
  pixelToSky,
  skyToPixel,
  standardToSky,
  tanWcs,
  type TanWcs,
} from "./wcs";

export interface BandImage {
  readonly filterName: DemoFilterName;
  /** The survey's record of the filter. */
  readonly filter: FilterDef;
  readonly width: number;
  readonly height: number;
  /** Surface brightness, FITS order; 0 = masked sky (no data), NaN = outside the survey's coverage. */
  readonly data: Float32Array;
  /** 1-σ uncertainty, same layout; 0 where data is 0, NaN where data is NaN. */
  readonly sigma: Float32Array;
  readonly bunit: "Jy/arcsec2";
  readonly wcs: TanWcs;
  readonly pixelScale: number;
  readonly psfFwhm: number;
  /** True when this band shares the reference grid (no reprojection needed). */
  readonly onReferenceGrid: boolean;
}

export interface GalaxyImages {
  readonly galaxy: DemoGalaxy;
  readonly structure: GalaxyStructure;
  /** The reference grid: galaxy.width × galaxy.height at galaxy.pixelScale, north up. */
  readonly reference: Grid;
  /** One image per filter of galaxy.filters, in that order. */
  readonly bands: readonly BandImage[];
  /** Regions without data: survey edges and chip gaps, per instrument. */
  readonly coverageCuts: readonly CoverageCut[];
}

export interface ImageOptions {
  /** Add noise (default true). Without it, `data` is the noise-free model. */
  readonly noise?: boolean;
  /** Set pixels outside the galaxy's extent to 0 = no data, as the POGS preparation did (default true). */
  readonly maskSky?: boolean;
  /** Chance that GALEX and WISE come on their own grids (default 0.5; 0 = all on the reference grid). */
  readonly nativeGridProbability?: number;
  /** Survey edges and chip gaps (default true). */
  readonly coverageCuts?: boolean;
}

/** Half-plane (edge) or stripe (gap) without data, in the galaxy's tangent plane (arcsec). */
export interface CoverageCut {
  readonly instrument: Instrument;
  readonly kind: "edge" | "gap";
  /** Unit normal [ξ, η]. */
  readonly normal: readonly [number, number];
  /** Edge: no data where (ξ,η)·normal > offset. Gap: where |(ξ,η)·normal − offset| < halfWidth. */
  readonly offset: number;
  readonly halfWidth: number;
}

export interface BandPlan {
  readonly filter: DemoFilterName;
  readonly grid: Grid;
  readonly gridKey: string;
  /** Resolution of this band (common to its group: optical, GALEX, WISE W1–W3, W4). */
  readonly psfFwhm: number;
  /** Sharpest resolution among the bands on the same grid: the model is evaluated at it once. */
  readonly basePsfFwhm: number;
}

const EDGE_PROBABILITY: Record<Instrument, number> = { GALEX: 0.25, SDSS: 0.12, PS1: 0.08, WISE: 0.04 };
const GAP_PROBABILITY: Record<Instrument, number> = { GALEX: 0, SDSS: 0.05, PS1: 0.2, WISE: 0 };

/** Reference grid of a galaxy: its catalogue size, north up, centred on the galaxy within ±1.5 px. */
export function referenceGrid(g: DemoGalaxy): Grid {
  const rng = Rng.fromHex(g.seed).child("reference-grid");
  const crpix: [number, number] = [
    (g.width + 1) / 2 + rng.uniform(-1.5, 1.5),
    (g.height + 1) / 2 + rng.uniform(-1.5, 1.5),
  ];
  return { width: g.width, height: g.height, wcs: tanWcs([g.ra, g.dec], crpix, g.pixelScale, 0) };
}

/** A grid of another instrument covering the whole reference field: shifted, rotated, own scale. */
function nativeGrid(g: DemoGalaxy, ref: Grid, scale: number, rng: Rng, maxRotation: number, maxShift: number): Grid {
  const [cra, cdec] = standardToSky(
    rng.uniform(-maxShift, maxShift) / 3600,
    rng.uniform(-maxShift, maxShift) / 3600,
    g.ra,
    g.dec,
  );
  const provisional = tanWcs([cra, cdec], [0, 0], scale, rng.uniform(-maxRotation, maxRotation));
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (const [x, y] of [
    [-0.5, -0.5],
    [ref.width - 0.5, -0.5],
    [-0.5, ref.height - 0.5],
    [ref.width - 0.5, ref.height - 0.5],
  ]) {
    const [ra, dec] = pixelToSky(ref.wcs, x, y);
    const [px, py] = skyToPixel(provisional, ra, dec);
    xmin = Math.min(xmin, px);
    ymin = Math.min(ymin, py);
    xmax = Math.max(xmax, px);
    ymax = Math.max(ymax, py);
  }
  const x0 = Math.floor(xmin) - 2;
  const y0 = Math.floor(ymin) - 2;
  const width = Math.ceil(xmax) + 2 - x0 + 1;
  const height = Math.ceil(ymax) + 2 - y0 + 1;
  return { width, height, wcs: { ...provisional, crpix: [-x0, -y0] } };
}

function psfClass(filter: DemoFilterName): string {
  const info = demoBand(filter);
  if (info.filter.bandClass === "optical") return "optical";
  if (info.instrument === "GALEX") return "uv";
  return filter === "WISEW4" ? "w4" : "wise";
}

/** Where each band is observed: grids, resolutions and coverage cuts (no pixels yet). */
export function observationPlan(
  g: DemoGalaxy,
  options: ImageOptions = {},
): { reference: Grid; bands: BandPlan[]; cuts: CoverageCut[] } {
  const rng = Rng.fromHex(g.seed).child("observation");
  const reference = referenceGrid(g);
  const native = rng.bool(options.nativeGridProbability ?? 0.5);
  const grids = new Map<Instrument, { grid: Grid; key: string }>();
  if (native) {
    grids.set("GALEX", { grid: nativeGrid(g, reference, 1.5, rng.child("galex-grid"), 4, 25), key: "galex" });
    grids.set("WISE", { grid: nativeGrid(g, reference, 2.75, rng.child("wise-grid"), 12, 40), key: "wise" });
  }
  // Common resolution per group: the worst PSF of the group's filters present.
  const psfOf = new Map<string, number>();
  for (const f of g.filters) psfOf.set(psfClass(f), Math.max(psfOf.get(psfClass(f)) ?? 0, demoBand(f).psfFwhm));
  const placed = g.filters.map((f) => {
    const own = grids.get(demoBand(f).instrument);
    return {
      filter: f,
      grid: own?.grid ?? reference,
      gridKey: own?.key ?? "reference",
      psfFwhm: psfOf.get(psfClass(f))!,
    };
  });
  const bands = placed.map((b) => ({
    ...b,
    basePsfFwhm: Math.min(...placed.filter((o) => o.gridKey === b.gridKey).map((o) => o.psfFwhm)),
  }));

  const cuts: CoverageCut[] = [];
  if (options.coverageCuts ?? true) {
    const cutRng = rng.child("coverage");
    const halfField = (Math.min(g.width, g.height) / 2) * g.pixelScale;
    const instruments = [...new Set(g.filters.map((f) => demoBand(f).instrument))];
    for (const instrument of instruments) {
      const r = cutRng.child(instrument);
      if (r.bool(EDGE_PROBABILITY[instrument])) {
        const a = r.uniform(0, 2 * Math.PI);
        cuts.push({
          instrument,
          kind: "edge",
          normal: [Math.cos(a), Math.sin(a)],
          offset: r.uniform(0.4, 0.85) * halfField,
          halfWidth: 0,
        });
      }
      if (r.bool(GAP_PROBABILITY[instrument])) {
        const a = r.choice([0, Math.PI / 2]) + r.normal(0, 0.05);
        const offset = (r.bool() ? 1 : -1) * r.uniform(0.15, 0.8) * halfField;
        cuts.push({ instrument, kind: "gap", normal: [Math.cos(a), Math.sin(a)], offset, halfWidth: r.uniform(2, 5) });
      }
    }
  }
  return { reference, bands, cuts };
}

/** Render every band of a galaxy. Deterministic in the galaxy record (its `seed`) and the options. */
export function renderGalaxyImages(g: DemoGalaxy, options: ImageOptions = {}): GalaxyImages {
  const structure = galaxyStructure(g);
  const plan = observationPlan(g, options);
  const noise = options.noise ?? true;
  const maskSky = options.maskSky ?? true;
  const root = Rng.fromHex(g.seed).child("noise");

  const components = new Map<string, ComponentMaps & { eYoung: Float32Array; eOld: Float32Array }>();
  const nanMasks = new Map<string, Uint8Array>();
  const bands: BandImage[] = [];
  for (const band of plan.bands) {
    const info = demoBand(band.filter);
    const key = band.gridKey;
    let comp = components.get(key);
    if (!comp) {
      const c = evaluateComponents(structure, g, band.grid, band.basePsfFwhm);
      comp = { ...c, ...absorbedLight(c) };
      components.set(key, comp);
    }
    const nanKey = `${band.gridKey}/${info.instrument}`;
    let nanMask = nanMasks.get(nanKey);
    if (!nanMask) {
      nanMask = coverageMask(
        g,
        band.grid,
        plan.cuts.filter((c) => c.instrument === info.instrument),
      );
      nanMasks.set(nanKey, nanMask);
    }

    const n = comp.width * comp.height;
    const data = new Float32Array(n);
    const sigma = new Float32Array(n);
    const scale = pixelScaleArcsec(band.grid.wcs);
    const skySigma = abMagToJy(info.skyNoiseMag) * (1.5 / scale);
    renderBand(data, comp.bulge, comp.disk, comp.young, comp.tauIsm, comp.tauBc, comp.eYoung, comp.eOld, info);
    if (band.psfFwhm > band.basePsfFwhm + 1e-6) {
      // Coarser resolution: convolve with the Gaussian that takes the base PSF to this band's.
      gaussianBlur(
        data,
        comp.width,
        comp.height,
        Math.sqrt(band.psfFwhm ** 2 - band.basePsfFwhm ** 2) / 2.3548 / scale,
      );
    }
    uncertainty(data, sigma, skySigma);
    if (noise) {
      const z = new Float32Array(n);
      root.child(band.filter).fillNormal(z);
      addNoise(data, sigma, z);
    }
    applyMasks(data, sigma, nanMask, maskSky ? comp.footprint : null);
    bands.push({
      filterName: band.filter,
      filter: info.filter,
      width: comp.width,
      height: comp.height,
      data,
      sigma,
      bunit: "Jy/arcsec2",
      wcs: band.grid.wcs,
      pixelScale: scale,
      psfFwhm: band.psfFwhm,
      onReferenceGrid: band.gridKey === "reference",
    });
  }
  return { galaxy: g, structure, reference: plan.reference, bands, coverageCuts: plan.cuts };
}

function renderBand(
  data: Float32Array,
  bulge: Float32Array,
  disk: Float32Array,
  young: Float32Array,
  tauIsm: Float32Array,
  tauBc: Float32Array,
  eYoung: Float32Array,
  eOld: Float32Array,
  info: DemoBand,
): void {
  const k = attenuationRatio(info.filter.effLambda);
  const sb = info.sed.bulge;
  const sd = info.sed.disk;
  const sy = info.sed.young;
  const warm = info.dustEmission.warm;
  const diffuse = info.dustEmission.diffuse;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const tI = tauIsm[i];
    const tY = tI + tauBc[i];
    const v =
      sb * bulge[i] * 0.5 * (1 + Math.exp(-k * tI)) +
      sd * disk[i] * Math.exp(-0.6 * k * tI) +
      sy * young[i] * Math.exp(-k * tY) +
      warm * eYoung[i] +
      diffuse * eOld[i];
    data[i] = v;
  }
}

/** Sky noise, photon noise of the source and a 1 % calibration floor. */
function uncertainty(data: Float32Array, sigma: Float32Array, skySigma: number): void {
  const sky2 = skySigma * skySigma;
  const photon = 0.05 * skySigma;
  for (let i = 0; i < data.length; i++) {
    const v = Math.max(0, data[i]);
    sigma[i] = Math.sqrt(sky2 + photon * v + 1e-4 * v * v);
  }
}

/** In-place separable Gaussian blur (σ in px), weights renormalised at the edges. */
export function gaussianBlur(img: Float32Array, width: number, height: number, sigmaPx: number): void {
  if (!(sigmaPx > 0.05)) return;
  const radius = Math.max(1, Math.ceil(3 * sigmaPx));
  const kernel = new Float64Array(2 * radius + 1);
  for (let k = -radius; k <= radius; k++) kernel[k + radius] = Math.exp((-0.5 * k * k) / (sigmaPx * sigmaPx));
  const tmp = new Float32Array(img.length);
  blurPass(img, tmp, width, height, kernel, radius, 1, width);
  blurPass(tmp, img, height, width, kernel, radius, width, 1);
}

/** One 1-D pass along lines of `len` samples spaced by `step`; successive lines start `lineStep` apart. */
function blurPass(
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  kernel: Float64Array,
  radius: number,
  step: number,
  lineStep: number,
): void {
  let total = 0;
  for (let k = 0; k < kernel.length; k++) total += kernel[k];
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < len; i++) {
      const k0 = i < radius ? -i : -radius;
      const k1 = len - 1 - i < radius ? len - 1 - i : radius;
      let s = 0;
      let p = base + (i + k0) * step;
      for (let k = k0; k <= k1; k++, p += step) s += kernel[k + radius] * src[p];
      if (k0 === -radius && k1 === radius) {
        dst[base + i * step] = s / total;
      } else {
        let w = 0;
        for (let k = k0; k <= k1; k++) w += kernel[k + radius];
        dst[base + i * step] = s / w;
      }
    }
  }
}

function addNoise(data: Float32Array, sigma: Float32Array, z: Float32Array): void {
  for (let i = 0; i < data.length; i++) data[i] += z[i] * sigma[i];
}

function applyMasks(data: Float32Array, sigma: Float32Array, nanMask: Uint8Array, footprint: Uint8Array | null): void {
  for (let i = 0; i < data.length; i++) {
    if (nanMask[i]) {
      data[i] = NaN;
      sigma[i] = NaN;
    } else if (footprint !== null && footprint[i] === 0) {
      data[i] = 0;
      sigma[i] = 0;
    }
  }
}

function absorbedLight(c: ComponentMaps): { eYoung: Float32Array; eOld: Float32Array } {
  const n = c.width * c.height;
  const eYoung = new Float32Array(n);
  const eOld = new Float32Array(n);
  const { young, bulge, disk, tauIsm, tauBc } = c;
  for (let i = 0; i < n; i++) {
    // Light absorbed by dust, re-emitted in the mid-IR: young stars mostly in their birth clouds.
    eYoung[i] = 3 * young[i] * (1 - Math.exp(-2 * (tauIsm[i] + tauBc[i])));
    eOld[i] = (0.5 * bulge[i] + disk[i]) * (1 - Math.exp(-0.5 * tauIsm[i]));
  }
  return { eYoung, eOld };
}

/** 1 where a grid pixel falls in one of the cuts (no data). */
function coverageMask(g: DemoGalaxy, grid: Grid, cuts: readonly CoverageCut[]): Uint8Array {
  const n = grid.width * grid.height;
  const mask = new Uint8Array(n);
  if (cuts.length === 0) return mask;
  const { xi, eta } = gridStandardCoordinates(grid.wcs, grid.width, grid.height, g.ra, g.dec);
  for (const c of cuts) {
    const [nx, ny] = c.normal;
    for (let i = 0; i < n; i++) {
      const d = xi[i] * nx + eta[i] * ny;
      if (c.kind === "edge" ? d > c.offset : Math.abs(d - c.offset) < c.halfWidth) mask[i] = 1;
    }
  }
  return mask;
}

/** Total flux density (Jy) of a band: finite data × pixel area. */
export function integratedFluxJy(band: BandImage): number {
  let s = 0;
  for (let i = 0; i < band.data.length; i++) {
    const v = band.data[i];
    if (Number.isFinite(v)) s += v;
  }
  return s * band.pixelScale * band.pixelScale;
}

export function integratedMagnitudeAB(band: BandImage): number {
  return jyToAbMag(integratedFluxJy(band));
}

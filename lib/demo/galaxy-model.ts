// The structural model of a demo galaxy, shared by the images (lib/demo/images.ts) and the
// parameter maps (lib/demo/physical-maps.ts) so both describe the same galaxy.
//
// Components, each an r-band intrinsic (unattenuated) surface brightness in Jy/arcsec²:
//   bulge  old spheroid (Sérsic, n ≈ 4) plus the bar of barred types: red, bright in W1/W2
//   disk   exponential disk of older stars, mildly enhanced along the arms
//   young  logarithmic spiral arms and star-forming knots (clumps in irregulars): UV-bright
// and two dust optical depths in V: tauIsm (diffuse; exponential, enhanced in the arms, larger on
// the near side of inclined disks: the dust lane) and tauBc (birth clouds around young stars).
// All geometry is in the galaxy's tangent plane (ξ east, η north, arcsec), so any grid can be
// evaluated exactly.
import type { DemoGalaxy } from "./catalogue";
import { parsecsPerArcsec } from "./cosmology";
import { abMagToJy, jyToAbMag } from "./filters";
import { Rng } from "./random";
import { gridStandardCoordinates, pixelScaleArcsec, skyToPixel, standardToSky, type TanWcs } from "./wcs";

export type Morphology = "elliptical" | "lenticular" | "spiral" | "irregular";

export interface Knot {
  /** Centre, arcsec east (ξ) and north (η) of the galaxy centre. */
  readonly xi: number;
  readonly eta: number;
  /** Gaussian σ, arcsec (intrinsic, before the PSF). */
  readonly sigma: number;
  /** Total r-band intrinsic flux, Jy. */
  readonly flux: number;
}

export interface GalaxyStructure {
  readonly morphology: Morphology;
  /** Type the model was built as: the catalogue type, or one drawn for 'Unk' and 'S?'. */
  readonly modelType: string;
  readonly barred: boolean;
  /** Position angle of the major axis, degrees east of north. */
  readonly positionAngle: number;
  readonly cosInclination: number;
  /** Radius (arcsec, major axis) of the detectable extent; the images' sky mask follows it. */
  readonly extentRadius: number;
  /** Low-order wobble of the extent: [a2, φ2, a3, φ3]. */
  readonly extentWobble: readonly [number, number, number, number];
  readonly disk: { readonly centralSb: number; readonly scaleLength: number };
  readonly bulge: {
    readonly effectiveSb: number;
    readonly effectiveRadius: number;
    readonly sersicN: number;
    readonly axisRatio: number;
  };
  readonly bar: {
    readonly centralSb: number;
    readonly length: number;
    readonly width: number;
    readonly angle: number;
  } | null;
  readonly arms: {
    readonly count: number;
    readonly pitch: number; // radians
    readonly phase: number;
    readonly startRadius: number;
    readonly endRadius: number;
    readonly sharpness: number;
    readonly oldModulation: number;
    readonly wobble: readonly [number, number, number]; // amplitude, frequency in ln r, phase
    readonly lopsidedness: readonly [number, number];
  } | null;
  readonly young: {
    readonly centralSb: number;
    readonly scaleLength: number;
    readonly clumpy: readonly [number, number, number, number] | null;
  };
  readonly knots: readonly Knot[];
  readonly dust: {
    readonly tauCentre: number;
    readonly scaleLength: number;
    readonly armBoost: number;
    /** Near/far asymmetry of inclined disks (the dust lane), 0…1. */
    readonly laneAsymmetry: number;
    /**
     * Typical share mu of the V optical depth seen by young stars that is due to the diffuse ISM
     * (MAGPHYS's mu); lower in the arms. Birth clouds add tau_V^ISM·(1/mu − 1), at least tauBcMin.
     */
    readonly mu: number;
    readonly tauBcMin: number;
  };
  /** Intrinsic r-band total magnitude (AB) of the model. */
  readonly totalMagR: number;
  /** Physical size of one arcsec, pc. */
  readonly pcPerArcsec: number;
}

export interface ComponentMaps {
  readonly width: number;
  readonly height: number;
  readonly bulge: Float32Array;
  readonly disk: Float32Array;
  readonly young: Float32Array;
  readonly tauIsm: Float32Array;
  readonly tauBc: Float32Array;
  /** 1 where the pixel centre lies inside the galaxy's extent. */
  readonly footprint: Uint8Array;
}

// ---- morphology -------------------------------------------------------------------------------

/** Spiral stages S0/a … Sm with their bulge-to-total, arm pitch, young-light fraction, arm sharpness. */
const STAGES: readonly { stage: string; bt: number; pitchDeg: number; young: number; sharp: number }[] = [
  { stage: "S0-a", bt: 0.4, pitchDeg: 6, young: 0.012, sharp: 2 },
  { stage: "a", bt: 0.33, pitchDeg: 8, young: 0.025, sharp: 3 },
  { stage: "ab", bt: 0.26, pitchDeg: 10, young: 0.04, sharp: 4 },
  { stage: "b", bt: 0.2, pitchDeg: 12, young: 0.06, sharp: 5 },
  { stage: "bc", bt: 0.14, pitchDeg: 15, young: 0.08, sharp: 5 },
  { stage: "c", bt: 0.09, pitchDeg: 18, young: 0.1, sharp: 5 },
  { stage: "cd", bt: 0.06, pitchDeg: 21, young: 0.12, sharp: 4 },
  { stage: "d", bt: 0.03, pitchDeg: 25, young: 0.15, sharp: 3 },
  { stage: "m", bt: 0.01, pitchDeg: 30, young: 0.18, sharp: 2 },
];

/** Types a galaxy marked 'Unk' or 'S?' is modelled as, with weights close to the catalogue's. */
const UNKNOWN_AS: readonly [string, number][] = [
  ["E", 430],
  ["S0", 310],
  ["S0-a", 330],
  ["Sa", 160],
  ["Sab", 190],
  ["Sb", 300],
  ["Sbc", 220],
  ["Sc", 480],
  ["Scd", 50],
  ["Sd", 70],
  ["Sm", 130],
  ["I", 130],
];
const SPIRAL_AS: readonly [string, number][] = [
  ["Sa", 160],
  ["Sab", 190],
  ["Sb", 360],
  ["Sbc", 220],
  ["Sc", 520],
  ["Scd", 50],
  ["Sd", 70],
  ["Sm", 60],
];

export function modelTypeFor(hubbleType: string, rng: Rng): string {
  if (hubbleType === "Unk")
    return rng.weightedChoice(
      UNKNOWN_AS.map((x) => x[0]),
      UNKNOWN_AS.map((x) => x[1]),
    );
  if (hubbleType === "S?")
    return rng.weightedChoice(
      SPIRAL_AS.map((x) => x[0]),
      SPIRAL_AS.map((x) => x[1]),
    );
  if (hubbleType === "E?") return "E";
  return hubbleType;
}

export function morphologyOf(modelType: string): Morphology {
  if (modelType === "E") return "elliptical";
  if (modelType === "E-SO" || modelType === "S0") return "lenticular";
  if (modelType === "I" || modelType === "IAB" || modelType === "IB") return "irregular";
  return "spiral";
}

function stageOf(modelType: string) {
  if (modelType === "S0-a") return STAGES[0];
  const m = /^S(?:AB|B)?([a-d]{1,2}|m)$/.exec(modelType);
  return STAGES.find((s) => s.stage === (m ? m[1] : "bc")) ?? STAGES[4];
}

/** Mean over phase of ((1 + cos φ)/2)^p, i.e. Γ(p+½)/(√π Γ(p+1)) (good to ~1 % for p ≥ 1). */
export function armDutyCycle(p: number): number {
  return p <= 0 ? 1 : 1 / Math.sqrt(Math.PI * (p + 0.25));
}

// ---- Sérsic -----------------------------------------------------------------------------------

export function sersicB(n: number): number {
  return 2 * n - 1 / 3 + 4 / (405 * n) + 46 / (25515 * n * n);
}

function gammaFn(x: number): number {
  // Lanczos approximation (g = 7), accurate to ~1e-13 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

/** Total flux of a Sérsic profile with surface brightness Ie at Re and axis ratio q. */
export function sersicTotal(ie: number, re: number, n: number, q: number): number {
  const b = sersicB(n);
  return ((2 * Math.PI * n * Math.exp(b)) / Math.pow(b, 2 * n)) * gammaFn(2 * n) * re * re * q * ie;
}

// ---- drawing the structure ----------------------------------------------------------------------

/** The galaxy's structural model, drawn from its own stream: the same for images and maps. */
export function galaxyStructure(g: DemoGalaxy): GalaxyStructure {
  const rng = Rng.fromHex(g.seed).child("structure");
  const modelType = modelTypeFor(g.hubbleType, rng.child("type"));
  const morphology = morphologyOf(modelType);
  const pcPerArcsec = parsecsPerArcsec(g.redshift);
  const cosI = Math.cos((g.inclination * Math.PI) / 180);
  const halfField = (Math.min(g.width, g.height) / 2) * g.pixelScale;
  const extentRadius = rng.uniform(0.74, 0.9) * halfField;
  const r25 = extentRadius / 1.12;
  const extentWobble = [
    rng.uniform(0, 0.06),
    rng.uniform(0, 2 * Math.PI),
    rng.uniform(0, 0.04),
    rng.uniform(0, 2 * Math.PI),
  ] as const;
  const barred = /^SB|^IB/.test(modelType) || (/^SAB|^IAB/.test(modelType) && rng.bool(0.7));

  if (morphology === "elliptical") {
    const re = r25 / rng.uniform(3.2, 4.2);
    const n = Math.min(5.5, Math.max(3, rng.normal(4, 0.4)));
    const q = Math.sqrt(cosI * cosI * (1 - 0.55 * 0.55) + 0.55 * 0.55);
    const ie = abMagToJy(rng.normal(22.3, 0.35));
    const total = sersicTotal(ie, re, n, q);
    return {
      morphology,
      modelType,
      barred: false,
      positionAngle: g.positionAngle,
      cosInclination: cosI,
      extentRadius,
      extentWobble,
      disk: { centralSb: 0, scaleLength: r25 / 3.3 },
      bulge: { effectiveSb: ie, effectiveRadius: re, sersicN: n, axisRatio: q },
      bar: null,
      arms: null,
      young: { centralSb: 0, scaleLength: r25 / 3, clumpy: null },
      knots: [],
      dust: {
        tauCentre: rng.uniform(0.02, 0.08),
        scaleLength: re,
        armBoost: 0,
        laneAsymmetry: 0,
        mu: rng.uniform(0.4, 0.6),
        tauBcMin: 0.02,
      },
      totalMagR: jyToAbMag(total),
      pcPerArcsec,
    };
  }

  const h = r25 / rng.uniform(3.0, 3.6);
  const i0 = abMagToJy(rng.normal(22.5, 0.4) - 1.822);
  const diskTotal = 2 * Math.PI * h * h * i0;
  const stage =
    morphology === "lenticular"
      ? { bt: modelType === "E-SO" ? 0.7 : rng.uniform(0.4, 0.6), pitchDeg: 0, young: 0.004, sharp: 0 }
      : morphology === "irregular"
        ? { bt: 0, pitchDeg: 0, young: 0.22, sharp: 0 }
        : stageOf(modelType);
  const bt = Math.min(0.85, Math.max(0, stage.bt * rng.uniform(0.75, 1.3)));
  const n = morphology === "irregular" ? 1 : Math.min(4.8, Math.max(2.2, rng.normal(3.6, 0.4)));
  const re = h * (morphology === "lenticular" ? rng.uniform(0.35, 0.6) : rng.uniform(0.28, 0.5));
  const qb = rng.uniform(0.7, 0.95);
  const bulgeTotal = (bt / Math.max(1e-6, 1 - bt)) * diskTotal;
  const ie = bt > 0 ? bulgeTotal / sersicTotal(1, re, n, qb) : 0;

  const bar = barred
    ? (() => {
        const length = h * rng.uniform(1.0, 1.8);
        const width = length * rng.uniform(0.22, 0.35);
        const flux =
          diskTotal *
          (modelType.startsWith("SB") || modelType === "IB" ? rng.uniform(0.06, 0.12) : rng.uniform(0.03, 0.06));
        // Ferrers (1 − m²)^1.5 integrates to 0.4·π·a·b.
        return { centralSb: flux / (0.4 * Math.PI * length * width), length, width, angle: rng.uniform(0, Math.PI) };
      })()
    : null;

  const youngFraction = stage.young * rng.uniform(0.7, 1.4);
  const hy = h * rng.uniform(1.05, 1.3);
  let arms: GalaxyStructure["arms"] = null;
  let youngSb = 0;
  let clumpy: GalaxyStructure["young"]["clumpy"] = null;
  const knots: Knot[] = [];
  const knotRng = rng.child("knots");
  if (morphology === "spiral") {
    const grand = rng.bool(stage.sharp >= 4 ? 0.6 : 0.3);
    const count = grand ? 2 : rng.weightedChoice([2, 3, 4], [0.3, 0.45, 0.25]);
    const sharpness = grand ? stage.sharp * rng.uniform(0.9, 1.3) : Math.max(1.2, stage.sharp * rng.uniform(0.5, 0.8));
    const startRadius = Math.max(bar ? bar.length * 0.9 : 0, re * 1.5, h * 0.35);
    arms = {
      count,
      pitch: (stage.pitchDeg * rng.uniform(0.8, 1.25) * Math.PI) / 180,
      phase: bar ? bar.angle : rng.uniform(0, 2 * Math.PI),
      startRadius,
      endRadius: extentRadius * 0.95,
      sharpness,
      oldModulation: rng.uniform(0.08, 0.16),
      wobble: [rng.uniform(0, 0.35), rng.uniform(1, 3), rng.uniform(0, 2 * Math.PI)],
      lopsidedness: [rng.uniform(0, 0.3), rng.uniform(0, 2 * Math.PI)],
    };
    // 70 % of the young light in the arms' smooth part, 30 % in knots.
    youngSb = (0.7 * youngFraction * diskTotal) / (2 * Math.PI * hy * hy * armDutyCycle(sharpness) * 0.8);
    const nKnots = Math.round(rng.uniform(12, 40) * (0.6 + youngFraction * 4));
    const knotFlux = 0.3 * youngFraction * diskTotal;
    const weights = Array.from({ length: nKnots }, () => knotRng.lognormal(0, 0.8));
    const wsum = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < nKnots; k++) {
      let r = 0;
      for (let tries = 0; tries < 20; tries++) {
        r = -hy * Math.log(knotRng.nextOpen() * knotRng.nextOpen());
        if (r > startRadius * 0.9 && r < extentRadius * 0.92) break;
        r = Math.min(extentRadius * 0.9, Math.max(startRadius, r));
      }
      const arm = knotRng.int(0, count);
      const theta =
        arms.phase +
        (2 * Math.PI * arm) / count +
        Math.log(r / startRadius) / Math.tan(arms.pitch) +
        knotRng.normal(0, 0.1);
      knots.push(
        knotAt(
          r,
          theta,
          g.positionAngle,
          cosI,
          knotRng.uniform(120, 400) / pcPerArcsec,
          g.pixelScale,
          (knotFlux * weights[k]) / wsum,
        ),
      );
    }
  } else if (morphology === "irregular") {
    youngSb = (0.6 * youngFraction * diskTotal) / (2 * Math.PI * hy * hy);
    clumpy = [rng.uniform(0.2, 0.6), rng.uniform(0, 2 * Math.PI), rng.uniform(0.1, 0.4), rng.uniform(0, 2 * Math.PI)];
    const nKnots = Math.round(rng.uniform(15, 40));
    const knotFlux = 0.4 * youngFraction * diskTotal;
    const weights = Array.from({ length: nKnots }, () => knotRng.lognormal(0, 0.9));
    const wsum = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < nKnots; k++) {
      const r = Math.min(extentRadius * 0.85, -hy * Math.log(knotRng.nextOpen() * knotRng.nextOpen()) * 0.8);
      knots.push(
        knotAt(
          r,
          knotRng.uniform(0, 2 * Math.PI),
          g.positionAngle,
          cosI,
          knotRng.uniform(150, 600) / pcPerArcsec,
          g.pixelScale,
          (knotFlux * weights[k]) / wsum,
        ),
      );
    }
  }

  const tauCentre =
    morphology === "lenticular"
      ? rng.uniform(0.08, 0.3)
      : morphology === "irregular"
        ? rng.uniform(0.15, 0.45)
        : stage.bt > 0.2
          ? rng.uniform(0.6, 1.4)
          : rng.uniform(0.4, 1.1);
  const total =
    diskTotal +
    bulgeTotal +
    (bar ? 0.4 * Math.PI * bar.length * bar.width * bar.centralSb : 0) +
    youngFraction * diskTotal;
  return {
    morphology,
    modelType,
    barred: bar !== null,
    positionAngle: g.positionAngle,
    cosInclination: cosI,
    extentRadius,
    extentWobble,
    disk: { centralSb: i0, scaleLength: h },
    bulge: { effectiveSb: ie, effectiveRadius: re, sersicN: n, axisRatio: qb },
    bar,
    arms,
    young: { centralSb: youngSb, scaleLength: hy, clumpy },
    knots,
    dust: {
      tauCentre,
      scaleLength: h * rng.uniform(1.0, 1.5),
      armBoost: morphology === "spiral" ? rng.uniform(0.6, 1.5) : 0,
      laneAsymmetry: rng.uniform(0.55, 0.85),
      mu: rng.uniform(0.25, 0.45),
      tauBcMin: rng.uniform(0.05, 0.2),
    },
    totalMagR: jyToAbMag(total),
    pcPerArcsec,
  };
}

function knotAt(
  r: number,
  theta: number,
  paDeg: number,
  cosI: number,
  sigmaArcsec: number,
  pixelScale: number,
  flux: number,
): Knot {
  const xd = r * Math.cos(theta);
  const yd = r * Math.sin(theta);
  const u = xd;
  const v = yd * cosI;
  const pa = (paDeg * Math.PI) / 180;
  // Inverse of u = ξ sin PA + η cos PA, v = −ξ cos PA + η sin PA.
  const xi = u * Math.sin(pa) - v * Math.cos(pa);
  const eta = u * Math.cos(pa) + v * Math.sin(pa);
  return { xi, eta, sigma: Math.max(0.45 * pixelScale, sigmaArcsec), flux };
}

// ---- evaluation -------------------------------------------------------------------------------

/** Phase offset (radians of m·φ) of the arms' dust lanes from their young stars. */
const DUST_LANE_SHIFT = 0.9;

export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly wcs: TanWcs;
}

/**
 * Evaluate the model on a grid, seen through a Gaussian PSF of `psfFwhm` arcsec (approximately:
 * the cusp is softened, knots and arms are broadened with their flux kept).
 */
export function evaluateComponents(
  s: GalaxyStructure,
  g: Pick<DemoGalaxy, "ra" | "dec">,
  grid: Grid,
  psfFwhm: number,
): ComponentMaps {
  const { width, height, wcs } = grid;
  const n = width * height;
  const { xi, eta } = gridStandardCoordinates(wcs, width, height, g.ra, g.dec);
  const scale = pixelScaleArcsec(wcs);
  const psfSigma = psfFwhm / 2.3548;
  const bulge = new Float32Array(n);
  const disk = new Float32Array(n);
  const young = new Float32Array(n);
  const tauIsm = new Float32Array(n);
  const tauBc = new Float32Array(n);
  const footprint = new Uint8Array(n);

  const pa = (s.positionAngle * Math.PI) / 180;
  const sinPa = Math.sin(pa);
  const cosPa = Math.cos(pa);
  const cosI = s.cosInclination;
  const cosIeff = Math.max(cosI, 0.3);
  const sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
  // Softened core: roughly the mean over the central pixel and the PSF.
  const soft2 = Math.max(0.6 * scale, psfSigma) ** 2;
  const b = s.bulge;
  const bn = sersicB(b.sersicN);
  const invN = 1 / b.sersicN;
  const h = s.disk.scaleLength;
  const i0 = s.disk.centralSb / cosIeff;
  const bar = s.bar;
  const cb = bar ? Math.cos(bar.angle) : 1;
  const sb = bar ? Math.sin(bar.angle) : 0;
  const barSb = bar ? bar.centralSb / cosIeff : 0;
  const arms = s.arms;
  const y0 = s.young.centralSb / cosIeff;
  const hy = s.young.scaleLength;
  const d = s.dust;
  const [w2, p2, w3, p3] = s.extentWobble;
  const elliptical = s.morphology === "elliptical";
  const bulgeExtent = elliptical ? s.extentRadius : 2.5 * b.effectiveRadius;

  const qb = b.axisRatio;
  const ie = b.effectiveSb;
  const invRe = 1 / b.effectiveRadius;
  // Beyond this radius the Sérsic profile is below 1e-4 of Ie: skip it.
  const rbMax2 = (b.effectiveRadius * Math.pow(1 + 9.2 / bn, b.sersicN)) ** 2;
  const barLen = bar ? bar.length : 1;
  const barWid = bar ? bar.width : 1;
  const hasArms = arms !== null;
  const armCount = arms ? arms.count : 0;
  const armPhase = arms ? arms.phase : 0;
  const invTanPitch = arms ? 1 / Math.tan(arms.pitch) : 0;
  const armStart = arms ? arms.startRadius : 1;
  const armEnd = arms ? arms.endRadius : 1;
  const armSharp = arms ? arms.sharpness : 0;
  const armDuty = armDutyCycle(armSharp);
  const oldMod = arms ? arms.oldModulation : 0;
  const [wobA, wobF, wobP] = arms ? arms.wobble : [0, 0, 0];
  const [lopA, lopP] = arms ? arms.lopsidedness : [0, 0];
  const cosLop = Math.cos(lopP);
  const sinLop = Math.sin(lopP);
  const psfArm = psfSigma * psfSigma * armCount * armCount * armSharp;
  const clumpy = s.young.clumpy;
  const [c0, c1, c2, c3] = clumpy ?? [0, 0, 0, 0];
  const cc1 = Math.cos(c1);
  const sc1 = Math.sin(c1);
  const cc3 = Math.cos(c3);
  const sc3 = Math.sin(c3);
  const cp2 = Math.cos(p2);
  const sp2 = Math.sin(p2);
  const cp3 = Math.cos(p3);
  const sp3 = Math.sin(p3);
  const invH = 1 / h;
  const invHy = 1 / hy;
  const invHd = 1 / d.scaleLength;
  const tauC = d.tauCentre;
  const armBoost = d.armBoost;
  const lane = elliptical ? 0 : d.laneAsymmetry * sinI;
  const laneScale = 1 / (0.25 * h);
  const tauDiv = elliptical ? 1 : 1 / cosIeff;
  const muBase = d.mu;
  const tauBcMin = d.tauBcMin;
  const invCosI = 1 / Math.max(cosI, 0.05);
  const extent = s.extentRadius;

  for (let i = 0; i < n; i++) {
    const x = xi[i];
    const y = eta[i];
    const u = x * sinPa + y * cosPa;
    const v = -x * cosPa + y * sinPa;
    const yd = v * invCosI;
    const r2 = u * u + yd * yd;
    const r = Math.sqrt(r2);
    // cos θ, sin θ of the disk-plane azimuth and their multiples (no trigonometry needed).
    const ct = r > 0 ? u / r : 1;
    const st = r > 0 ? yd / r : 0;
    const c2t = ct * ct - st * st;
    const s2t = 2 * st * ct;
    const c3t = ct * (4 * ct * ct - 3);
    const s3t = st * (3 - 4 * st * st);

    // Old spheroid (and bar).
    const vq = v / qb;
    const rb2 = u * u + vq * vq + soft2;
    let old = ie > 0 && rb2 < rbMax2 ? ie * Math.exp(-bn * (Math.pow(Math.sqrt(rb2) * invRe, invN) - 1)) : 0;
    if (bar) {
      const xb = (u * cb + yd * sb) / barLen;
      const yb = (-u * sb + yd * cb) / barWid;
      const m = 1 - xb * xb - yb * yb;
      if (m > 0) old += barSb * m * Math.sqrt(m);
    }

    let diskSb = elliptical ? 0 : i0 * Math.exp(-r * invH);
    let youngSb = 0;
    let armLight = 0;
    let armDust = 0;
    if (hasArms && r > 0 && r < 1.6 * armEnd) {
      // The PSF smears narrow arms: soften the profile where the arm width approaches the PSF.
      const pEff = armSharp / (1 + psfArm / r2);
      const armNorm = armDuty / armDutyCycle(pEff);
      const lr = Math.log(r / armStart);
      const theta = Math.atan2(yd, u);
      const phase = armCount * (theta - armPhase - lr * invTanPitch) + wobA * Math.sin(wobF * lr + wobP);
      const a = Math.pow(0.5 * (1 + Math.cos(phase)), pEff) * armNorm;
      const rs = r / armStart;
      const tIn = 1 - Math.exp(-rs * rs);
      const q2 = (r / armEnd) ** 2;
      const tOut = 1 / (1 + q2 * q2 * q2 * q2);
      armLight = a * tIn * tOut * (1 + lopA * (ct * cosLop + st * sinLop));
      // Dust lanes run along the inner edge of the arms, not on top of the young stars.
      armDust = Math.pow(0.5 * (1 + Math.cos(phase + DUST_LANE_SHIFT)), pEff) * armNorm * tIn * tOut;
      youngSb = y0 * Math.exp(-r * invHy) * armLight;
      diskSb *= 1 + oldMod * tIn * (armLight / armDuty - 1);
    } else if (clumpy !== null && y0 > 0) {
      const m = 1 + c0 * (ct * cc1 + st * sc1) + c2 * (c2t * cc3 + s2t * sc3);
      youngSb = m > 0 ? y0 * Math.exp(-r * invHy) * m : 0;
    }

    // Diffuse dust: exponential, following the arms, thicker on the near side (v < 0).
    let tau = tauC * Math.exp(-r * invHd);
    if (hasArms) tau *= Math.max(0.3, 1 + 0.5 * armBoost * (armDust / armDuty - 1));
    if (lane !== 0) tau *= 1 + lane * Math.tanh(-v * laneScale);
    tau *= tauDiv;

    bulge[i] = old;
    disk[i] = diskSb;
    young[i] = youngSb;
    // Star-forming arms: more of the young stars' dust in their birth clouds (lower mu).
    const muLocal = hasArms ? muBase * (1.2 - 0.6 * Math.min(1, armLight / (2 * armDuty))) : muBase;
    const tIsm = tau > 0 ? tau : 0;
    tauIsm[i] = tIsm;
    tauBc[i] = Math.max(tauBcMin, tIsm * (1 / muLocal - 1));

    const wobble2 = w2 * (c2t * cp2 - s2t * sp2);
    const limit = extent * (1 + wobble2 + w3 * (c3t * cp3 - s3t * sp3));
    const inDisk = !elliptical && r < limit;
    const rbe = Math.sqrt(u * u + vq * vq);
    const inBulge = rbe < bulgeExtent * (elliptical ? 1 + wobble2 : 1);
    footprint[i] = inDisk || inBulge ? 1 : 0;
  }

  // Knots: Gaussians broadened by the PSF, flux conserved; only their neighbourhood is touched.
  for (const k of s.knots) {
    const sigma2 = k.sigma * k.sigma + psfSigma * psfSigma;
    const amp = k.flux / (2 * Math.PI * sigma2);
    const [ra, dec] = standardToSky(k.xi / 3600, k.eta / 3600, g.ra, g.dec);
    const [px, py] = skyToPixel(wcs, ra, dec);
    const reach = Math.ceil((4 * Math.sqrt(sigma2)) / scale) + 1;
    const x0 = Math.max(0, Math.floor(px - reach));
    const x1 = Math.min(width - 1, Math.ceil(px + reach));
    const y0k = Math.max(0, Math.floor(py - reach));
    const y1 = Math.min(height - 1, Math.ceil(py + reach));
    const inv = -0.5 / sigma2;
    for (let yy = y0k; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const i = yy * width + xx;
        const dx = xi[i] - k.xi;
        const dy = eta[i] - k.eta;
        young[i] += amp * Math.exp((dx * dx + dy * dy) * inv);
      }
    }
  }
  return { width, height, bulge, disk, young, tauIsm, tauBc, footprint };
}

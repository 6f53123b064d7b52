// Drawing a demo galaxy's structural model (types.ts says what it holds) from its own random
// stream, so its images and its parameter maps describe the same galaxy.
import { abMagToJy, jyToAbMag } from "@/lib/demo/bands";
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import { parsecsPerArcsec } from "@/lib/demo/cosmology";
import { Rng } from "@/lib/demo/random";
import { armDutyCycle, modelTypeFor, morphologyOf, stageOf } from "./morphology";
import { sersicTotal } from "./sersic";
import type { GalaxyStructure, Knot } from "./types";

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
      oldModulation: rng.uniform(0.18, 0.32),
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

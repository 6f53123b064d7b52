// Hubble types → the morphology and spiral stage the demo models a galaxy as.
import type { Rng } from "@/lib/demo/random";
import type { Morphology } from "./types";

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

export function stageOf(modelType: string) {
  if (modelType === "S0-a") return STAGES[0];
  const m = /^S(?:AB|B)?([a-d]{1,2}|m)$/.exec(modelType);
  return STAGES.find((s) => s.stage === (m ? m[1] : "bc")) ?? STAGES[4];
}

/** Mean over phase of ((1 + cos φ)/2)^p, i.e. Γ(p+½)/(√π Γ(p+1)) (good to ~1 % for p ≥ 1). */
export function armDutyCycle(p: number): number {
  return p <= 0 ? 1 : 1 / Math.sqrt(Math.PI * (p + 0.25));
}

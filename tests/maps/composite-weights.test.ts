import { describe, expect, it } from "vitest";
import { compositeWeights, opticalWeights, type CompositeBand } from "@/lib/maps/composite-weights";

const optical = (effLambda: number): CompositeBand => ({ effLambda, bandClass: "optical" });
const [I, R, G] = [optical(0.763), optical(0.623), optical(0.477)];
const constant = (v: number, n = 50) => new Float32Array(n).fill(v);

describe("compositeWeights", () => {
  it("weights an optical triple by λ^−1.3, fixed: blue boosted, a flat f_ν spectrum comes out blue", () => {
    const w = opticalWeights([I, R, G]);
    expect(w[0]).toBeCloseTo(1, 9);
    expect(w[1]).toBeCloseTo((0.623 / 0.763) ** -1.3, 9);
    expect(w[2]).toBeCloseTo((0.477 / 0.763) ** -1.3, 9);
    // The same weights whatever the image: a red galaxy (i : r : g = 1.4 : 1 : 0.5) and a flat one.
    expect(compositeWeights([I, R, G], [constant(1.4), constant(1), constant(0.5)])).toEqual(w);
    expect(compositeWeights([I, R, G], [constant(1), constant(1), constant(1)])).toEqual(w);
  });

  it("squeezes a strong optical cast to a factor 2.5 between weighted totals, in the same direction", () => {
    const u = optical(0.355);
    const layers = [constant(1.3), constant(0.5), constant(0.1)] as const; // old light in r, g, u
    const w = compositeWeights([R, G, u], layers);
    const weighted = layers.map((l, c) => l[0] * w[c]);
    expect(Math.max(...weighted) / Math.min(...weighted)).toBeCloseTo(2.5, 6);
    expect(weighted[0]).toBeGreaterThan(weighted[1]);
    expect(weighted[1]).toBeGreaterThan(weighted[2]);
  });

  it("balances UV/IR triples and optical bands in different units so the galaxy's total colour is neutral", () => {
    const nuv = { effLambda: 0.231, bandClass: "UV" };
    const w4 = { effLambda: 22.1, bandClass: "IR" };
    const balanced = (w: readonly number[], layers: readonly Float32Array[]) => {
      const t = layers.map((l, c) => l.reduce((a, v) => a + v, 0) * w[c]);
      expect(t[1] / t[0]).toBeCloseTo(1, 6);
      expect(t[2] / t[0]).toBeCloseTo(1, 6);
    };
    const ir = [constant(0.02), constant(1), constant(0.3)] as const;
    balanced(compositeWeights([w4, R, nuv], ir), ir);
    const mixedUnits = [constant(3000), constant(1), constant(0.5)] as const; // i in counts
    balanced(compositeWeights([I, R, G], mixedUnits), mixedUnits);
  });

  it("counts only pixels where all three bands have signal, and falls back to equal weights without any", () => {
    const r = Float32Array.of(1, 100, NaN, 1);
    const g = Float32Array.of(1, 0, 5, 1);
    const b = Float32Array.of(1, 3, 7, -1);
    const nuv = { effLambda: 0.231, bandClass: "UV" };
    expect(compositeWeights([R, G, nuv], [r, g, b])).toEqual([1, 1, 1]);
    expect(compositeWeights([I, R, G], [constant(0, 3), constant(NaN, 3), constant(1, 3)])).toEqual([1, 1, 1]);
  });
});

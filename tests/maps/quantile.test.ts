import { describe, expect, it } from "vitest";
import { collectFinite, quantilesInPlace, selectInPlace } from "@/lib/maps/quantile";
import { seededRandom } from "@/lib/testing/seeded-random";

/** Reference: sort a copy, numpy-style linear interpolation. */
function sortedQuantile(values: Float32Array, p: number): number {
  const s = Float32Array.from(values).sort();
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

describe("selectInPlace", () => {
  it("puts the k-th smallest value at k, with ≤ before and ≥ after, on big inputs with ties", () => {
    const random = seededRandom(7);
    const a = Float32Array.from({ length: 20_001 }, () => Math.floor(random() * 500));
    const sorted = Float32Array.from(a).sort();
    for (const k of [0, 1, 9_999, 10_000, 19_999, 20_000]) {
      const work = Float32Array.from(a);
      selectInPlace(work, k);
      expect(work[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) if (work[i] > work[k]) throw new Error(`work[${i}] > work[${k}]`);
      for (let i = k + 1; i < work.length; i++) if (work[i] < work[k]) throw new Error(`work[${i}] < work[${k}]`);
    }
  });
});

describe("quantilesInPlace", () => {
  it("matches sorting with linear interpolation (numpy's default) for any order of ps", () => {
    const random = seededRandom(3);
    const a = Float32Array.from({ length: 3_333 }, () => random() * 100 - 20);
    const ps = [0.98, 0.5, 0.02, 0.995, 0, 1];
    const got = quantilesInPlace(Float32Array.from(a), ps);
    ps.forEach((p, i) => expect(got[i]).toBeCloseTo(sortedQuantile(a, p), 5));
  });

  it("interpolates between the two middle values for an even count, like numpy.median", () => {
    expect(quantilesInPlace(Float32Array.of(4, 1, 3, 2), [0.5])).toEqual([2.5]);
    expect(quantilesInPlace(Float32Array.of(7), [0, 0.5, 1])).toEqual([7, 7, 7]);
  });

  it("rejects an empty set and p outside [0, 1]", () => {
    expect(() => quantilesInPlace(new Float32Array(0), [0.5])).toThrow(RangeError);
    expect(() => quantilesInPlace(Float32Array.of(1), [1.5])).toThrow(RangeError);
  });
});

describe("collectFinite", () => {
  it("drops NaN and ±Infinity, and optionally values ≤ 0", () => {
    const v = Float32Array.of(NaN, -1, 0, 2, Infinity, -Infinity, 3);
    expect(Array.from(collectFinite(v, false))).toEqual([-1, 0, 2, 3]);
    expect(Array.from(collectFinite(v, true))).toEqual([2, 3]);
  });
});

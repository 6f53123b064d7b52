import { describe, expect, it } from "vitest";
import { computeAsinhStretch, stretchInto, stretchThresholds, stretchValue } from "@/lib/maps/stretch";
import { seededRandom } from "@/lib/testing/seeded-random";

describe("computeAsinhStretch", () => {
  it("uses the median and the maximum of the finite values > 0 when there are ≤ 1000", () => {
    const s = computeAsinhStretch(Float32Array.of(5, NaN, 1, -3, 4, 0, 2, Infinity, 3));
    expect(s).toEqual({ median: 3, hiCut: 5, scale: 0.5 / 3, count: 5 });
  });

  it("uses the 99.5th percentile as hiCut when there are more than 1000", () => {
    // 1..2000 shuffled: median 1000.5; rank 0.995·1999 = 1989.005 → 1990 + 0.005·(1991 − 1990).
    const random = seededRandom(11);
    const v = Float32Array.from({ length: 2000 }, (_, i) => i + 1);
    for (let i = v.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [v[i], v[j]] = [v[j], v[i]];
    }
    const s = computeAsinhStretch(v)!;
    expect(s.count).toBe(2000);
    expect(s.median).toBe(1000.5);
    expect(s.hiCut).toBeCloseTo(1990.005, 9);
  });

  it("switches at exactly 1000 values: 1000 → max, 1001 → percentile", () => {
    const thousand = Float32Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(computeAsinhStretch(thousand)!.hiCut).toBe(1000);
    const more = Float32Array.from({ length: 1001 }, (_, i) => i + 1);
    expect(computeAsinhStretch(more)!.hiCut).toBeCloseTo(1 + 0.995 * 1000, 9);
  });

  it("is null for a channel with no finite value > 0", () => {
    expect(computeAsinhStretch(Float32Array.of(NaN, 0, -1))).toBeNull();
  });
});

describe("stretched grey levels", () => {
  // values 1..5: median 3, s = 1/6, hiCut 5; out = round(asinh(v/6)·255/asinh(5/6)).
  const stretch = computeAsinhStretch(Float32Array.of(1, 2, 3, 4, 5))!;

  it("follow the formula, rounded to nearest (hand-computed)", () => {
    const formula = (v: number) => Math.round((Math.asinh(v / 6) * 255) / Math.asinh(5 / 6));
    expect([0.5, 1, 2, 3, 4, 5].map((v) => stretchValue(v, stretch))).toEqual([28, 56, 110, 162, 210, 255]);
    for (const v of [0.5, 1, 2, 3, 4, 5]) expect(stretchValue(v, stretch)).toBe(formula(v));
  });

  it("clamp above hiCut to 255 and send NaN, 0 and negatives to 0", () => {
    expect(stretchValue(6, stretch)).toBe(255);
    expect(stretchValue(1e30, stretch)).toBe(255);
    expect(stretchValue(0, stretch)).toBe(0);
    expect(stretchValue(-2, stretch)).toBe(0);
    expect(stretchValue(NaN, stretch)).toBe(0);
  });

  it("stretchInto writes the same values at offset and stride", () => {
    const v = Float32Array.of(NaN, 0.5, 2, 5, 6, -1);
    const out = new Uint8Array(v.length * 4).fill(99);
    stretchInto(v, stretch, out, 1, 4);
    expect(Array.from(v, (_, i) => out[1 + 4 * i])).toEqual([0, 28, 110, 255, 255, 0]);
    expect(out[0]).toBe(99); // other channels untouched
    stretchInto(v, null, out, 2, 4);
    expect(Array.from(v, (_, i) => out[2 + 4 * i])).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("stretchInto's threshold search", () => {
  it("equals the formula for every value, including one float32 step either side of each threshold", () => {
    const random = seededRandom(5);
    const sample = Float32Array.from({ length: 5000 }, () => 10 ** (random() * 8 - 3) * (random() < 0.9 ? 1 : -1));
    const stretch = computeAsinhStretch(sample)!;
    const t = stretchThresholds(stretch);
    const probes: number[] = [...sample, 0, NaN, Infinity, stretch.hiCut, stretch.median];
    const f32 = new Float32Array(1);
    const u32 = new Uint32Array(f32.buffer);
    for (let g = 1; g < 256; g++) {
      for (const step of [-1, 0, 1]) {
        f32[0] = t[g];
        u32[0] += step;
        probes.push(f32[0]);
      }
    }
    const values = Float32Array.from(probes);
    const out = new Uint8Array(values.length);
    stretchInto(values, stretch, out);
    const mismatches = Array.from(values).filter((v, i) => out[i] !== stretchValue(v, stretch));
    expect(mismatches).toEqual([]);
    // Every grey level is reachable and the thresholds increase.
    for (let g = 1; g < 256; g++) expect(t[g]).toBeGreaterThan(t[g - 1]);
  });
});

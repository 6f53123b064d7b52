import { describe, expect, it } from "vitest";
import { computeLuptonStretch, luptonPixel, stretchRow, type LuptonStretch } from "@/lib/maps/stretch";
import { seededRandom } from "@/lib/testing/seeded-random";

const f32 = (...v: number[]) => Float32Array.from(v);

/** Hue in degrees of an RGB triple (any scale). */
function hue(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const c = max - Math.min(r, g, b);
  const h = c === 0 ? 0 : max === r ? ((g - b) / c) % 6 : max === g ? (b - r) / c + 2 : (r - g) / c + 4;
  return (60 * h + 360) % 360;
}

function pixel(r: number, g: number, b: number, s: LuptonStretch): number[] {
  const out = new Float64Array(3);
  luptonPixel(r, g, b, s, out);
  return Array.from(out);
}

describe("computeLuptonStretch", () => {
  it("takes median and maximum of the weighted mean intensity over pixels with I > 0 when there are ≤ 1000", () => {
    // I = (2r + g + b) / 3: 1, 2, 3, 4, 5 and two pixels without signal (≤ 0, NaN).
    const s = computeLuptonStretch(
      f32(1, 1, 2, 0, 5, -1, NaN),
      f32(1, 2, 2, 6, 5, -1, NaN),
      f32(0, 2, 3, 6, 0, 0, NaN),
      [2, 1, 1],
    )!;
    expect(s).toEqual({ weights: [2, 1, 1], median: 3, top: 5, scale: 0.5 / 3, count: 5 });
  });

  it("uses the 99.5th percentile as top above 1000 values, and is null without signal", () => {
    const v = Float32Array.from({ length: 2000 }, (_, i) => i + 1);
    const s = computeLuptonStretch(v, v, v)!;
    expect(s.median).toBe(1000.5);
    expect(s.top).toBeCloseTo(1990.005, 6);
    expect(computeLuptonStretch(f32(0, NaN), f32(-1, NaN), f32(0, NaN))).toBeNull();
  });
});

describe("the colour-preserving stretch (Lupton et al. 2004)", () => {
  const random = seededRandom(7);
  const n = 3000;
  const bands = [0, 1, 2].map(() => Float32Array.from({ length: n }, () => 10 ** (4 * random() - 2)));
  const s = computeLuptonStretch(bands[0], bands[1], bands[2], [1, 1.4, 2])!;

  it("keeps the weighted channel ratios of every unsaturated pixel", () => {
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [bands[0][i], 1.4 * bands[1][i], 2 * bands[2][i]];
      const [R, G, B] = pixel(bands[0][i], bands[1][i], bands[2][i], s);
      if (Math.max(R, G, B) >= 1) continue;
      checked++;
      expect(R / G).toBeCloseTo(r / g, 9);
      expect(B / G).toBeCloseTo(b / g, 9);
    }
    expect(checked).toBeGreaterThan(n / 2);
  });

  it("scales a saturated pixel down as a whole: the brightest channel is 1 and the hue is kept", () => {
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [bands[0][i], 1.4 * bands[1][i], 2 * bands[2][i]];
      const [R, G, B] = pixel(bands[0][i], bands[1][i], bands[2][i], s);
      if (Math.max(R, G, B) < 1 - 1e-12) continue;
      checked++;
      expect(Math.max(R, G, B)).toBeCloseTo(1, 12);
      expect(hue(R, G, B)).toBeCloseTo(hue(r, g, b), 6);
    }
    expect(checked).toBeGreaterThan(10);
    // Far above the top: still the same colour, not white.
    const [R, G, B] = pixel(1e9, 0.5e9, 0, s);
    expect([R, G, B].map((v) => +v.toFixed(9))).toEqual([1, +(0.7 / 1).toFixed(9), 0]);
  });

  it("maps a grey pixel at the top intensity to white and one at zero to black; an independent per-channel stretch would not keep colour", () => {
    expect(pixel(s.top, s.top / 1.4, s.top / 2, s).map((v) => +v.toFixed(12))).toEqual([1, 1, 1]);
    expect(pixel(0, -3, NaN, s)).toEqual([0, 0, 0]);
    // A red pixel stays red at every brightness: R > G > B throughout.
    for (const k of [0.01, 0.1, 1, 10]) {
      const [R, G, B] = pixel(3 * k * s.median, (k * s.median) / 1.4, (0.2 * k * s.median) / 2, s);
      expect(R).toBeGreaterThan(G);
      expect(G).toBeGreaterThan(B);
      expect(R / G).toBeCloseTo(3, 9);
    }
  });

  it("stretchRow writes round(255 · value) into RGBA at the offset, alpha untouched, zeros without a stretch", () => {
    const [r, g, b] = [f32(NaN, 1, 50, 0.02), f32(0, 2, 40, 0.03), f32(0, 3, 1, Infinity)];
    const out = new Uint8Array(4 * 4 + 4).fill(99);
    stretchRow(r, g, b, s, out, 4);
    for (let i = 0; i < 4; i++) {
      const expected = pixel(r[i], g[i], b[i], s).map((v) => Math.round(255 * v));
      expect(Array.from(out.subarray(4 + 4 * i, 4 + 4 * i + 3))).toEqual(expected);
      expect(out[4 + 4 * i + 3]).toBe(99);
    }
    expect(Array.from(out.subarray(0, 4))).toEqual([99, 99, 99, 99]);
    stretchRow(r, g, b, null, out, 4);
    expect(Array.from(out.subarray(4, 7))).toEqual([0, 0, 0]);
  });
});

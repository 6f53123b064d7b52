import { describe, expect, it } from "vitest";
import { renderRgbComposite } from "@/lib/maps/composite";
import { computeLuptonStretch, luptonPixel } from "@/lib/maps/stretch";

/** RGBA of image pixel (x, row) with row 0 at the top. */
const px = (data: Uint8Array, width: number, x: number, row: number) =>
  Array.from(data.subarray((row * width + x) * 4, (row * width + x) * 4 + 4));

describe("renderRgbComposite", () => {
  // 3×2 FITS image; FITS row 0 is the bottom of the image.
  const width = 3;
  const height = 2;
  const red = Float32Array.of(1, 2, NaN, /* row 1 */ 3, 4, 5);
  const green = Float32Array.of(10, NaN, NaN, /* row 1 */ 20, 30, 40);
  const blue = Float32Array.of(0.1, 0.2, NaN, /* row 1 */ 0.3, -1, 0.5);
  const layers = { red, green, blue };
  const weights = [2, 0.5, 20] as const;
  const { data } = renderRgbComposite(layers, width, height, weights);
  const s = computeLuptonStretch(red, green, blue, weights)!;
  const expected = (r: number, g: number, b: number) => {
    const out = new Float64Array(3);
    luptonPixel(r, g, b, s, out);
    return [...Array.from(out, (v) => Math.round(255 * v)), 255];
  };

  it("stretches the weighted bands together (one stretch of their mean intensity), not channel by channel", () => {
    // Weighted intensities (2r + g/2 + 20b)/3 of the five pixels with data: 8/3, 3, 22/3, 23/3, 40/3.
    expect(s.count).toBe(5);
    expect(s.median).toBeCloseTo(22 / 3, 5);
    expect(s.top).toBeCloseTo(40 / 3, 5);
    // FITS (1, 1) is image (1, 0): red 4, green 30, blue −1 → 0.
    expect(px(data, width, 1, 0)).toEqual(expected(4, 30, -1));
  });

  it("flips vertically: FITS row 0 is the last image row", () => {
    expect(px(data, width, 0, 1)).toEqual(expected(1, 10, 0.1));
    expect(px(data, width, 0, 0)).toEqual(expected(3, 20, 0.3));
  });

  it("paints the last column and the last row; the brightest pixel saturates keeping its colour", () => {
    // Last column, top row = FITS (2, 1): weighted 10, 20, 10 → the top intensity, green clipped at 255.
    expect(px(data, width, 2, 0)).toEqual([128, 255, 128, 255]);
    expect(px(data, width, 1, 1)[3]).toBe(255);
  });

  it("is opaque where any channel has data (NaN → 0 in that channel), transparent where none has", () => {
    expect(px(data, width, 1, 1)).toEqual(expected(2, NaN, 0.2));
    expect(px(data, width, 1, 1)[1]).toBe(0);
    expect(px(data, width, 2, 1)).toEqual([0, 0, 0, 0]);
  });

  it("keeps a pixel whose only values are ≤ 0 opaque black (real sky, not missing data)", () => {
    const z = Float32Array.of(-1);
    const one = renderRgbComposite({ red: z, green: Float32Array.of(NaN), blue: Float32Array.of(0) }, 1, 1);
    expect(Array.from(one.data)).toEqual([0, 0, 0, 255]);
  });

  it("rejects layers of the wrong size", () => {
    expect(() => renderRgbComposite({ red, green, blue: Float32Array.of(1) }, width, height)).toThrow(RangeError);
  });
});

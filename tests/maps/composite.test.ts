import { describe, expect, it } from "vitest";
import { computeRgbStretches, renderRgbComposite } from "@/lib/maps/composite";
import { stretchValue } from "@/lib/maps/stretch";

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
  const { data } = renderRgbComposite(layers, width, height);
  const s = computeRgbStretches(layers);

  it("stretches each channel independently with its own statistics", () => {
    expect(s.red!.median).toBe(3);
    expect(s.green!.median).toBe(25);
    expect(s.blue!.median).toBeCloseTo(0.25, 6);
    // FITS (1, 1) is image (1, 0): red 4, green 30, blue −1 → 0.
    expect(px(data, width, 1, 0)).toEqual([stretchValue(4, s.red!), stretchValue(30, s.green!), 0, 255]);
  });

  it("flips vertically: FITS row 0 is the last image row", () => {
    expect(px(data, width, 0, 1)).toEqual([
      stretchValue(1, s.red!),
      stretchValue(10, s.green!),
      stretchValue(0.1, s.blue!),
      255,
    ]);
    expect(px(data, width, 0, 0)).toEqual([
      stretchValue(3, s.red!),
      stretchValue(20, s.green!),
      stretchValue(0.3, s.blue!),
      255,
    ]);
  });

  it("paints the last column and the last row", () => {
    // Last column, top row = FITS (2, 1): every channel has data; the maxima map to 255.
    expect(px(data, width, 2, 0)).toEqual([255, 255, 255, 255]);
    // Last row of the image = FITS row 0: its first two pixels are painted.
    expect(px(data, width, 1, 1)[3]).toBe(255);
  });

  it("is opaque where any channel has data (NaN → 0 in that channel), transparent where none has", () => {
    // FITS (1, 0): red 2, green NaN, blue 0.2.
    expect(px(data, width, 1, 1)).toEqual([stretchValue(2, s.red!), 0, stretchValue(0.2, s.blue!), 255]);
    // FITS (2, 0): all NaN.
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

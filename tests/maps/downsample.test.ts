import { describe, expect, it } from "vitest";
import { cropRgba, halveRgba, halveRgbaInSlices } from "@/lib/maps/downsample";

const raster = (width: number, height: number, pixels: number[][]) => ({
  data: Uint8Array.from(pixels.flat()),
  width,
  height,
});

describe("halveRgba", () => {
  it("averages opaque 2×2 blocks, rounding half up", () => {
    const r = raster(2, 2, [
      [0, 10, 255, 255],
      [1, 20, 255, 255],
      [2, 30, 0, 255],
      [3, 41, 0, 255],
    ]);
    // (0+1+2+3)/4 = 1.5 → 2; (10+20+30+41)/4 = 25.25 → 25; 510/4 = 127.5 → 128.
    expect(Array.from(halveRgba(r).data)).toEqual([2, 25, 128, 255]);
  });

  it("weights colours by alpha, so transparent no-data pixels do not darken edges", () => {
    const r = raster(2, 1, [
      [200, 100, 50, 255],
      [0, 0, 0, 0],
    ]);
    expect(Array.from(halveRgba(r).data)).toEqual([200, 100, 50, 128]); // alpha 255/2 = 127.5 → 128
    const half = raster(2, 1, [
      [200, 0, 0, 255],
      [100, 0, 0, 85],
    ]);
    // (200·255 + 100·85) / 340 = 175; alpha 340/2 = 170.
    expect(Array.from(halveRgba(half).data)).toEqual([175, 0, 0, 170]);
    expect(Array.from(halveRgba(raster(1, 1, [[9, 9, 9, 0]])).data)).toEqual([0, 0, 0, 0]);
  });

  it("rounds sizes up and averages only the existing pixels at odd right and bottom edges", () => {
    // 3×3 of opaque greys g = 10·(index).
    const r = raster(
      3,
      3,
      Array.from({ length: 9 }, (_, i) => [10 * i, 0, 0, 255]),
    );
    const h = halveRgba(r);
    expect([h.width, h.height]).toEqual([2, 2]);
    const red = Array.from({ length: 4 }, (_, i) => h.data[4 * i]);
    // blocks: {0,10,30,40} → 20; {20,50} → 35; {60,70} → 65; {80} → 80
    expect(red).toEqual([20, 35, 65, 80]);
    expect(h.data[4 * 3 + 3]).toBe(255);
  });

  it("gives the same result in slices", async () => {
    const r = { data: Uint8Array.from({ length: 7 * 9 * 4 }, (_, i) => (i * 37) % 256), width: 7, height: 9 };
    expect(await halveRgbaInSlices(r, 2)).toEqual(halveRgba(r));
  });
});

describe("cropRgba", () => {
  it("copies a rectangle", () => {
    const r = { data: Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => i), width: 3, height: 2 };
    expect(Array.from(cropRgba(r, 1, 1, 2, 1).data)).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
  });
});

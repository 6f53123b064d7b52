/**
 * The colour bar as a small PNG (server only: sharp), for places a CSS gradient cannot go:
 * exported figures, e-mail, Open Graph images. One pixel per LUT entry along the bar, so the
 * browser's scaling reproduces the map exactly.
 */
import sharp from "sharp";
import { colormapLut, LUT_SIZE, type ColormapName } from "./colormaps";

export async function colorbarPng(
  colormap: ColormapName,
  { thickness = 1, vertical = false }: { thickness?: number; vertical?: boolean } = {},
): Promise<Buffer> {
  const lut = colormapLut(colormap);
  const width = vertical ? thickness : LUT_SIZE;
  const height = vertical ? LUT_SIZE : thickness;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Vertical bars have the low end at the bottom, like the value axis beside them.
      const i = vertical ? LUT_SIZE - 1 - y : x;
      data.set(lut.subarray(3 * i, 3 * i + 3), (y * width + x) * 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/**
 * RGB composite of three filter images (POGS "top row" images, docs/formats.md §6).
 *
 * The bands are put on one scale (`composite-weights.ts`) and stretched together by their mean
 * intensity, keeping each pixel's colour (Lupton et al. 2004, `stretch.ts`). A pixel is opaque
 * where at least one channel has data (a finite value) and transparent where none has: NaN is the
 * portal's "no data", and values ≤ 0 are real (sky) measurements drawn black rather than punched
 * out, which would speckle the sky. Every row and column is painted (the original loops stopped
 * at width−1 / height−1) and FITS row 0 becomes the bottom image row.
 */
import { assertRasterShape, type RgbaRaster } from "./raster";
import { computeLuptonStretch, stretchRow, type ChannelWeights, type LuptonStretch } from "./stretch";

export interface RgbLayers {
  red: Float32Array;
  green: Float32Array;
  blue: Float32Array;
}

export function renderRgbComposite(
  layers: RgbLayers,
  width: number,
  height: number,
  weights: ChannelWeights = [1, 1, 1],
  stretch: LuptonStretch | null = computeLuptonStretch(layers.red, layers.green, layers.blue, weights),
): RgbaRaster {
  const [r, g, b] = [layers.red, layers.green, layers.blue];
  for (const c of [r, g, b]) assertRasterShape(c, width, height, 1);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = (height - 1 - y) * width * 4;
    const end = src + width;
    stretchRow(r.subarray(src, end), g.subarray(src, end), b.subarray(src, end), stretch, data, dst);
    for (let x = 0; x < width; x++) {
      const i = src + x;
      // `v - v === 0` ⇔ finite.
      const hasData = r[i] - r[i] === 0 || g[i] - g[i] === 0 || b[i] - b[i] === 0;
      data[dst + x * 4 + 3] = hasData ? 255 : 0;
    }
  }
  return { data, width, height };
}

/**
 * RGB composite of three filter images (POGS "top row" images, docs/formats.md §6).
 *
 * Each channel gets its own asinh stretch (`stretch.ts`); NaN → 0 in that channel. A pixel is
 * opaque where at least one channel has data (a finite value) and transparent where none has:
 * NaN is the portal's "no data", and values ≤ 0 are real (sky) measurements drawn black rather
 * than punched out, which would speckle the sky. Every row and column is painted (the original
 * loops stopped at width−1 / height−1) and FITS row 0 becomes the bottom image row.
 */
import { assertRasterShape, type RgbaRaster } from "./raster";
import { computeAsinhStretch, stretchInto, stretchThresholds, type AsinhStretch } from "./stretch";

export interface RgbLayers {
  red: Float32Array;
  green: Float32Array;
  blue: Float32Array;
}

export interface RgbStretches {
  red: AsinhStretch | null;
  green: AsinhStretch | null;
  blue: AsinhStretch | null;
}

/** Per-channel statistics, separate so a caller can store them or reuse them across renders. */
export function computeRgbStretches(layers: RgbLayers): RgbStretches {
  return {
    red: computeAsinhStretch(layers.red),
    green: computeAsinhStretch(layers.green),
    blue: computeAsinhStretch(layers.blue),
  };
}

export function renderRgbComposite(
  layers: RgbLayers,
  width: number,
  height: number,
  stretches: RgbStretches = computeRgbStretches(layers),
): RgbaRaster {
  const channels = [layers.red, layers.green, layers.blue] as const;
  for (const c of channels) assertRasterShape(c, width, height, 1);
  const data = new Uint8Array(width * height * 4);
  const perChannel = [stretches.red, stretches.green, stretches.blue] as const;
  const thresholds = perChannel.map((s) => s && stretchThresholds(s));
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = (height - 1 - y) * width * 4;
    for (let c = 0; c < 3; c++) {
      stretchInto(channels[c].subarray(src, src + width), perChannel[c], data, dst + c, 4, thresholds[c]);
    }
    const [r, g, b] = channels;
    for (let x = 0; x < width; x++) {
      const i = src + x;
      // `v - v === 0` ⇔ finite.
      const hasData = r[i] - r[i] === 0 || g[i] - g[i] === 0 || b[i] - b[i] === 0;
      data[dst + x * 4 + 3] = hasData ? 255 : 0;
    }
  }
  return { data, width, height };
}

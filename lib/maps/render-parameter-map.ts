/**
 * False-colour rendering of a parameter map through a colour-map LUT.
 *
 * A value v in [min, max] takes LUT entry ⌊256·(v − min)/(max − min)⌋, clamped to 0..255, i.e.
 * 256 equal bins, the same colour d3's sequential scale would give. Below min (incl. −∞, e.g.
 * log10 of 0) → first entry, above max → last entry: out-of-range values stay visible at the
 * ends of the bar instead of vanishing as in POGS ("log values ≤ 0 render black"). NaN = no data
 * → transparent black (0, 0, 0, 0). FITS row 0 becomes the bottom image row.
 *
 * Speed: one multiply, two compares and one 32-bit store a pixel, no function call; a 1532²
 * map renders in ~10 ms on this machine (four in 30–40 ms).
 */
import { packedRgbaLut, type ColormapName } from "./colormaps";
import type { ValueRange } from "./parameter-maps";
import { assertRasterShape, type RgbaRaster } from "./raster";

export interface ParameterMapStyle {
  range: ValueRange;
  colormap: ColormapName;
}

export function renderParameterMap(
  values: Float32Array,
  width: number,
  height: number,
  { range, colormap }: ParameterMapStyle,
): RgbaRaster {
  assertRasterShape(values, width, height, 1);
  const [min, max] = range;
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
    throw new RangeError(`invalid range [${min}, ${max}]`);
  }
  const lut = packedRgbaLut(colormap);
  const data = new Uint8Array(width * height * 4);
  const out = new Uint32Array(data.buffer);
  const k = 256 / (max - min);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = (height - 1 - y) * width;
    for (let x = 0; x < width; x++) {
      const v = values[src + x];
      if (v !== v) continue; // NaN: leave (0, 0, 0, 0)
      const t = (v - min) * k;
      out[dst + x] = lut[t <= 0 ? 0 : t >= 255 ? 255 : t | 0];
    }
  }
  return { data, width, height };
}

/** LUT index a value falls in (same arithmetic as the renderer), for readouts and tests. */
export function lutIndexOf(v: number, range: ValueRange): number {
  const t = (v - range[0]) * (256 / (range[1] - range[0]));
  return t <= 0 ? 0 : t >= 255 ? 255 : t | 0;
}

/**
 * Perceptually uniform, colour-blind-safe colour maps as 256-entry lookup tables.
 *
 * The colours come from d3-scale-chromatic so the server-rendered tiles, the colour bar and any
 * client-side drawing agree. Entry i is d3's colour at t = i/255; viridis, inferno and magma are
 * 256-colour ramps in d3, so their LUT is exactly d3's table, and a value at fraction t of the
 * range falls in entry ⌊256·t⌋ (clamped), which is precisely what `interpolateViridis(t)` returns.
 * Cividis is a polynomial in d3 and is sampled at the same 256 points.
 */
import { interpolateCividis, interpolateInferno, interpolateMagma, interpolateViridis, rgb } from "d3";

export const COLORMAP_NAMES = ["viridis", "inferno", "magma", "cividis"] as const;
export type ColormapName = (typeof COLORMAP_NAMES)[number];

export const LUT_SIZE = 256;

const INTERPOLATORS: Record<ColormapName, (t: number) => string> = {
  viridis: interpolateViridis,
  inferno: interpolateInferno,
  magma: interpolateMagma,
  cividis: interpolateCividis,
};

/** d3's interpolator of a colour map (CSS colour strings), for client-side use. */
export function colormapInterpolator(name: ColormapName): (t: number) => string {
  return INTERPOLATORS[name];
}

const rgbCache = new Map<ColormapName, Uint8Array>();

/**
 * 256 × RGB bytes (entry i at [3i, 3i+1, 3i+2]). Built once per map and cached; callers must
 * not modify it.
 */
export function colormapLut(name: ColormapName): Uint8Array {
  let lut = rgbCache.get(name);
  if (!lut) {
    const interpolate = INTERPOLATORS[name];
    if (!interpolate) throw new RangeError(`unknown colour map ${name}`);
    lut = new Uint8Array(LUT_SIZE * 3);
    for (let i = 0; i < LUT_SIZE; i++) {
      const c = rgb(interpolate(i / (LUT_SIZE - 1)));
      lut[3 * i] = c.r;
      lut[3 * i + 1] = c.g;
      lut[3 * i + 2] = c.b;
    }
    rgbCache.set(name, lut);
  }
  return lut;
}

const packedCache = new Map<ColormapName, Uint32Array>();

/**
 * The LUT as opaque RGBA pixels packed in platform byte order, so the renderer writes one
 * 32-bit word a pixel into a Uint32Array view of its output.
 */
export function packedRgbaLut(name: ColormapName): Uint32Array {
  let packed = packedCache.get(name);
  if (!packed) {
    const lut = colormapLut(name);
    const bytes = new Uint8Array(LUT_SIZE * 4);
    for (let i = 0; i < LUT_SIZE; i++) {
      bytes[4 * i] = lut[3 * i];
      bytes[4 * i + 1] = lut[3 * i + 1];
      bytes[4 * i + 2] = lut[3 * i + 2];
      bytes[4 * i + 3] = 255;
    }
    packed = new Uint32Array(bytes.buffer);
    packedCache.set(name, packed);
  }
  return packed;
}

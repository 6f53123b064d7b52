/**
 * The colour-preserving asinh stretch of an RGB composite (Lupton et al. 2004, PASP 116, 133).
 *
 * The three bands are first put on one scale by fixed channel weights (`composite-weights.ts`),
 * then stretched together by their mean intensity I = (r + g + b) / 3:
 *   f(I)  = asinh(I·s) / asinh(top·s),   s = 0.5 / median(I),   top = 99.5th percentile of I
 *   R,G,B = r,g,b · f(I) / I,            and if the largest exceeds 1, all three are divided by it.
 * Every channel of a pixel is multiplied by the same factor, so the ratios r : g : b, i.e. the
 * colour, are kept; a saturated pixel is scaled down as a whole, so it keeps its hue instead of
 * turning white. POGS stretched each channel on its own (s = 0.5 / its median): that maps every
 * channel's median to the same grey level and so makes every galaxy grey whatever its colours.
 *
 * Statistics are taken over the finite I > 0 only (sky ≤ 0 and NaN would drag the median to
 * zero); below 1000 such values `top` is their maximum, as in POGS. Negative and NaN band values
 * count as 0 (so do infinities).
 */
import { collectFinite, quantilesInPlace } from "./quantile";

/** Multipliers putting the red, green and blue bands on one scale. */
export type ChannelWeights = readonly [red: number, green: number, blue: number];

export interface LuptonStretch {
  readonly weights: ChannelWeights;
  /** Median of the finite weighted intensities I > 0. */
  readonly median: number;
  /** Intensity that maps to full scale. */
  readonly top: number;
  /** s = 0.5 / median. */
  readonly scale: number;
  /** Number of finite I > 0 the statistics were taken over. */
  readonly count: number;
}

/** Above this many positive values `top` is the 99.5th percentile, as in POGS. */
const PERCENTILE_MIN_COUNT = 1000;
const TOP_PERCENTILE = 0.995;

const clean = (v: number) => (v > 0 && v < Infinity ? v : 0);

/** Weighted mean intensity of every pixel (NaN where no band has data). */
function compositeIntensity(
  red: Float32Array,
  green: Float32Array,
  blue: Float32Array,
  weights: ChannelWeights,
): Float32Array {
  const [wr, wg, wb] = weights;
  const out = new Float32Array(red.length);
  for (let i = 0; i < red.length; i++) {
    const hasData = red[i] - red[i] === 0 || green[i] - green[i] === 0 || blue[i] - blue[i] === 0;
    out[i] = hasData ? (wr * clean(red[i]) + wg * clean(green[i]) + wb * clean(blue[i])) / 3 : NaN;
  }
  return out;
}

/** The stretch of a composite, or null when no pixel has a positive intensity (nothing to show). */
export function computeLuptonStretch(
  red: Float32Array,
  green: Float32Array,
  blue: Float32Array,
  weights: ChannelWeights = [1, 1, 1],
): LuptonStretch | null {
  const positive = collectFinite(compositeIntensity(red, green, blue, weights), true);
  const count = positive.length;
  if (count === 0) return null;
  let median: number;
  let top: number;
  if (count > PERCENTILE_MIN_COUNT) {
    [median, top] = quantilesInPlace(positive, [0.5, TOP_PERCENTILE]);
  } else {
    [median] = quantilesInPlace(positive, [0.5]);
    top = -Infinity;
    for (let i = 0; i < count; i++) if (positive[i] > top) top = positive[i];
  }
  return { weights, median, top, scale: 0.5 / median, count };
}

/**
 * One pixel's bands → R, G, B in 0…1 (before rounding to bytes), written to `out[0..2]`.
 * The reference form of `stretchRow`, and what the tests reason with.
 */
export function luptonPixel(r: number, g: number, b: number, s: LuptonStretch, out: Float64Array): void {
  const k = 1 / Math.asinh(s.top * s.scale);
  luptonInto(r, g, b, s, k, out);
}

function luptonInto(r: number, g: number, b: number, s: LuptonStretch, k: number, out: Float64Array): void {
  const R = s.weights[0] * clean(r);
  const G = s.weights[1] * clean(g);
  const B = s.weights[2] * clean(b);
  const intensity = (R + G + B) / 3;
  if (!(intensity > 0)) {
    out[0] = out[1] = out[2] = 0;
    return;
  }
  let factor = (Math.asinh(intensity * s.scale) * k) / intensity;
  const brightest = Math.max(R, G, B) * factor;
  if (brightest > 1) factor /= brightest;
  out[0] = R * factor;
  out[1] = G * factor;
  out[2] = B * factor;
}

/** Stretches one row into RGBA bytes at `out[offset + 4·i + c]` (alpha untouched). */
export function stretchRow(
  red: Float32Array,
  green: Float32Array,
  blue: Float32Array,
  stretch: LuptonStretch | null,
  out: Uint8Array,
  offset: number,
): void {
  const rgb = new Float64Array(3);
  const k = stretch ? 1 / Math.asinh(stretch.top * stretch.scale) : 0;
  for (let i = 0, o = offset; i < red.length; i++, o += 4) {
    if (stretch === null) {
      out[o] = out[o + 1] = out[o + 2] = 0;
      continue;
    }
    luptonInto(red[i], green[i], blue[i], stretch, k, rgb);
    out[o] = Math.round(255 * rgb[0]);
    out[o + 1] = Math.round(255 * rgb[1]);
    out[o + 2] = Math.round(255 * rgb[2]);
  }
}

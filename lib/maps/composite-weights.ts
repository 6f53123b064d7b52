/**
 * The common scaling of a composite's three bands (the "weights" of stretch.ts), chosen so the
 * colours mean something:
 *
 * - Three optical bands in f_ν units (Jy/arcsec², nanomaggies) are weighted by λ^−1.3, close to
 *   the fixed g : r : i ≈ 2 : 1.1 : 1 scaling of the SDSS and Legacy Survey colour images (Lupton
 *   et al. 2004): an old population (g − r ≈ 0.75) comes out yellow-orange, a young one (flat f_ν)
 *   blue-white, dust lanes red-brown. The weights are fixed, not taken from the image, so a red
 *   galaxy stays red; only a cast stronger than MAX_CAST between the weighted band totals (an old
 *   galaxy in r, g, u, nearly black in u) is squeezed back to it, in the same direction.
 * - Triples reaching into the UV or IR (false colour over decades of wavelength), and optical
 *   triples whose bands are evidently not in one unit (weighted totals more than a factor 8
 *   apart), are balanced instead: each band is scaled so its total over the pixels where all
 *   three have signal is the same. That is one number per band, so colour differences inside the
 *   galaxy (bulge against arms) still show; only the galaxy's mean colour becomes neutral.
 */
import type { ChannelWeights } from "./stretch";

export interface CompositeBand {
  /** Effective wavelength, µm. */
  readonly effLambda: number;
  readonly bandClass: string;
}

/** The wavelength the optical weights are normalised at (SDSS i), µm. */
const REFERENCE_LAMBDA = 0.763;
const OPTICAL_SLOPE = -1.3;
/** Weighted band totals further apart than this mean the bands are not in one unit. */
const MAX_MEDIAN_RATIO = 8;
/** The largest ratio of weighted band totals an optical composite keeps (its overall colour cast). */
const MAX_CAST = 2.5;

/** Fixed λ^−1.3 weights of an optical triple. */
export function opticalWeights(bands: readonly [CompositeBand, CompositeBand, CompositeBand]): ChannelWeights {
  const w = bands.map((b) => Math.pow(b.effLambda / REFERENCE_LAMBDA, OPTICAL_SLOPE));
  return [w[0], w[1], w[2]];
}

/** The weights a composite of these bands is drawn with (see the file comment). */
export function compositeWeights(
  bands: readonly [CompositeBand, CompositeBand, CompositeBand],
  layers: readonly [Float32Array, Float32Array, Float32Array],
): ChannelWeights {
  const totals = commonTotals(layers);
  if (totals === null) return [1, 1, 1];
  if (bands.every((b) => b.bandClass === "optical")) {
    const w = opticalWeights(bands);
    const logs = totals.map((t, c) => Math.log(t * w[c]));
    const spread = Math.max(...logs) - Math.min(...logs);
    if (spread <= Math.log(MAX_MEDIAN_RATIO)) {
      // Tame a strong cast (an old galaxy seen in u) to at most MAX_CAST, keeping its direction.
      const squeeze = Math.min(1, Math.log(MAX_CAST) / spread);
      const mean = (logs[0] + logs[1] + logs[2]) / 3;
      const out = w.map((wc, c) => wc * Math.exp((logs[c] - mean) * (squeeze - 1)));
      return [out[0], out[1], out[2]];
    }
  }
  const mean = (totals[0] + totals[1] + totals[2]) / 3;
  return [mean / totals[0], mean / totals[1], mean / totals[2]];
}

/**
 * Each band's total over the pixels where all three are > 0 (or null when there are none): the
 * galaxy's integrated colour, dominated by its bright body rather than by the noise of its
 * outskirts, where a median of positive values would be biased up in a faint band.
 */
function commonTotals(layers: readonly [Float32Array, Float32Array, Float32Array]): [number, number, number] | null {
  const [r, g, b] = layers;
  let sr = 0;
  let sg = 0;
  let sb = 0;
  for (let i = 0; i < r.length; i++) {
    if (r[i] > 0 && g[i] > 0 && b[i] > 0 && r[i] < Infinity && g[i] < Infinity && b[i] < Infinity) {
      sr += r[i];
      sg += g[i];
      sb += b[i];
    }
  }
  return sr > 0 ? [sr, sg, sb] : null;
}

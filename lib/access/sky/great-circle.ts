/**
 * Angles on the celestial sphere, in degrees. Distances use Vincenty's formula (atan2 of the
 * cross and dot products), which stays accurate at every separation, where the haversine loses
 * digits near 180° and the plain cosine formula near 0°.
 */
const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** Great-circle distance between two positions (degrees in, degrees out). */
export function angularDistance(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const d1 = dec1 * D2R;
  const d2 = dec2 * D2R;
  const dra = (ra2 - ra1) * D2R;
  const cos2 = Math.cos(d2);
  const x = cos2 * Math.sin(dra);
  const y = Math.cos(d1) * Math.sin(d2) - Math.sin(d1) * cos2 * Math.cos(dra);
  const z = Math.sin(d1) * Math.sin(d2) + Math.cos(d1) * cos2 * Math.cos(dra);
  return Math.atan2(Math.hypot(x, y), z) * R2D;
}

/** The RA/Dec box containing a cone: Dec limits and one or two RA intervals within [0, 360]. */
export interface ConeBox {
  decMin: number;
  decMax: number;
  raRanges: [number, number][];
}

/**
 * The smallest RA/Dec box holding every point within `radius` of (ra, dec), for a prefilter on
 * the indexed columns. The RA half-width of a cone is asin(sin r / cos δ) (the tangent meridians),
 * not r / cos δ; a cone over a pole, or one this formula cannot bound, spans all of RA. Intervals
 * crossing RA 0/360 are split in two.
 */
export function coneBox(ra: number, dec: number, radius: number): ConeBox {
  const decMin = Math.max(-90, dec - radius - 1e-9);
  const decMax = Math.min(90, dec + radius + 1e-9);
  const all: ConeBox = { decMin, decMax, raRanges: [[0, 360]] };
  if (decMax >= 90 || decMin <= -90) return all;
  const ratio = Math.sin(radius * D2R) / Math.cos(dec * D2R);
  if (ratio >= 1) return all;
  // A hair wider than exact, so a galaxy on the boundary is not lost to rounding in the prefilter.
  const half = Math.asin(ratio) * R2D + 1e-9;
  const lo = ra - half;
  const hi = ra + half;
  if (lo < 0)
    return {
      decMin,
      decMax,
      raRanges: [
        [lo + 360, 360],
        [0, hi],
      ],
    };
  if (hi > 360)
    return {
      decMin,
      decMax,
      raRanges: [
        [lo, 360],
        [0, hi - 360],
      ],
    };
  return { decMin, decMax, raRanges: [[lo, hi]] };
}

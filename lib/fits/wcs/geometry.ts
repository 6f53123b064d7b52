import { pixelToSky } from "./transform";
import type { Wcs } from "./types";

/** Pixel scale in arcsec: the square root of the pixel's solid angle at the reference point. */
export function pixelScaleArcsec(wcs: Wcs): number {
  const [[a, b], [c, d]] = wcs.cd;
  return Math.sqrt(Math.abs(a * d - b * c)) * 3600;
}

/**
 * Sky corners of an image of width × height pixels, in astropy's calc_footprint order: (0, 0),
 * (0, h−1), (w−1, h−1), (w−1, 0). By default the outer pixel edges (what the image covers);
 * `centers: true` gives the corner pixel centres, as astropy does.
 */
export function footprint(
  wcs: Wcs,
  width: number,
  height: number,
  options: { centers?: boolean } = {},
): [number, number][] {
  const e = options.centers ? 0 : 0.5;
  const corners: [number, number][] = [
    [-e, -e],
    [-e, height - 1 + e],
    [width - 1 + e, height - 1 + e],
    [width - 1 + e, -e],
  ];
  return corners.map(([x, y]) => pixelToSky(wcs, x, y));
}

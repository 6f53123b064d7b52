// Minimal gnomonic (TAN) WCS for the synthetic images: enough to place every band's pixels on the
// sky exactly, so that bands on different grids show the same galaxy. FITS conventions: pixel
// coordinates are 1-based in `crpix`; 0-based array pixel (x, y) is FITS pixel (x + 1, y + 1);
// row 0 is the bottom (south) row when north is up.

export interface TanWcs {
  readonly ctype: readonly ["RA---TAN", "DEC--TAN"];
  /** Reference pixel, FITS 1-based [x, y]. */
  readonly crpix: readonly [number, number];
  /** Sky position of the reference pixel [RA°, Dec°]. */
  readonly crval: readonly [number, number];
  /** Linear transform (deg/px) from pixel offsets to intermediate coordinates; RA grows to the left, so cd[0][0] < 0. */
  readonly cd: readonly [readonly [number, number], readonly [number, number]];
}

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;
export const ARCSEC_PER_DEG = 3600;

/**
 * CD matrix of a grid with square pixels of `scaleArcsec`, rotated by `rotationDeg` (CROTA2
 * convention, counter-clockwise from north through east), RA increasing to the left.
 */
export function cdMatrix(scaleArcsec: number, rotationDeg = 0): TanWcs["cd"] {
  const s = scaleArcsec / ARCSEC_PER_DEG;
  const c = Math.cos(rotationDeg * D2R);
  const n = Math.sin(rotationDeg * D2R);
  return [
    [-s * c, -s * n],
    [-s * n, s * c],
  ];
}

export function tanWcs(
  crval: readonly [number, number],
  crpix: readonly [number, number],
  scaleArcsec: number,
  rotationDeg = 0,
): TanWcs {
  return {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [crpix[0], crpix[1]],
    crval: [crval[0], crval[1]],
    cd: cdMatrix(scaleArcsec, rotationDeg),
  };
}

/** Pixel scale (arcsec/px) of a WCS with square pixels. */
export function pixelScaleArcsec(wcs: TanWcs): number {
  const det = Math.abs(wcs.cd[0][0] * wcs.cd[1][1] - wcs.cd[0][1] * wcs.cd[1][0]);
  return Math.sqrt(det) * ARCSEC_PER_DEG;
}

/** Gnomonic projection of (ra, dec) about (ra0, dec0): standard coordinates [ξ east, η north] in degrees. */
export function skyToStandard(ra: number, dec: number, ra0: number, dec0: number): [number, number] {
  const a = (ra - ra0) * D2R;
  const d = dec * D2R;
  const d0 = dec0 * D2R;
  const cosc = Math.sin(d0) * Math.sin(d) + Math.cos(d0) * Math.cos(d) * Math.cos(a);
  const xi = (Math.cos(d) * Math.sin(a)) / cosc;
  const eta = (Math.cos(d0) * Math.sin(d) - Math.sin(d0) * Math.cos(d) * Math.cos(a)) / cosc;
  return [xi * R2D, eta * R2D];
}

/** Inverse gnomonic projection: standard coordinates (degrees) about (ra0, dec0) → [RA°, Dec°]. */
export function standardToSky(xiDeg: number, etaDeg: number, ra0: number, dec0: number): [number, number] {
  const xi = xiDeg * D2R;
  const eta = etaDeg * D2R;
  const d0 = dec0 * D2R;
  const denom = Math.cos(d0) - eta * Math.sin(d0);
  let ra = ra0 + Math.atan2(xi, denom) * R2D;
  const dec = Math.atan2(Math.sin(d0) + eta * Math.cos(d0), Math.hypot(xi, denom)) * R2D;
  ra = ((ra % 360) + 360) % 360;
  return [ra, dec];
}

/** 0-based array pixel (x, y) → [RA°, Dec°]. */
export function pixelToSky(wcs: TanWcs, x: number, y: number): [number, number] {
  const dx = x + 1 - wcs.crpix[0];
  const dy = y + 1 - wcs.crpix[1];
  const xi = wcs.cd[0][0] * dx + wcs.cd[0][1] * dy;
  const eta = wcs.cd[1][0] * dx + wcs.cd[1][1] * dy;
  return standardToSky(xi, eta, wcs.crval[0], wcs.crval[1]);
}

/** [RA°, Dec°] → 0-based array pixel [x, y] (fractional). */
export function skyToPixel(wcs: TanWcs, ra: number, dec: number): [number, number] {
  const [xi, eta] = skyToStandard(ra, dec, wcs.crval[0], wcs.crval[1]);
  const [[a, b], [c, d]] = wcs.cd;
  const det = a * d - b * c;
  const dx = (d * xi - b * eta) / det;
  const dy = (-c * xi + a * eta) / det;
  return [dx + wcs.crpix[0] - 1, dy + wcs.crpix[1] - 1];
}

/**
 * Standard coordinates (arcsec, ξ east and η north) about (ra0, dec0) of every pixel centre of a
 * width × height grid, in FITS order (index y·width + x). Exact (no small-field approximation).
 */
export function gridStandardCoordinates(
  wcs: TanWcs,
  width: number,
  height: number,
  ra0: number,
  dec0: number,
): { xi: Float64Array; eta: Float64Array } {
  const n = width * height;
  const xiOut = new Float64Array(n);
  const etaOut = new Float64Array(n);
  const [[a, b], [c, d]] = wcs.cd;
  const gRa = wcs.crval[0] * D2R;
  const gDec = wcs.crval[1] * D2R;
  const sg = Math.sin(gDec);
  const cg = Math.cos(gDec);
  const t0 = dec0 * D2R;
  const s0 = Math.sin(t0);
  const c0 = Math.cos(t0);
  const r0 = ra0 * D2R;
  const same = Math.abs(ra0 - wcs.crval[0]) < 1e-12 && Math.abs(dec0 - wcs.crval[1]) < 1e-12;
  for (let y = 0; y < height; y++) {
    const dy = y + 1 - wcs.crpix[1];
    for (let x = 0; x < width; x++) {
      const dx = x + 1 - wcs.crpix[0];
      const xi = (a * dx + b * dy) * D2R;
      const eta = (c * dx + d * dy) * D2R;
      const i = y * width + x;
      if (same) {
        xiOut[i] = xi * R2D * ARCSEC_PER_DEG;
        etaOut[i] = eta * R2D * ARCSEC_PER_DEG;
        continue;
      }
      // Deproject about the grid's reference point, then project about (ra0, dec0).
      const denom = cg - eta * sg;
      const ra = gRa + Math.atan2(xi, denom);
      const dec = Math.atan2(sg + eta * cg, Math.hypot(xi, denom));
      const sd = Math.sin(dec);
      const cd = Math.cos(dec);
      const ca = Math.cos(ra - r0);
      const cosc = s0 * sd + c0 * cd * ca;
      xiOut[i] = ((cd * Math.sin(ra - r0)) / cosc) * R2D * ARCSEC_PER_DEG;
      etaOut[i] = ((c0 * sd - s0 * cd * ca) / cosc) * R2D * ARCSEC_PER_DEG;
    }
  }
  return { xi: xiOut, eta: etaOut };
}

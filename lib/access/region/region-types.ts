/**
 * The regions a subset request can name: a pixel box (SODA 1.1 draft `PIXELS`, cfitsio syntax,
 * 1-based inclusive) or a sky region (`CIRCLE`, `POS RANGE`, `POLYGON`; degrees, ICRS), or the
 * whole image. Resolved against a galaxy's WCS into a half-open 0-based `PixelBox`.
 */

/** Half-open, 0-based: [x0, x1) × [y0, y1), as everywhere inside the portal. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type SkyRegion =
  | { kind: "circle"; ra: number; dec: number; radius: number }
  /** RA from `ra[0]` eastwards to `ra[1]` (so 350 10 crosses RA 0); Dec between the two. */
  | { kind: "range"; ra: [number, number]; dec: [number, number]; allRa: boolean }
  | { kind: "polygon"; vertices: [number, number][] };

export type Region =
  | { kind: "all" }
  /** 1-based inclusive pixel ranges as in cfitsio; null for `*` (the whole axis). */
  | { kind: "pixels"; x: [number, number] | null; y: [number, number] | null }
  | SkyRegion;

export const boxWidth = (b: PixelBox) => b.x1 - b.x0;
export const boxHeight = (b: PixelBox) => b.y1 - b.y0;
export const boxPixels = (b: PixelBox) => boxWidth(b) * boxHeight(b);

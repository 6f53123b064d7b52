/**
 * FITS pixels ↔ the coordinates of the tiled images. Tiles are drawn north up: image row 0 is the
 * top of the galaxy, FITS row height − 1. Image coordinates are continuous, (0, 0) the top-left
 * corner of the top-left pixel, so FITS pixel (x, y) covers [x, x + 1) × [height − y − 1, height − y)
 * and its centre is (x + ½, height − y − ½). A half-open FITS rectangle [x0, x1) × [y0, y1) covers
 * image rows [height − y1, height − y0).
 */

/** A half-open FITS pixel rectangle [x0, y0, x1, y1]. */
export type PixelBox = readonly [x0: number, y0: number, x1: number, y1: number];

export interface ImageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function fitsBoxToImageRect([x0, y0, x1, y1]: PixelBox, imageHeight: number): ImageRect {
  return { x: x0, y: imageHeight - y1, width: x1 - x0, height: y1 - y0 };
}

/** The FITS pixel under an image point, or null outside the image. */
export function imagePointToFitsPixel(
  ix: number,
  iy: number,
  width: number,
  height: number,
): { x: number; y: number } | null {
  const col = Math.floor(ix);
  const row = Math.floor(iy);
  if (!(col >= 0 && col < width && row >= 0 && row < height)) return null;
  return { x: col, y: height - 1 - row };
}

/**
 * One SVG path for many rectangles (a subpath each), in image coordinates: thousands of areas
 * draw as one element instead of thousands.
 */
export function boxesPath(boxes: readonly PixelBox[], imageHeight: number): string {
  let d = "";
  for (const [x0, y0, x1, y1] of boxes) d += `M${x0} ${imageHeight - y1}h${x1 - x0}v${y1 - y0}h${x0 - x1}z`;
  return d;
}

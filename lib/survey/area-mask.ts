// The usable pixels of an area, in the order POGS numbers them: the strip is walked column by
// column (x ascending) and each column bottom to top (y ascending). The k-th usable pixel in that
// order has POGS pixel id firstPixelId + k and is bit k of the mask (least significant bit first).

export type AreaRect = { x0: number; y0: number; x1: number; y1: number };

/** Encodes which pixels of a rectangle are usable, given a predicate on galaxy coordinates. */
export function encodeAreaMask(
  rect: AreaRect,
  usable: (x: number, y: number) => boolean,
): { mask: Uint8Array<ArrayBuffer>; pixelCount: number } {
  const h = rect.y1 - rect.y0;
  const mask = new Uint8Array(Math.ceil(((rect.x1 - rect.x0) * h) / 8));
  let pixelCount = 0;
  for (let x = rect.x0; x < rect.x1; x++)
    for (let y = rect.y0; y < rect.y1; y++)
      if (usable(x, y)) {
        const bit = (x - rect.x0) * h + (y - rect.y0);
        mask[bit >> 3] |= 1 << (bit & 7);
        pixelCount++;
      }
  return { mask, pixelCount };
}

/** The usable pixels of an area as (x, y) pairs, in POGS pixel-id order. */
export function usablePixels(rect: AreaRect, mask: Uint8Array): { x: Uint16Array; y: Uint16Array } {
  const h = rect.y1 - rect.y0;
  const total = (rect.x1 - rect.x0) * h;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let bit = 0; bit < total; bit++)
    if (mask[bit >> 3] & (1 << (bit & 7))) {
      xs.push(rect.x0 + Math.floor(bit / h));
      ys.push(rect.y0 + (bit % h));
    }
  return { x: Uint16Array.from(xs), y: Uint16Array.from(ys) };
}

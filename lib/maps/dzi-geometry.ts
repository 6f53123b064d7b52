/**
 * Deep Zoom (DZI) pyramid geometry, as OpenSeadragon reads it: level L has the full size divided
 * by 2^(maxLevel − L), rounded up; level 0 is 1×1; maxLevel = ⌈log2(max(width, height))⌉.
 * ⌈⌈w/2⌉/2⌉ = ⌈w/4⌉, so halving each level (rounding up) yields exactly the next level's size.
 * A tile (col, row) covers [col·size, (col+1)·size) of its level, widened by `overlap` pixels on
 * every side that has a neighbour, and cut at the level's edge.
 */

export type TileFormat = "png" | "webp";

export interface DziLayout {
  width: number;
  height: number;
  tileSize: number;
  overlap: number;
  format: TileFormat;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Integer loop rather than Math.log2, which can be off by one ulp at exact powers of two. */
export function dziMaxLevel(width: number, height: number): number {
  const size = Math.max(width, height);
  let level = 0;
  while (2 ** level < size) level++;
  return level;
}

export function dziLevelSize(width: number, height: number, level: number): { width: number; height: number } {
  const maxLevel = dziMaxLevel(width, height);
  if (!Number.isInteger(level) || level < 0 || level > maxLevel) {
    throw new RangeError(`level ${level} outside 0..${maxLevel}`);
  }
  const f = 2 ** (maxLevel - level);
  return { width: Math.ceil(width / f), height: Math.ceil(height / f) };
}

export function dziTileGrid(levelWidth: number, levelHeight: number, tileSize: number): { cols: number; rows: number } {
  return { cols: Math.ceil(levelWidth / tileSize), rows: Math.ceil(levelHeight / tileSize) };
}

/** Pixel rectangle of a tile inside its level, overlap included. */
export function dziTileRect(
  levelWidth: number,
  levelHeight: number,
  col: number,
  row: number,
  tileSize: number,
  overlap: number,
): Rect {
  const { cols, rows } = dziTileGrid(levelWidth, levelHeight, tileSize);
  if (!Number.isInteger(col) || !Number.isInteger(row) || col < 0 || row < 0 || col >= cols || row >= rows) {
    throw new RangeError(`tile ${col}_${row} outside ${cols}×${rows}`);
  }
  const x = Math.max(0, col * tileSize - overlap);
  const y = Math.max(0, row * tileSize - overlap);
  const x1 = Math.min(levelWidth, (col + 1) * tileSize + overlap);
  const y1 = Math.min(levelHeight, (row + 1) * tileSize + overlap);
  return { x, y, width: x1 - x, height: y1 - y };
}

export function dziXml({ width, height, tileSize, overlap, format }: DziLayout): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Image xmlns="http://schemas.microsoft.com/deepzoom/2008" Format="${format}" Overlap="${overlap}" TileSize="${tileSize}">\n` +
    `  <Size Width="${width}" Height="${height}"/>\n` +
    `</Image>\n`
  );
}

export function validateLayout({ width, height, tileSize, overlap }: DziLayout): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`invalid image size ${width}×${height}`);
  }
  if (!Number.isInteger(tileSize) || tileSize < 1) throw new RangeError(`invalid tile size ${tileSize}`);
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= tileSize)
    throw new RangeError(`invalid overlap ${overlap}`);
}

/**
 * Addresses inside a Deep Zoom pyramid (the tile server's layout: `<name>.dzi` beside
 * `<name>_files/<level>/<col>_<row>.png`). The previews on the galaxy page are the one tile of
 * the highest level that still fits in a single tile, so a preview is a cacheable tile like any
 * other, served by the tile fast path.
 */

export const DZI_TILE_SIZE = 256;

/** Level L of a pyramid is the image divided by 2^(maxLevel − L), rounded up. */
export function dziMaxLevel(width: number, height: number): number {
  const size = Math.max(width, height);
  let level = 0;
  while (2 ** level < size) level++;
  return level;
}

export interface PreviewTile {
  url: string;
  level: number;
  width: number;
  height: number;
  /** The level is the image at full resolution (small galaxies): draw it with crisp pixels. */
  fullResolution: boolean;
}

export function previewTile(dzi: string, width: number, height: number, tileSize = DZI_TILE_SIZE): PreviewTile {
  const maxLevel = dziMaxLevel(width, height);
  let shrink = 0;
  while (Math.ceil(Math.max(width, height) / 2 ** shrink) > tileSize) shrink++;
  const level = maxLevel - shrink;
  return {
    url: `${dzi.replace(/\.dzi$/, "")}_files/${level}/0_0.png`,
    level,
    width: Math.ceil(width / 2 ** shrink),
    height: Math.ceil(height / 2 ** shrink),
    fullResolution: shrink === 0,
  };
}

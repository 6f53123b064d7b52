/**
 * One pyramid tile on demand, without building the pyramid: crop the block of the full raster
 * the tile covers (aligned to 2^k pixels, k = levels below full size) and halve it k times.
 * Because halving is local to 2×2 blocks, the bytes equal those of the same tile in a full
 * build, so on-demand and pre-built tiles can share one immutable URL.
 *
 * Cost is proportional to the full-resolution area under the tile: trivial near full size, a
 * full downsample of the raster for the top few levels (build the pyramid when those are hot).
 */
import { cropRgba, halveRgba } from "./downsample";
import { dziLevelSize, dziMaxLevel, dziTileRect } from "./dzi-geometry";
import { resolveLayout, type TileOptions } from "./pyramid";
import { assertRasterShape, type RgbaRaster } from "./raster";
import { encodeTile } from "./tile-encode";

/** The tile's pixels (RGBA, image orientation). Throws RangeError for an address outside the pyramid. */
export function renderSingleTileRaster(
  raster: RgbaRaster,
  level: number,
  col: number,
  row: number,
  options: TileOptions = {},
): RgbaRaster {
  assertRasterShape(raster.data, raster.width, raster.height, 4);
  const { tileSize, overlap } = resolveLayout(raster.width, raster.height, options);
  const size = dziLevelSize(raster.width, raster.height, level);
  const rect = dziTileRect(size.width, size.height, col, row, tileSize, overlap);
  const f = 2 ** (dziMaxLevel(raster.width, raster.height) - level);
  const x0 = rect.x * f;
  const y0 = rect.y * f;
  let tile = cropRgba(
    raster,
    x0,
    y0,
    Math.min(raster.width, (rect.x + rect.width) * f) - x0,
    Math.min(raster.height, (rect.y + rect.height) * f) - y0,
  );
  for (let g = f; g > 1; g /= 2) tile = halveRgba(tile);
  return tile;
}

/** The encoded tile (PNG by default), byte-identical to the one `buildDziPyramid` writes. */
export function renderSingleTile(
  raster: RgbaRaster,
  level: number,
  col: number,
  row: number,
  options: TileOptions = {},
): Promise<Buffer> {
  const tile = renderSingleTileRaster(raster, level, col, row, options);
  return encodeTile(tile, resolveLayout(raster.width, raster.height, options).format);
}

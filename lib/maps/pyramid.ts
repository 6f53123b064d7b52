/**
 * Builds a Deep Zoom (DZI) tile pyramid from an RGBA raster, for OpenSeadragon.
 *
 * Choices (see also tile-encode.ts):
 * - 256-px tiles, overlap 0 by default: tiles are exact, non-overlapping pixel crops, so a tile
 *   address maps to pixel coordinates by a multiplication, on-demand tiles are simple crops, and
 *   semi-transparent edge pixels of the lower levels are not drawn twice (with overlap, OSD
 *   composites the shared strip of two tiles on top of each other, which darkens or lightens it
 *   where alpha < 255). The viewer should set `subPixelRoundingForTransparency: ALWAYS` so
 *   tiles meet on whole pixels. Overlap 1 (vips' default) is supported for other consumers.
 * - Levels come from halving the previous level (`downsample.ts`), never from the full raster.
 * - Tiles are encoded by sharp on libuv threads, at most `concurrency` at once (default: the
 *   number of cores), while the main thread computes the next level in slices.
 * - Crash safety: everything is written into a temporary folder beside the destination and
 *   renamed into place at the end (the `.dzi` last); a failure or abort removes the temporary
 *   folder and leaves any existing pyramid untouched.
 */
import { availableParallelism } from "node:os";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cropRgba, halveRgbaInSlices } from "./downsample";
import {
  dziMaxLevel,
  dziTileGrid,
  dziTileRect,
  dziXml,
  validateLayout,
  type DziLayout,
  type TileFormat,
} from "./dzi-geometry";
import { assertRasterShape, type RgbaRaster } from "./raster";
import { TaskPool } from "./task-pool";
import { encodeTileToFile } from "./tile-encode";
import { moveDirectoryIntoPlace, pyramidPaths, temporarySibling } from "./tile-store";

export const DEFAULT_TILE_SIZE = 256;
export const DEFAULT_OVERLAP = 0;
export const DEFAULT_TILE_FORMAT: TileFormat = "png";

export interface TileOptions {
  tileSize?: number;
  overlap?: number;
  format?: TileFormat;
}

export interface BuildPyramidOptions extends TileOptions {
  /** Tile encodes in flight at once (default: number of cores). */
  concurrency?: number;
  /** Abort the build; it then rejects and leaves nothing behind. */
  signal?: AbortSignal;
  /** Called after each tile is written; throwing from it aborts the build like `signal`. */
  onProgress?: (tilesDone: number, tilesTotal: number) => void;
}

export interface BuiltPyramid {
  dzi: string;
  filesDir: string;
  layout: DziLayout;
  levels: number;
  tiles: number;
}

export function resolveLayout(width: number, height: number, options: TileOptions = {}): DziLayout {
  const layout: DziLayout = {
    width,
    height,
    tileSize: options.tileSize ?? DEFAULT_TILE_SIZE,
    overlap: options.overlap ?? DEFAULT_OVERLAP,
    format: options.format ?? DEFAULT_TILE_FORMAT,
  };
  validateLayout(layout);
  return layout;
}

/** Tiles in the whole pyramid (for progress reporting). */
export function countPyramidTiles({ width, height, tileSize }: DziLayout): number {
  let total = 0;
  let w = width;
  let h = height;
  for (let level = dziMaxLevel(width, height); level >= 0; level--) {
    const { cols, rows } = dziTileGrid(w, h, tileSize);
    total += cols * rows;
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
  }
  return total;
}

/** Writes `<dir>/<name>.dzi` and `<dir>/<name>_files/…`, replacing any previous pyramid. */
export async function buildDziPyramid(
  raster: RgbaRaster,
  dir: string,
  name: string,
  options: BuildPyramidOptions = {},
): Promise<BuiltPyramid> {
  assertRasterShape(raster.data, raster.width, raster.height, 4);
  const layout = resolveLayout(raster.width, raster.height, options);
  const dest = pyramidPaths(dir, name);
  await mkdir(dir, { recursive: true });
  const temp = temporarySibling(path.join(dir, name));
  const staged = pyramidPaths(temp, name);
  const total = countPyramidTiles(layout);
  const maxLevel = dziMaxLevel(layout.width, layout.height);
  const pool = new TaskPool(options.concurrency ?? availableParallelism());
  const { signal, onProgress } = options;
  const onAbort = () => pool.fail(signal?.reason ?? new Error("pyramid build aborted"));
  signal?.addEventListener("abort", onAbort, { once: true });
  let done = 0;
  try {
    signal?.throwIfAborted();
    let level: RgbaRaster = raster;
    for (let l = maxLevel; l >= 0 && !pool.failed; l--) {
      const levelDir = path.join(staged.filesDir, String(l));
      await mkdir(levelDir, { recursive: true });
      const { cols, rows } = dziTileGrid(level.width, level.height, layout.tileSize);
      const source = level;
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          pool.add(async () => {
            const r = dziTileRect(source.width, source.height, col, row, layout.tileSize, layout.overlap);
            const tile = cropRgba(source, r.x, r.y, r.width, r.height);
            await encodeTileToFile(tile, layout.format, path.join(levelDir, `${col}_${row}.${layout.format}`));
            onProgress?.(++done, total);
          });
        }
      }
      if (l > 0) level = await halveRgbaInSlices(level);
    }
    await pool.drain();
    await writeFile(staged.dzi, dziXml(layout));
    await moveDirectoryIntoPlace(staged.filesDir, dest.filesDir);
    await rename(staged.dzi, dest.dzi);
    return { dzi: dest.dzi, filesDir: dest.filesDir, layout, levels: maxLevel + 1, tiles: total };
  } catch (error) {
    pool.fail(error);
    // Let every started encode settle before deleting the folder it writes into.
    await pool.drain().catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await rm(temp, { recursive: true, force: true });
  }
}

// `/galaxy/pixel`: the per-pixel results of a selection in POGS blocks of ≤ 1024 × 1024, indexed
// [x, y] as POGS did. Written tile by tile (TILE_COLUMNS × BAND_ROWS pixels of one block, whole
// chunks): each tile is read from the result blocks of the areas it crosses and handed to the
// HDF5 worker, which compresses it while the next one is read. Memory stays at two tiles (≤ 4 MB
// of statistics each) whatever the galaxy's size.
import {
  BAND_ROWS,
  chunks,
  dtypes,
  GZIP_LEVEL,
  histogramBlockNumber,
  names,
  pixelBlocks,
  pixelGroupAttributes,
  TILE_COLUMNS,
  type BlockGeometry,
} from "./archive-layout";
import type { H5FileWriter } from "./h5-writer";
import { HistogramAppender } from "./histogram-appender";
import { statisticOffsets, type PixelSelection } from "./pixel-selection";
import { readTile } from "./pixel-tiles";
import type { GalaxyRows } from "./result-rows";
import { writeAttributes } from "./tables";

export type PixelWriteOptions = {
  /** write the histograms (only when the galaxy kept some) */
  histograms: boolean;
  /** after each tile: tiles written, tiles in all; a returned promise is awaited */
  onTile?: (done: number, total: number) => void | Promise<void>;
};

export type PixelWriteSummary = { blocks: number; pixels: number; histogramValues: number };

const PIXEL = "/galaxy/pixel";
const HISTOGRAMS = `${PIXEL}/histogram_blocks`;

const emptyOf = (dtype: string) =>
  dtype === "<q" ? new BigInt64Array(0) : dtype === "<i" ? new Int32Array(0) : new Float32Array(0);
const emptyData = (dtype: string | [string, string][]) =>
  typeof dtype === "string" ? emptyOf(dtype) : new Map(dtype.map(([n, t]) => [n, emptyOf(t)]));

/** A chunked gzip dataset of the given shape, created empty along y then sized (h5wasm creates datasets from data in memory). */
async function createSized(
  w: H5FileWriter,
  name: string,
  dtype: string | [string, string][],
  shape: number[],
  chunkShape: number[],
) {
  await w.dataset(PIXEL, {
    name,
    data: emptyData(dtype),
    dtype,
    shape: [shape[0], 0, ...shape.slice(2)],
    maxshape: shape,
    chunks: chunkShape,
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
  await w.resize(`${PIXEL}/${name}`, shape);
}

async function createBlockDatasets(w: H5FileWriter, b: BlockGeometry, s: PixelSelection, histograms: boolean) {
  const { sizeX: sx, sizeY: sy } = b;
  const [nP, nS] = [s.parameters.length, s.statistics.length];
  await createSized(w, names.pixels(b), dtypes.pixels, [sx, sy, nP, nS], chunks.pixels(sx, sy));
  await w.dimensionLabels(`${PIXEL}/${names.pixels(b)}`, ["x", "y", "parameter", "statistic"]);
  await writeAttributes(w, `${PIXEL}/${names.pixels(b)}`, { x_offset: { int: b.x0 }, y_offset: { int: b.y0 } });
  await createSized(w, names.pixelDetails(b), dtypes.pixelDetails, [sx, sy], chunks.pixelDetails(sx, sy));
  if (!histograms) return;
  await createSized(w, names.histogramGrid(b), dtypes.histogramGrid, [sx, sy, nP], chunks.histogramGrid(sx, sy, nP));
  await w.dataset(HISTOGRAMS, {
    name: names.histogramBlock(histogramBlockNumber(b, s.box)),
    data: emptyData(dtypes.histogramBlock),
    dtype: dtypes.histogramBlock,
    shape: [0],
    maxshape: [null],
    chunks: [chunks.histogramBlock],
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
}

/** The tiles of a block, as offsets (dx, dy) from its origin and sizes. */
function tilesOf(b: BlockGeometry): { dx: number; dy: number; w: number; h: number }[] {
  const out = [];
  for (let dy = 0; dy < b.sizeY; dy += BAND_ROWS)
    for (let dx = 0; dx < b.sizeX; dx += TILE_COLUMNS)
      out.push({ dx, dy, w: Math.min(TILE_COLUMNS, b.sizeX - dx), h: Math.min(BAND_ROWS, b.sizeY - dy) });
  return out;
}

export async function writePixelGroup(
  w: H5FileWriter,
  source: GalaxyRows,
  s: PixelSelection,
  options: PixelWriteOptions,
): Promise<PixelWriteSummary> {
  await w.group("/galaxy", "pixel");
  await w.attributes(PIXEL, pixelGroupAttributes(s));
  if (options.histograms) await w.group(PIXEL, "histogram_blocks");
  const blocks = pixelBlocks(s.box);
  for (const b of blocks) await createBlockDatasets(w, b, s, options.histograms);

  const offsets = statisticOffsets(s);
  const [nP, nS] = [s.parameters.length, s.statistics.length];
  const total = blocks.reduce((sum, b) => sum + tilesOf(b).length, 0);
  const summary: PixelWriteSummary = { blocks: blocks.length, pixels: 0, histogramValues: 0 };
  let done = 0;
  for (const b of blocks) {
    const blockNumber = histogramBlockNumber(b, s.box);
    const appender = options.histograms
      ? new HistogramAppender(w, `${HISTOGRAMS}/${names.histogramBlock(blockNumber)}`)
      : null;
    for (const t of tilesOf(b)) {
      const x0 = b.x0 + t.dx,
        y0 = b.y0 + t.dy;
      const tile = await readTile(
        source,
        { x0, x1: x0 + t.w, y0, y1: y0 + t.h },
        s,
        offsets,
        appender && { appender, blockNumber },
        (bytes) => w.buffer(bytes),
      );
      const bytes = (a: Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer>) =>
        new Uint8Array(a.buffer, 0, a.byteLength);
      await w.write(`${PIXEL}/${names.pixels(b)}`, [t.dx, t.dy, 0, 0], [t.w, t.h, nP, nS], bytes(tile.stats));
      await w.write(`${PIXEL}/${names.pixelDetails(b)}`, [t.dx, t.dy], [t.w, t.h], tile.details);
      if (appender && tile.grid) {
        await appender.flush();
        await w.write(`${PIXEL}/${names.histogramGrid(b)}`, [t.dx, t.dy, 0], [t.w, t.h, nP], bytes(tile.grid));
      }
      summary.pixels += tile.pixels;
      await options.onTile?.(++done, total);
    }
    summary.histogramValues += appender?.written ?? 0;
  }
  return summary;
}

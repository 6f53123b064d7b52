// `/galaxy/pixel`: the per-pixel results in POGS blocks of ≤ 1024 × 1024, indexed [x, y] as POGS
// did. Written in bands of BAND_ROWS rows of one block: each band reads the result blocks of the
// areas it crosses, fills NaN-initialised buffers in the datasets' own layouts and hands them to
// the HDF5 worker as whole chunks. Memory stays at a few bands (≤ 59 MB of statistics each)
// whatever the galaxy's size; neither thread ever holds a whole block.
import type { Db } from "@/lib/db/client";
import { usablePixels } from "@/lib/survey/area-mask";
import { PARAMETER_COUNT, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { decodeBlock, decodeHistograms, VALUES_PER_PIXEL } from "@/lib/survey/result-block";
import {
  BAND_ROWS,
  chunks,
  dtypes,
  GZIP_LEVEL,
  histogramBlockNumber,
  names,
  pixelBlocks,
  pixelGroupAttributes,
  type BlockGeometry,
} from "./archive-layout";
import type { H5FileWriter } from "./h5-writer";
import { writeAttributes } from "./tables";

export type PixelWriteOptions = {
  /** write the histograms (only when the galaxy kept some) */
  histograms: boolean;
  /** after each band: bands written, bands in all */
  onBand?: (done: number, total: number) => void;
};

export type PixelWriteSummary = { blocks: number; pixels: number; histogramValues: number };

type Galaxy = { id: number; width: number; height: number };

const PIXEL = "/galaxy/pixel";
const HISTOGRAMS = `${PIXEL}/histogram_blocks`;

const emptyOf = (dtype: string) =>
  dtype === "<q" ? new BigInt64Array(0) : dtype === "<i" ? new Int32Array(0) : new Float32Array(0);
const emptyData = (dtype: string | [string, string][]) =>
  typeof dtype === "string" ? emptyOf(dtype) : new Map(dtype.map(([n, t]) => [n, emptyOf(t)]));

/** A chunked gzip dataset of the given shape, created empty along y then sized (h5wasm creates datasets from data in memory). */
async function createSized(
  w: H5FileWriter,
  parent: string,
  name: string,
  dtype: string | [string, string][],
  shape: number[],
  chunkShape: number[],
) {
  await w.dataset(parent, {
    name,
    data: emptyData(dtype),
    dtype,
    shape: [shape[0], 0, ...shape.slice(2)],
    maxshape: shape,
    chunks: chunkShape,
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
  await w.resize(`${parent}/${name}`, shape);
}

async function createBlockDatasets(
  w: H5FileWriter,
  b: BlockGeometry,
  histograms: boolean,
  width: number,
): Promise<void> {
  const { sizeX: sx, sizeY: sy } = b;
  await createSized(
    w,
    PIXEL,
    names.pixels(b),
    dtypes.pixels,
    [sx, sy, PARAMETER_COUNT, STATISTIC_COUNT],
    chunks.pixels(sx, sy),
  );
  await w.dimensionLabels(`${PIXEL}/${names.pixels(b)}`, ["x", "y", "parameter", "statistic"]);
  await writeAttributes(w, `${PIXEL}/${names.pixels(b)}`, { x_offset: { int: b.x0 }, y_offset: { int: b.y0 } });
  await createSized(w, PIXEL, names.pixelDetails(b), dtypes.pixelDetails, [sx, sy], chunks.pixelDetails(sx, sy));
  if (!histograms) return;
  await createSized(
    w,
    PIXEL,
    names.histogramGrid(b),
    dtypes.histogramGrid,
    [sx, sy, PARAMETER_COUNT],
    chunks.histogramGrid(sx, sy),
  );
  await w.dataset(HISTOGRAMS, {
    name: names.histogramBlock(histogramBlockNumber(b, width)),
    data: emptyData(dtypes.histogramBlock),
    dtype: dtypes.histogramBlock,
    shape: [0],
    maxshape: [null],
    chunks: [chunks.histogramBlock],
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
}

/** Appends (x_axis, hist_value) pairs to a block's histogram dataset, a million at a time. */
class HistogramAppender {
  written = 0;
  /** interleaved x_axis, hist_value: the packed layout of the compound */
  private pairs = new Float32Array(1 << 17);
  private pending = 0;
  constructor(
    private readonly w: H5FileWriter,
    private readonly path: string,
  ) {}

  /** values queued, not yet written */
  get queued(): number {
    return this.pending;
  }

  /** Queues one histogram; returns its index in the dataset. */
  add(x: Float32Array, p: Float32Array): number {
    const n = x.length;
    if (2 * (this.pending + n) > this.pairs.length) this.grow(2 * (this.pending + n));
    for (let j = 0, at = 2 * this.pending; j < n; j++, at += 2) {
      this.pairs[at] = x[j];
      this.pairs[at + 1] = p[j];
    }
    const index = this.written + this.pending;
    this.pending += n;
    return index;
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    await this.w.resize(this.path, [this.written + this.pending]);
    await this.w.write(
      this.path,
      [this.written],
      [this.pending],
      new Uint8Array(this.pairs.slice(0, 2 * this.pending).buffer),
    );
    this.written += this.pending;
    this.pending = 0;
  }

  private grow(size: number): void {
    const pairs = new Float32Array(Math.max(size, 2 * this.pairs.length));
    pairs.set(this.pairs.subarray(0, 2 * this.pending));
    this.pairs = pairs;
  }
}

export async function writePixelGroup(
  w: H5FileWriter,
  db: Db,
  galaxy: Galaxy,
  options: PixelWriteOptions,
): Promise<PixelWriteSummary> {
  await w.group("/galaxy", "pixel");
  await w.attributes(PIXEL, pixelGroupAttributes(galaxy.width, galaxy.height));
  if (options.histograms) await w.group(PIXEL, "histogram_blocks");
  const blocks = pixelBlocks(galaxy.width, galaxy.height);
  for (const b of blocks) await createBlockDatasets(w, b, options.histograms, galaxy.width);

  const total = blocks.reduce((s, b) => s + Math.ceil(b.sizeY / BAND_ROWS), 0);
  const summary: PixelWriteSummary = { blocks: blocks.length, pixels: 0, histogramValues: 0 };
  let done = 0;
  for (const b of blocks) {
    const blockNumber = histogramBlockNumber(b, galaxy.width);
    const appender = options.histograms
      ? new HistogramAppender(w, `${HISTOGRAMS}/${names.histogramBlock(blockNumber)}`)
      : null;
    for (let yb = 0; yb < b.sizeY; yb += BAND_ROWS) {
      const rows = Math.min(BAND_ROWS, b.sizeY - yb);
      const band = await readBand(
        db,
        galaxy.id,
        { x0: b.x0, x1: b.x0 + b.sizeX, y0: b.y0 + yb, y1: b.y0 + yb + rows },
        appender,
        blockNumber,
      );
      await w.write(
        `${PIXEL}/${names.pixels(b)}`,
        [0, yb, 0, 0],
        [b.sizeX, rows, PARAMETER_COUNT, STATISTIC_COUNT],
        new Uint8Array(band.stats.buffer),
      );
      await w.write(`${PIXEL}/${names.pixelDetails(b)}`, [0, yb], [b.sizeX, rows], band.details);
      if (appender && band.grid) {
        await appender.flush();
        await w.write(
          `${PIXEL}/${names.histogramGrid(b)}`,
          [0, yb, 0],
          [b.sizeX, rows, PARAMETER_COUNT],
          new Uint8Array(band.grid.buffer),
        );
      }
      summary.pixels += band.pixels;
      options.onBand?.(++done, total);
    }
    summary.histogramValues += appender?.written ?? 0;
  }
  return summary;
}

type Rect = { x0: number; x1: number; y0: number; y1: number };

// Packed records, as the compound types of archive-layout.ts lay them out (little-endian):
// pixel_details 32 bytes: pxresult_id i64 @0, area_id i64 @8, i_sfh, i_ir, chi2, redshift f32 @16…28;
// pixel_histograms_grid 16 bytes: block_id i32 @0, index i64 @4, length i32 @12.
const DETAILS_BYTES = 32;
const GRID_INT32S = 4;

/**
 * The statistics, details and histogram grid of the pixels inside `r`, as [x][y] buffers in the
 * datasets' layouts, ready to write.
 */
async function readBand(db: Db, galaxyId: number, r: Rect, appender: HistogramAppender | null, blockNumber: number) {
  const h = r.y1 - r.y0,
    cells = (r.x1 - r.x0) * h;
  const stats = new Float32Array(cells * VALUES_PER_PIXEL).fill(NaN);
  const details = new ArrayBuffer(cells * DETAILS_BYTES);
  const ids = new BigInt64Array(details).fill(-1n);
  const floats = new Float32Array(details);
  for (let c = 0; c < cells; c++) floats.fill(NaN, c * 8 + 4, c * 8 + 8);
  // index −1 where there is no histogram: all bits set in both halves
  const grid = appender ? new Int32Array(cells * PARAMETER_COUNT * GRID_INT32S) : null;
  if (grid) for (let e = 0; e < grid.length; e += GRID_INT32S) grid[e + 1] = grid[e + 2] = -1;

  const rows = await db.pixelResultBlock.findMany({
    where: { galaxyId, area: { x0: { lt: r.x1 }, x1: { gt: r.x0 }, y0: { lt: r.y1 }, y1: { gt: r.y0 } } },
    select: {
      areaId: true,
      pixelCount: true,
      xy: true,
      stats: true,
      display: true,
      bestFit: true,
      histograms: !!appender,
      area: { select: { x0: true, y0: true, x1: true, y1: true, firstPixelId: true, mask: true } },
    },
    orderBy: { areaId: "asc" },
  });
  let pixels = 0;
  for (const row of rows) {
    const block = decodeBlock(row);
    const rank = pixelRanks(row.area);
    const areaHeight = row.area.y1 - row.area.y0;
    let histograms: ReturnType<typeof decodeHistograms> | null = null;
    for (let i = 0; i < block.pixelCount; i++) {
      const x = block.x[i],
        y = block.y[i];
      if (x < r.x0 || x >= r.x1 || y < r.y0 || y >= r.y1) continue;
      const cell = (x - r.x0) * h + (y - r.y0);
      stats.set(block.stats.subarray(i * VALUES_PER_PIXEL, (i + 1) * VALUES_PER_PIXEL), cell * VALUES_PER_PIXEL);
      const k = rank[(x - row.area.x0) * areaHeight + (y - row.area.y0)];
      if (k >= 0) ids[cell * 4] = BigInt(row.area.firstPixelId + k);
      ids[cell * 4 + 1] = BigInt(row.areaId);
      floats.set(block.bestFit.subarray(i * 4, i * 4 + 4), cell * 8 + 4);
      pixels++;
      if (!grid || !appender || !row.histograms) continue;
      histograms ??= decodeHistograms(row.histograms, row.pixelCount);
      for (let p = 0; p < PARAMETER_COUNT; p++) {
        const hist = histograms[i][p];
        const e = (cell * PARAMETER_COUNT + p) * GRID_INT32S;
        const index = appender.add(hist.x, hist.p);
        grid[e] = blockNumber;
        grid[e + 1] = index | 0; // low 32 bits
        grid[e + 2] = Math.floor(index / 2 ** 32);
        grid[e + 3] = hist.x.length;
      }
    }
    // Real MAGPHYS histograms are ~820 values a pixel: a band's worth would be hundreds of MB.
    if (appender && appender.queued >= 1 << 20) await appender.flush();
  }
  return { stats, details: new Uint8Array(details), grid, pixels };
}

/** For each cell of an area's rectangle ([x][y] order), the rank k of its usable pixel (POGS id = first + k), or −1. */
function pixelRanks(area: { x0: number; y0: number; x1: number; y1: number; mask: Uint8Array }): Int32Array {
  const h = area.y1 - area.y0;
  const out = new Int32Array((area.x1 - area.x0) * h).fill(-1);
  const { x, y } = usablePixels(area, area.mask);
  for (let k = 0; k < x.length; k++) out[(x[k] - area.x0) * h + (y[k] - area.y0)] = k;
  return out;
}

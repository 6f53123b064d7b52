// One tile of the pixel arrays, read from the result blocks of the areas it crosses and packed
// into [x][y] buffers in the datasets' own layouts (NaN, −1 where there is no result), ready to
// hand to the HDF5 worker.
import { decodeBlock, decodeHistograms, VALUES_PER_PIXEL } from "@/lib/survey/result-block";
import type { HistogramAppender } from "./histogram-appender";
import type { PixelBox, PixelSelection } from "./pixel-selection";
import type { GalaxyRows } from "./result-rows";

// Packed records, as the compound types of archive-layout.ts lay them out (little-endian):
// pixel_details 32 bytes: pxresult_id i64 @0, area_id i64 @8, i_sfh, i_ir, chi2, redshift f32 @16…28;
// pixel_histograms_grid 16 bytes: block_id i32 @0, index i64 @4, length i32 @12.
const DETAILS_BYTES = 32;
const GRID_INT32S = 4;

export type TileHistograms = { appender: HistogramAppender; blockNumber: number };

export type PackedTile = {
  stats: Float32Array<ArrayBuffer>;
  details: Uint8Array<ArrayBuffer>;
  grid: Int32Array<ArrayBuffer> | null;
  pixels: number;
};

/** Where the tile's buffers come from (recycled ones, of any content: every byte is written here). */
export type Allocate = (bytes: number) => ArrayBuffer;

/**
 * The tile `r` of the selection: `offsets` (statisticOffsets) picks the values of each pixel, or
 * null for all 112 in order; with `histograms`, each selected parameter's histogram is queued.
 */
export async function readTile(
  source: GalaxyRows,
  r: PixelBox,
  s: PixelSelection,
  offsets: Int32Array | null,
  histograms: TileHistograms | null,
  allocate: Allocate,
): Promise<PackedTile> {
  const h = r.y1 - r.y0,
    cells = (r.x1 - r.x0) * h;
  const values = offsets ? offsets.length : VALUES_PER_PIXEL;
  const nParams = s.parameters.length;
  const stats = new Float32Array(allocate(cells * values * 4), 0, cells * values).fill(NaN);
  const details = new Uint8Array(allocate(cells * DETAILS_BYTES), 0, cells * DETAILS_BYTES);
  const ids = new BigInt64Array(details.buffer, 0, cells * 4).fill(-1n);
  const floats = new Float32Array(details.buffer, 0, cells * 8);
  for (let c = 0; c < cells; c++) floats.fill(NaN, c * 8 + 4, c * 8 + 8);
  // no histogram: block 0, index −1 (all bits set in both halves), length 0
  const grid = histograms
    ? new Int32Array(allocate(cells * nParams * GRID_INT32S * 4), 0, cells * nParams * GRID_INT32S)
    : null;
  if (grid) for (let e = 0; e < grid.length; e += GRID_INT32S) grid.set([0, -1, -1, 0], e);

  let pixels = 0;
  const ranks = new PixelRanks();
  for (const row of await source.blocks(r)) {
    const block = decodeBlock({ ...row, display: new Uint8Array(0) });
    const rank = ranks.of(row.area);
    const areaHeight = row.area.y1 - row.area.y0;
    let decoded: ReturnType<typeof decodeHistograms> | null = null;
    for (let i = 0; i < block.pixelCount; i++) {
      const x = block.x[i],
        y = block.y[i];
      if (x < r.x0 || x >= r.x1 || y < r.y0 || y >= r.y1) continue;
      const cell = (x - r.x0) * h + (y - r.y0);
      const from = i * VALUES_PER_PIXEL;
      if (!offsets) stats.set(block.stats.subarray(from, from + VALUES_PER_PIXEL), cell * values);
      else for (let v = 0; v < values; v++) stats[cell * values + v] = block.stats[from + offsets[v]];
      const k = rank[(x - row.area.x0) * areaHeight + (y - row.area.y0)];
      if (k >= 0) ids[cell * 4] = BigInt(row.area.firstPixelId + k);
      ids[cell * 4 + 1] = BigInt(row.areaId);
      floats.set(block.bestFit.subarray(i * 4, i * 4 + 4), cell * 8 + 4);
      pixels++;
      if (!grid || !histograms || !row.histograms) continue;
      decoded ??= decodeHistograms(row.histograms, row.pixelCount);
      for (let j = 0; j < nParams; j++) {
        const hist = decoded[i][s.parameters[j].index];
        const e = (cell * nParams + j) * GRID_INT32S;
        const index = histograms.appender.add(hist.x, hist.p);
        grid[e] = histograms.blockNumber;
        grid[e + 1] = index | 0; // low 32 bits
        grid[e + 2] = Math.floor(index / 2 ** 32);
        grid[e + 3] = hist.x.length;
      }
    }
    if (histograms) await histograms.appender.flushIfFull();
  }
  return { stats, details, grid, pixels };
}

/**
 * For each cell of an area's rectangle ([x][y] order), the rank k of its usable pixel (POGS id =
 * first + k), or −1: bit k of the mask is cell k in that order (lib/survey/area-mask.ts). One
 * buffer for all the areas of a tile, so a row costs no allocation.
 */
class PixelRanks {
  private out = new Int32Array(256);
  of(area: { x0: number; y0: number; x1: number; y1: number; mask: Uint8Array }): Int32Array {
    const cells = (area.x1 - area.x0) * (area.y1 - area.y0);
    if (cells > this.out.length) this.out = new Int32Array(Math.max(cells, 2 * this.out.length));
    for (let bit = 0, k = 0; bit < cells; bit++) this.out[bit] = area.mask[bit >> 3] & (1 << (bit & 7)) ? k++ : -1;
    return this.out;
  }
}

// The archive's copy of the galaxy's `pixel_result_block` rows, byte for byte, in `/galaxy/portal`:
// what the portal reads once the rows are deleted from the database (lib/archive-store). The POGS
// datasets of `/galaxy/pixel` hold the same values for scientists, but in chunks of one statistic
// plane, so one pixel's 112 values would cost 112 chunks; here one area is a few contiguous bytes.
//
// One uint8 dataset a column (a tile rebuild reads only `xy` and `display`), gzip in chunks of
// 64 KiB, and `result_index`: int64 [areas, 17] = area_id, pixel_count, results_version, then the
// (offset, length) of the area's bytes in each column, length −1 for a null value.

export const RESULT_COPY_GROUP = "/galaxy/portal";
export const RESULT_INDEX = "result_index";

/** The columns of a row, in index order, with their dataset names. */
export const RESULT_COLUMNS = [
  ["xy", "xy"],
  ["stats", "stats"],
  ["display", "display"],
  ["bestFit", "best_fit"],
  ["histograms", "histograms"],
  ["fluxes", "fluxes"],
  ["fluxFilters", "flux_filters"],
] as const;

export type ResultColumn = (typeof RESULT_COLUMNS)[number][0];
export const INDEX_FIELDS = 3 + 2 * RESULT_COLUMNS.length;
export const COPY_CHUNK_BYTES = 1 << 16;

/** One `pixel_result_block` row as the readers use it (the replay fingerprint and time are not copied). */
export type StoredResultRow = {
  areaId: number;
  pixelCount: number;
  resultsVersion: number;
  xy: Uint8Array;
  stats: Uint8Array;
  display: Uint8Array;
  bestFit: Uint8Array;
  histograms: Uint8Array | null;
  fluxes: Uint8Array | null;
  fluxFilters: string;
};

/** A row's value of a column as bytes (null stays null). */
export function columnBytes(row: StoredResultRow, column: ResultColumn): Uint8Array | null {
  return column === "fluxFilters" ? new TextEncoder().encode(row.fluxFilters) : row[column];
}

/** Where an area's bytes are: its row of the index, as numbers. */
export type IndexEntry = { areaId: number; pixelCount: number; resultsVersion: number; at: Float64Array };

export function entryOf(index: Float64Array, row: number): IndexEntry {
  const base = row * INDEX_FIELDS;
  return {
    areaId: index[base],
    pixelCount: index[base + 1],
    resultsVersion: index[base + 2],
    at: index.subarray(base + 3, base + INDEX_FIELDS),
  };
}

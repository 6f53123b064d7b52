// The archive's copy of the galaxy's `pixel_result_block` rows, byte for byte, in `/galaxy/portal`:
// what the portal reads once the rows are deleted from the database (lib/archive-store). The POGS
// datasets of `/galaxy/pixel` hold the same values for scientists, but in chunks of one statistic
// plane, so one pixel's 112 values would cost 112 chunks; here one area is a few contiguous bytes.
//
// One uint8 dataset a column (a tile rebuild reads only `xy` and `display`) in chunks of 64 KiB,
// and `result_index`: int64 [areas, 17] = area_id, pixel_count, results_version, then the
// (offset, length) of the area's bytes in each column, length −1 for a null value.
//
// The columns every pixel readout, cutout and tile reads are stored uncompressed with a Fletcher-32
// checksum per chunk: inflating them kept a 256² cutout at ~2.7× the database's time (inflate runs
// at ~150 MB/s here, and a cutout is 30 MB of rows), while the checksum costs ~10 ms a 30 MB and
// still refuses a chunk whose bytes changed. The archive grows by about what gzip saved on them
// (~40 %, docs/formats.md §9). The columns read one area at a time (histograms, fluxes) stay
// gzip-compressed. Archives written before (every column gzip) read the same: HDF5 undoes whatever
// filter it finds.

export const RESULT_COPY_GROUP = "/galaxy/portal";
export const RESULT_INDEX = "result_index";

/** How a column's chunks are stored: uncompressed with a checksum, or gzip-compressed. */
export type ColumnStorage = "fletcher32" | "gzip";

/** The columns of a row, in index order, with their dataset names and storage. */
export const RESULT_COLUMNS = [
  ["xy", "xy", "fletcher32"],
  ["stats", "stats", "fletcher32"],
  ["display", "display", "fletcher32"],
  ["bestFit", "best_fit", "fletcher32"],
  ["histograms", "histograms", "gzip"],
  ["fluxes", "fluxes", "gzip"],
  ["fluxFilters", "flux_filters", "gzip"],
] as const satisfies readonly (readonly [string, string, ColumnStorage])[];

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

/**
 * The index's int64 values (little-endian) as numbers, from two 32-bit halves each:
 * Float64Array.from(BigInt64Array, Number) took 0.5 s for the 70,000 areas of a 1532² galaxy.
 */
export function indexValues(bytes: Uint8Array, areas: number): Float64Array {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, 2 * areas * INDEX_FIELDS);
  const index = new Float64Array(areas * INDEX_FIELDS);
  for (let i = 0; i < index.length; i++) index[i] = words[2 * i] + (words[2 * i + 1] | 0) * 2 ** 32;
  return index;
}

export function entryOf(index: Float64Array, row: number): IndexEntry {
  const base = row * INDEX_FIELDS;
  return {
    areaId: index[base],
    pixelCount: index[base + 1],
    resultsVersion: index[base + 2],
    at: index.subarray(base + 3, base + INDEX_FIELDS),
  };
}

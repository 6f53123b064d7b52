// The layout of a galaxy archive: names, tiling, types and chunking. POGS format 1.04
// (docs/formats.md §9) as far as the portal's data holds it; README.md in this folder lists the
// differences. Pure: no I/O.
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";

/** `/galaxy` attribute `output_format`: POGS 1.04 as written by the portal (see README.md). */
export const OUTPUT_FORMAT = "1.04-portal";

/** POGS tiling: pixels are stored in blocks of at most 1024 × 1024. */
export const PIXELS_MAX_X_Y_BLOCK = 1024;

/**
 * Rows written at once: the y size of a chunk, and a divisor of 1024 so a band never crosses a
 * block. A band of one block holds 1024 × 128 × 16 × 7 float32 (59 MB), far below the one-block
 * budget (470 MB) and the 2 GiB wasm heap.
 */
export const BAND_ROWS = 128;

/**
 * gzip level. POGS used h5py's default (4); on the 1532² bench galaxy level 1 writes 31 % faster
 * for a file 3 % larger (13 s and 282 MB against 19 s and 273 MB), and readers do not care.
 */
export const GZIP_LEVEL = 1;

export type BlockGeometry = { bx: number; by: number; x0: number; y0: number; sizeX: number; sizeY: number };

/** Blocks per axis: (dim − 1) // 1024 + 1, the last one taking the remainder. */
export function blocksPerAxis(dim: number): number {
  return Math.floor((dim - 1) / PIXELS_MAX_X_Y_BLOCK) + 1;
}

export function pixelBlocks(width: number, height: number): BlockGeometry[] {
  const out: BlockGeometry[] = [];
  for (let by = 0; by < blocksPerAxis(height); by++)
    for (let bx = 0; bx < blocksPerAxis(width); bx++) {
      const x0 = bx * PIXELS_MAX_X_Y_BLOCK,
        y0 = by * PIXELS_MAX_X_Y_BLOCK;
      out.push({
        bx,
        by,
        x0,
        y0,
        sizeX: Math.min(PIXELS_MAX_X_Y_BLOCK, width - x0),
        sizeY: Math.min(PIXELS_MAX_X_Y_BLOCK, height - y0),
      });
    }
  return out;
}

/** The 1-based number of a block's histogram dataset `histogram_blocks/block_<n>`, row-major. */
export function histogramBlockNumber(b: { bx: number; by: number }, width: number): number {
  return b.by * blocksPerAxis(width) + b.bx + 1;
}

export const names = {
  pixels: (b: { bx: number; by: number }) => `pixels_${b.bx}_${b.by}`,
  pixelDetails: (b: { bx: number; by: number }) => `pixel_details_${b.bx}_${b.by}`,
  histogramGrid: (b: { bx: number; by: number }) => `pixel_histograms_grid_${b.bx}_${b.by}`,
  histogramBlock: (n: number) => `block_${n}`,
};

/** Chunk shapes, clipped to the dataset (HDF5 refuses chunks larger than a fixed dimension). */
export const chunks = {
  // One plane of one statistic over 128 × 128 pixels (64 KB): a map (all pixels of one parameter
  // and statistic, as the POGS data requests read) decompresses 1/112 of the data; one pixel's
  // 16 × 7 values touch 112 small chunks. Neighbouring values of one quantity also compress best.
  pixels: (sx: number, sy: number) => [Math.min(128, sx), Math.min(BAND_ROWS, sy), 1, 1],
  pixelDetails: (sx: number, sy: number) => [Math.min(128, sx), Math.min(BAND_ROWS, sy)],
  histogramGrid: (sx: number, sy: number) => [Math.min(64, sx), Math.min(64, sy), 16],
  histogramBlock: 32_768,
  table: (rows: number) => Math.max(1, Math.min(rows, 4096)),
};

export const dtypes = {
  /**
   * float32, not POGS's float64: the portal stores every statistic as float32 (MAGPHYS prints 3–4
   * significant digits), so float64 would double the file without adding a digit; float32 keeps
   * exactly the stored value and NaN.
   */
  pixels: "<f",
  // pxresult_id = the POGS pixel id of `pix<id>` in the .fit file; −1 where there is no result.
  pixelDetails: [
    ["pxresult_id", "<q"],
    ["area_id", "<q"],
    ["i_sfh", "<f"],
    ["i_ir", "<f"],
    ["chi2", "<f"],
    ["redshift", "<f"],
  ] as [string, string][],
  histogramGrid: [
    ["block_id", "<i"],
    ["index", "<q"],
    ["length", "<i"],
  ] as [string, string][],
  histogramBlock: [
    ["x_axis", "<f"],
    ["hist_value", "<f"],
  ] as [string, string][],
};

/** ASCII units of a parameter's stored values, naming the log: "log10(Msun)". */
export function parameterUnit(p: { log10: boolean; unit: string }): string {
  const ascii = p.unit
    .replace("M☉ yr⁻¹", "Msun/yr")
    .replace("M☉", "Msun")
    .replace("L☉", "Lsun")
    .replace("yr⁻¹", "yr-1");
  if (!p.log10) return ascii;
  return `log10(${ascii || "1"})`;
}

/** `/galaxy/pixel` attributes: the POGS ones (index of each DIM3 parameter and DIM4 statistic), plus names and units. */
export function pixelGroupAttributes(
  width: number,
  height: number,
): { name: string; value: number | string[]; dtype?: string }[] {
  return [
    { name: "PIXELS_MAX_X_Y_BLOCK", value: PIXELS_MAX_X_Y_BLOCK, dtype: "<q" },
    ...PARAMETERS.map((p) => ({ name: `PIXELS_DIM3_${p.hdf5Name}`, value: p.index, dtype: "<q" })),
    ...STATISTICS.map((s) => ({ name: `PIXELS_DIM4_${s.name}`, value: s.index, dtype: "<q" })),
    { name: "BLOCKS_X", value: blocksPerAxis(width), dtype: "<q" },
    { name: "BLOCKS_Y", value: blocksPerAxis(height), dtype: "<q" },
    { name: "DIM3_NAMES", value: PARAMETERS.map((p) => p.hdf5Name) },
    { name: "DIM3_UNITS", value: PARAMETERS.map(parameterUnit) },
    { name: "DIM4_NAMES", value: STATISTICS.map((s) => s.name) },
  ];
}

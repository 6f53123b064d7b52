// The layout of a galaxy archive (and of its subsets): names, tiling, types and chunking. POGS
// format 1.04 (docs/formats.md §9) as far as the portal's data holds it; README.md in this folder
// lists the differences. Pure: no I/O.
import type { PixelBox, PixelSelection } from "./pixel-selection";

/** `/galaxy` attribute `output_format`: POGS 1.04 as written by the portal (see README.md). */
export const OUTPUT_FORMAT = "1.04-portal";

/** POGS tiling: pixels are stored in blocks of at most 1024 × 1024. */
export const PIXELS_MAX_X_Y_BLOCK = 1024;

/**
 * Rows written at once: the y size of a chunk, and a divisor of 1024 so a tile never crosses a
 * block.
 */
export const BAND_ROWS = 64;

/**
 * Columns written at once: one chunk wide. A tile of TILE_COLUMNS × BAND_ROWS pixels holds at most
 * 128 × 64 × 16 × 7 float32 (3.7 MB): small enough that the tile being packed, the one being
 * compressed and the wasm heap's copy fit the 400 MB budget of the archiving process (README.md,
 * "Memory"), large enough that per-write costs do not show. (Tiles of 128 × 128 peaked ~20 MB
 * higher and were no faster.)
 */
export const TILE_COLUMNS = 128;

/**
 * gzip level. POGS used h5py's default (4); on the 1532² bench galaxy level 1 writes 31 % faster
 * for a file 3 % larger (13 s and 282 MB against 19 s and 273 MB), and readers do not care.
 */
export const GZIP_LEVEL = 1;

/** A block of the pixel arrays: its indices, and its origin (x0, y0) and size in the galaxy's image. */
export type BlockGeometry = { bx: number; by: number; x0: number; y0: number; sizeX: number; sizeY: number };

/** Blocks per axis: (dim − 1) // 1024 + 1, the last one taking the remainder. */
export function blocksPerAxis(dim: number): number {
  return Math.floor((dim - 1) / PIXELS_MAX_X_Y_BLOCK) + 1;
}

/**
 * The blocks of a box of the image, counted from the box's origin: the whole image gives the POGS
 * blocks; a subset is tiled the same way from its own corner (each block's `x_offset`/`y_offset`
 * says where it lies in the image).
 */
export function pixelBlocks(box: PixelBox): BlockGeometry[] {
  const width = box.x1 - box.x0,
    height = box.y1 - box.y0;
  const out: BlockGeometry[] = [];
  for (let by = 0; by < blocksPerAxis(height); by++)
    for (let bx = 0; bx < blocksPerAxis(width); bx++) {
      const dx = bx * PIXELS_MAX_X_Y_BLOCK,
        dy = by * PIXELS_MAX_X_Y_BLOCK;
      out.push({
        bx,
        by,
        x0: box.x0 + dx,
        y0: box.y0 + dy,
        sizeX: Math.min(PIXELS_MAX_X_Y_BLOCK, width - dx),
        sizeY: Math.min(PIXELS_MAX_X_Y_BLOCK, height - dy),
      });
    }
  return out;
}

/** The 1-based number of a block's histogram dataset `histogram_blocks/block_<n>`, row-major. */
export function histogramBlockNumber(b: { bx: number; by: number }, box: PixelBox): number {
  return b.by * blocksPerAxis(box.x1 - box.x0) + b.bx + 1;
}

export const names = {
  pixels: (b: { bx: number; by: number }) => `pixels_${b.bx}_${b.by}`,
  pixelDetails: (b: { bx: number; by: number }) => `pixel_details_${b.bx}_${b.by}`,
  histogramGrid: (b: { bx: number; by: number }) => `pixel_histograms_grid_${b.bx}_${b.by}`,
  histogramBlock: (n: number) => `block_${n}`,
};

/** Chunk shapes, clipped to the dataset (HDF5 refuses chunks larger than a fixed dimension). */
export const chunks = {
  // One plane of one statistic over 128 × 64 pixels (32 KB): a map (all pixels of one parameter
  // and statistic, as the POGS data requests read) decompresses 1/112 of the data; one pixel's
  // 16 × 7 values touch 112 small chunks. Neighbouring values of one quantity also compress best.
  pixels: (sx: number, sy: number) => [Math.min(128, sx), Math.min(BAND_ROWS, sy), 1, 1],
  pixelDetails: (sx: number, sy: number) => [Math.min(128, sx), Math.min(BAND_ROWS, sy)],
  histogramGrid: (sx: number, sy: number, parameters: number) => [Math.min(64, sx), Math.min(64, sy), parameters],
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

/**
 * `/galaxy/pixel` attributes: the POGS ones (where each DIM3 parameter and DIM4 statistic is along
 * the third and fourth axes; only those the file holds), plus names, units and the box.
 */
export function pixelGroupAttributes(s: PixelSelection): { name: string; value: number | string[]; dtype?: string }[] {
  const { box } = s;
  return [
    { name: "PIXELS_MAX_X_Y_BLOCK", value: PIXELS_MAX_X_Y_BLOCK, dtype: "<q" },
    ...s.parameters.map((p, k) => ({ name: `PIXELS_DIM3_${p.hdf5Name}`, value: k, dtype: "<q" })),
    ...s.statistics.map((t, k) => ({ name: `PIXELS_DIM4_${t.name}`, value: k, dtype: "<q" })),
    { name: "BLOCKS_X", value: blocksPerAxis(box.x1 - box.x0), dtype: "<q" },
    { name: "BLOCKS_Y", value: blocksPerAxis(box.y1 - box.y0), dtype: "<q" },
    { name: "DIM3_NAMES", value: s.parameters.map((p) => p.hdf5Name) },
    { name: "DIM3_UNITS", value: s.parameters.map(parameterUnit) },
    { name: "DIM4_NAMES", value: s.statistics.map((t) => t.name) },
    // The box of the image these arrays cover (the whole image in an archive)
    { name: "X_OFFSET", value: box.x0, dtype: "<q" },
    { name: "Y_OFFSET", value: box.y0, dtype: "<q" },
    { name: "SIZE_X", value: box.x1 - box.x0, dtype: "<q" },
    { name: "SIZE_Y", value: box.y1 - box.y0, dtype: "<q" },
  ];
}

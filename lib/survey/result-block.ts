// Packing of one area's MAGPHYS results into the arrays of a `pixel_result_block` row (see README,
// "Per-pixel results"). Little-endian float32 everywhere; NaN means "no value".
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { MAP_VALUES, PARAMETER_COUNT, STATISTIC_COUNT, type PixelStatistics } from "./parameters";

export const VALUES_PER_PIXEL = PARAMETER_COUNT * STATISTIC_COUNT; // 112
export const DISPLAY_VALUES = MAP_VALUES.length; // 4: mu, log10 M*, log10 Ldust, log10 SFR
export const BEST_FIT_VALUES = 4; // i_sfh, i_ir, chi2, redshift

export type PixelResult = {
  x: number;
  y: number;
  statistics: PixelStatistics;
  bestFitModel: { iSfh: number; iIr: number; chi2: number; redshift: number };
  /** per parameter: histogram bin centres and probabilities */
  histograms?: { x: number[]; p: number[] }[];
  /** the .fit's fluxes: per filter, observed flux and σ (σ = 0: no data) and the best-fit model's flux */
  fluxes?: PixelFluxes;
};

export type PixelFluxes = { filters: string[]; observed: number[]; sigma: number[]; model: number[] };

type Bytes = Uint8Array<ArrayBuffer>;
export type EncodedBlock = {
  pixelCount: number;
  xy: Bytes;
  stats: Bytes;
  display: Bytes;
  bestFit: Bytes;
  histograms: Bytes | null;
  /** the filter names of `fluxes`, comma-separated ("" when none) */
  fluxFilters: string;
  fluxes: Bytes | null;
};

export type DecodedBlock = {
  pixelCount: number;
  x: Uint16Array;
  y: Uint16Array;
  /** [pixel][parameter][statistic] flattened: index = (pixel·16 + parameter)·7 + statistic */
  stats: Float32Array;
  /** [pixel][4] flattened */
  display: Float32Array;
  bestFit: Float32Array;
};

/** A little-endian view of bytes as a typed array of `n` values (copying only when unaligned). */
export function typedView<T extends Float32Array | Uint16Array>(
  ctor: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number },
  bytes: Uint8Array,
  n = bytes.byteLength / ctor.BYTES_PER_ELEMENT,
): T {
  if (bytes.byteOffset % ctor.BYTES_PER_ELEMENT === 0)
    return new ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
  const copy = new Uint8Array(bytes);
  return new ctor(copy.buffer, 0, n);
}

function bytesOf(a: Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>): Bytes {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeBlock(pixels: PixelResult[]): EncodedBlock {
  const n = pixels.length;
  const xy = new Uint16Array(n * 2);
  const stats = new Float32Array(n * VALUES_PER_PIXEL);
  const display = new Float32Array(n * DISPLAY_VALUES);
  const bestFit = new Float32Array(n * BEST_FIT_VALUES);
  pixels.forEach((p, i) => {
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
    for (let k = 0; k < PARAMETER_COUNT; k++)
      for (let s = 0; s < STATISTIC_COUNT; s++)
        stats[(i * PARAMETER_COUNT + k) * STATISTIC_COUNT + s] = p.statistics[k][s];
    MAP_VALUES.forEach((m, j) => (display[i * DISPLAY_VALUES + j] = p.statistics[m.parameterId - 1][m.statistic]));
    const b = p.bestFitModel;
    bestFit.set([b.iSfh, b.iIr, b.chi2, b.redshift], i * BEST_FIT_VALUES);
  });
  return {
    pixelCount: n,
    xy: bytesOf(xy),
    stats: bytesOf(stats),
    display: bytesOf(display),
    bestFit: bytesOf(bestFit),
    histograms: encodeHistograms(pixels),
    ...encodeFluxes(pixels),
  };
}

export function decodeBlock(row: {
  pixelCount: number;
  xy: Uint8Array;
  stats: Uint8Array;
  display: Uint8Array;
  bestFit: Uint8Array;
}): DecodedBlock {
  const xy = typedView(Uint16Array, row.xy);
  const x = new Uint16Array(row.pixelCount);
  const y = new Uint16Array(row.pixelCount);
  for (let i = 0; i < row.pixelCount; i++) {
    x[i] = xy[2 * i];
    y[i] = xy[2 * i + 1];
  }
  return {
    pixelCount: row.pixelCount,
    x,
    y,
    stats: typedView(Float32Array, row.stats),
    display: typedView(Float32Array, row.display),
    bestFit: typedView(Float32Array, row.bestFit),
  };
}

/**
 * Histograms, deflated: for each pixel and parameter a uint16 bin count n, then n float32 bin
 * centres and n float32 probabilities. Kept for the HDF5 archive; maps never read them.
 */
function encodeHistograms(pixels: PixelResult[]): Bytes | null {
  if (!pixels.length || pixels.some((p) => !p.histograms)) return null;
  const parts: Uint8Array[] = [];
  for (const p of pixels)
    for (const h of p.histograms!) {
      const n = h.x.length;
      const buf = new ArrayBuffer(2 + 8 * n);
      const dv = new DataView(buf);
      dv.setUint16(0, n, true);
      for (let i = 0; i < n; i++) {
        dv.setFloat32(2 + 4 * i, h.x[i], true);
        dv.setFloat32(2 + 4 * (n + i), h.p[i], true);
      }
      parts.push(new Uint8Array(buf));
    }
  return new Uint8Array(deflateRawSync(Buffer.concat(parts)));
}

export function decodeHistograms(bytes: Uint8Array, pixelCount: number): { x: Float32Array; p: Float32Array }[][] {
  const raw = inflateRawSync(bytes);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let at = 0;
  const out: { x: Float32Array; p: Float32Array }[][] = [];
  for (let i = 0; i < pixelCount; i++) {
    const pixel: { x: Float32Array; p: Float32Array }[] = [];
    for (let k = 0; k < PARAMETER_COUNT; k++) {
      const n = dv.getUint16(at, true);
      const x = new Float32Array(n),
        p = new Float32Array(n);
      for (let j = 0; j < n; j++) {
        x[j] = dv.getFloat32(at + 2 + 4 * j, true);
        p[j] = dv.getFloat32(at + 2 + 4 * (n + j), true);
      }
      pixel.push({ x, p });
      at += 2 + 8 * n;
    }
    out.push(pixel);
  }
  return out;
}

/** Values a pixel's flux triple holds: observed flux, its σ, the best-fit model's flux. */
export const FLUX_VALUES = 3;

/**
 * Fluxes as float32 [pixel][filter][observed, σ, model] over the filters of all the pixels, in the
 * order first met (a work unit's pixels normally share one list); NaN where a pixel lacks a filter.
 * Null when no pixel brought fluxes (results stored before they were kept).
 */
function encodeFluxes(pixels: PixelResult[]): { fluxFilters: string; fluxes: Bytes | null } {
  if (!pixels.some((p) => p.fluxes)) return { fluxFilters: "", fluxes: null };
  const filters = [...new Set(pixels.flatMap((p) => p.fluxes?.filters ?? []))];
  const column = new Map(filters.map((f, j) => [f, j]));
  const out = new Float32Array(pixels.length * filters.length * FLUX_VALUES).fill(NaN);
  pixels.forEach((p, i) =>
    p.fluxes?.filters.forEach((f, k) => {
      const at = (i * filters.length + column.get(f)!) * FLUX_VALUES;
      out.set([p.fluxes!.observed[k], p.fluxes!.sigma[k], p.fluxes!.model[k]], at);
    }),
  );
  return { fluxFilters: filters.join(","), fluxes: bytesOf(out) };
}

/** The stored fluxes of a block: filter names and float32 [pixel][filter][3]; null when not kept. */
export function decodeFluxes(row: {
  pixelCount: number;
  fluxFilters: string;
  fluxes: Uint8Array | null;
}): { filters: string[]; values: Float32Array } | null {
  if (!row.fluxes || !row.fluxFilters) return null;
  const filters = row.fluxFilters.split(",");
  const values = typedView(Float32Array, row.fluxes);
  if (values.length !== row.pixelCount * filters.length * FLUX_VALUES) return null;
  return { filters, values };
}

/** The statistics of pixel i of a decoded block: [parameter][statistic]. */
export function pixelStatisticsAt(block: DecodedBlock, i: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < PARAMETER_COUNT; k++) {
    const base = (i * PARAMETER_COUNT + k) * STATISTIC_COUNT;
    out.push(Array.from(block.stats.subarray(base, base + STATISTIC_COUNT)));
  }
  return out;
}

/**
 * Dequantisation of tile-compressed floating-point images (FITS 4.0 §10.2, Pence et al. 2010).
 * Floats are stored as integers I with value = (I − r + 0.5) × ZSCALE + ZZERO, where r is a
 * reproducible pseudo-random number in [0, 1) (subtractive dithering) or 0.5 (NO_DITHER).
 */

const N_RANDOM = 10000;
/** The integer SUBTRACTIVE_DITHER_2 stores for an exact 0.0 (cfitsio's ZERO_VALUE). */
export const ZERO_VALUE = -2147483646;

let randoms: Float32Array | undefined;

/**
 * The standard's table: Park & Miller's minimal-standard generator, seed 1, 10 000 values, kept
 * as float32 like cfitsio's `float *fits_rand_value` — with doubles, 1 pixel in 3 comes out one
 * float32 step away from what every other reader decodes.
 */
function randomTable(): Float32Array {
  if (randoms) return randoms;
  const a = 16807;
  const m = 2147483647;
  let seed = 1;
  const table = new Float32Array(N_RANDOM);
  for (let i = 0; i < N_RANDOM; i++) {
    const temp = a * seed; // < 2^46, exact in a double
    seed = temp - m * Math.floor(temp / m);
    table[i] = seed / m;
  }
  // The standard gives this final seed as the check that the generator is right.
  if (seed !== 1043618065) throw new Error("dither random table is wrong");
  randoms = table;
  return table;
}

export type Quantize = "NO_DITHER" | "SUBTRACTIVE_DITHER_1" | "SUBTRACTIVE_DITHER_2";

export interface DequantizeParams {
  method: Quantize;
  scale: number;
  zero: number;
  /** ZDITHER0, 1…10000. */
  seed: number;
  /** 1-based tile number (the table row). */
  tile: number;
  /** Stored integer that means "undefined" (ZBLANK), if any. */
  blank?: number;
}

/** Converts one tile's stored integers to floats, in place of `out` (same length as `input`). */
export function dequantize(input: ArrayLike<number>, p: DequantizeParams, out: Float32Array | Float64Array): void {
  const n = input.length;
  if (p.method === "NO_DITHER") {
    for (let i = 0; i < n; i++) out[i] = input[i] === p.blank ? NaN : input[i] * p.scale + p.zero;
    return;
  }
  const table = randomTable();
  let iseed = (p.tile - 1 + p.seed - 1) % N_RANDOM;
  let next = Math.floor(table[iseed] * 500);
  for (let i = 0; i < n; i++) {
    const v = input[i];
    if (v === p.blank) out[i] = NaN;
    else if (p.method === "SUBTRACTIVE_DITHER_2" && v === ZERO_VALUE) out[i] = 0;
    else out[i] = (v - table[next] + 0.5) * p.scale + p.zero;
    // The random sequence advances for every pixel, blank or not, as the writer's did.
    next++;
    if (next === N_RANDOM) {
      iseed = (iseed + 1) % N_RANDOM;
      next = Math.floor(table[iseed] * 500);
    }
  }
}

/**
 * Rice decompression of one tile, as in the tiled-image convention (Pence, White & Seaman 2010,
 * FITS 4.0 §10.4.1) and cfitsio's ricecomp.c, which wrote nearly every RICE_1 file in existence.
 *
 * Stream layout: the first pixel as a big-endian integer of `bytePix` bytes, then blocks of
 * `blockSize` pixel differences. Each block starts with an `fsBits`-bit code k+1:
 *   0          → every difference in the block is 0;
 *   fsMax + 1  → differences stored verbatim, `8 × bytePix` bits each;
 *   otherwise  → each difference as a unary count of leading zeros q, a 1 bit, then k low bits.
 * Differences are zig-zag mapped (0, −1, 1, −2 … → 0, 1, 2, 3 …), and pixels wrap modulo 2^(8·bytePix).
 */

const PARAMS: Record<number, { fsBits: number; fsMax: number }> = {
  1: { fsBits: 3, fsMax: 6 },
  2: { fsBits: 4, fsMax: 14 },
  4: { fsBits: 5, fsMax: 25 },
};

export type RiceOutput = Uint8Array | Int16Array | Int32Array;

export function riceDecode(input: Uint8Array, pixels: number, blockSize: number, bytePix: number): RiceOutput {
  const params = PARAMS[bytePix];
  if (!params) throw new Error(`RICE_1 with BYTEPIX = ${bytePix} is not defined`);
  const { fsBits, fsMax } = params;
  const bBits = 8 * bytePix;
  const out: RiceOutput =
    bytePix === 1 ? new Uint8Array(pixels) : bytePix === 2 ? new Int16Array(pixels) : new Int32Array(pixels);

  let pos = 0;
  const next = (): number => {
    if (pos >= input.length) throw new Error("RICE_1 stream ends early");
    return input[pos++];
  };
  let last = 0;
  for (let k = 0; k < bytePix; k++) last = (last << 8) | next();
  out[0] = last; // the typed array wraps it to the pixel width
  last = out[0];

  // `bits` holds the unread low `nbits` bits of the current byte(s); always < 2^(nbits) after use.
  let bits = next();
  let nbits = 8;
  for (let i = 0; i < pixels;) {
    nbits -= fsBits;
    while (nbits < 0) {
      bits = ((bits << 8) | next()) >>> 0;
      nbits += 8;
    }
    const fs = (bits >>> nbits) - 1;
    bits &= (1 << nbits) - 1;
    const end = Math.min(i + blockSize, pixels);

    if (fs < 0) {
      for (; i < end; i++) out[i] = last;
    } else if (fs === fsMax) {
      for (; i < end; i++) {
        // Verbatim: bBits bits, of which nbits are already in `bits`. Arithmetic instead of
        // shifts, because JS shifts are modulo 32 and a 32-bit value does not fit a signed int.
        let k = bBits - nbits;
        let diff = bits * 2 ** k;
        for (k -= 8; k >= 0; k -= 8) diff += next() * 2 ** k;
        if (nbits > 0) {
          const b = next();
          diff += b >>> -k;
          bits = b & ((1 << nbits) - 1);
        } else {
          bits = 0;
        }
        last = store(out, i, unzigzag(diff), last);
      }
    } else {
      for (; i < end; i++) {
        while (bits === 0) {
          nbits += 8;
          bits = next();
        }
        const nzero = nbits - bitLength(bits);
        nbits -= nzero + 1;
        bits ^= 1 << nbits; // drop the terminating 1 bit
        nbits -= fs;
        while (nbits < 0) {
          bits = ((bits << 8) | next()) >>> 0;
          nbits += 8;
        }
        const diff = nzero * 2 ** fs + (bits >>> nbits);
        bits &= (1 << nbits) - 1;
        last = store(out, i, unzigzag(diff), last);
      }
    }
  }
  return out;
}

/** Zig-zag inverse: even → diff/2, odd → −(diff+1)/2. `diff` may exceed 2^31, so no `>>`. */
function unzigzag(diff: number): number {
  const half = Math.floor(diff / 2);
  return diff % 2 === 0 ? half : -half - 1;
}

function store(out: RiceOutput, i: number, diff: number, last: number): number {
  // The sum may leave the pixel range; typed-array stores wrap modulo 2^bits (ToInt32 and
  // friends), exactly as cfitsio's unsigned arithmetic does.
  out[i] = diff + last;
  return out[i];
}

function bitLength(b: number): number {
  return 32 - Math.clz32(b);
}

/**
 * The FITS checksum convention (Seaman, Pence & Rots 2012, arXiv:1201.1345; FITS 4.0 App. J):
 * DATASUM is the 32-bit ones'-complement sum of the data as big-endian words; CHECKSUM is a
 * 16-character ASCII encoding chosen so that the whole HDU sums to −0 (all ones). It detects
 * corruption, not tampering.
 */

/** Folds 16-bit carries back in (end-around carry) until both halves fit in 16 bits. */
function fold(hi: number, lo: number): number {
  while (hi > 0xffff || lo > 0xffff) {
    const hiCarry = Math.floor(hi / 0x10000);
    const loCarry = Math.floor(lo / 0x10000);
    hi = (hi % 0x10000) + loCarry;
    lo = (lo % 0x10000) + hiCarry;
  }
  return hi * 0x10000 + lo;
}

/**
 * Adds the big-endian 32-bit words of `bytes` (length a multiple of 4) to a running sum.
 * Summing high and low halves separately, as the paper's reference code does, keeps everything in
 * exact integer doubles: 2^37 words (512 GiB) before the halves could lose precision.
 */
export function checksumAdd(sum: number, bytes: Uint8Array): number {
  if (bytes.length % 4 !== 0) throw new Error("checksum needs whole 32-bit words");
  let hi = Math.floor(sum / 0x10000);
  let lo = sum % 0x10000;
  for (let i = 0; i < bytes.length; i += 4) {
    hi += (bytes[i] << 8) | bytes[i + 1];
    lo += (bytes[i + 2] << 8) | bytes[i + 3];
  }
  return fold(hi, lo);
}

/** Ones'-complement sum of two sums (e.g. header sum + DATASUM). */
export function checksumCombine(a: number, b: number): number {
  return fold(Math.floor(a / 0x10000) + Math.floor(b / 0x10000), (a % 0x10000) + (b % 0x10000));
}

// ASCII punctuation the encoding must avoid, so that the value reads as letters and digits.
const EXCLUDE = new Set([0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60]);

/**
 * Encodes a 32-bit sum as 16 characters whose own words add up to that sum relative to
 * '0000000000000000' (the paper's char_encode). CHECKSUM uses the complement of the HDU sum.
 */
export function encodeChecksum(sum: number, complement = true): string {
  const value = complement ? ~sum >>> 0 : sum >>> 0;
  const asc = new Array<number>(16);
  for (let i = 0; i < 4; i++) {
    const byte = (value >>> (24 - 8 * i)) & 0xff;
    const quotient = Math.floor(byte / 4) + 0x30;
    const ch = [quotient + (byte % 4), quotient, quotient, quotient];
    for (let changed = true; changed;) {
      changed = false;
      for (let j = 0; j < 4; j += 2) {
        if (EXCLUDE.has(ch[j]) || EXCLUDE.has(ch[j + 1])) {
          ch[j]++;
          ch[j + 1]--;
          changed = true;
        }
      }
    }
    for (let j = 0; j < 4; j++) asc[4 * j + i] = ch[j];
  }
  // Rotate one place right: FITS cards start the value at an odd byte (column 12).
  return Array.from({ length: 16 }, (_, i) => String.fromCharCode(asc[(i + 15) % 16])).join("");
}

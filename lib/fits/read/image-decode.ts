import type { FitsHeader } from "@/lib/fits/header/fits-header";

export type PixelArray = Float32Array | Float64Array;
export type PixelType = "float32" | "float64";

/** Physical value = BZERO + BSCALE × stored value; BLANK marks missing integer pixels. */
export interface Scaling {
  bscale: number;
  bzero: number;
  /** Only for integer BITPIX: the standard forbids BLANK for floats, whose blanks are NaN. */
  blank?: bigint;
}

export function scalingFromHeader(header: FitsHeader, bitpix: number): Scaling {
  const blankCard = header.getCard("BLANK");
  const blank = bitpix > 0 && blankCard?.kind === "int" ? BigInt(blankCard.value as number) : undefined;
  return { bscale: header.getNumber("BSCALE") ?? 1, bzero: header.getNumber("BZERO") ?? 0, blank };
}

/**
 * Float32 where it holds every value exactly (8- and 16-bit integers, float32), as astropy does;
 * float64 for 32/64-bit integers and doubles, so nothing is rounded on the way in.
 */
export function defaultPixelType(bitpix: number): PixelType {
  return bitpix === 8 || bitpix === 16 || bitpix === -32 ? "float32" : "float64";
}

export function allocatePixels(type: PixelType, length: number): PixelArray {
  return type === "float32" ? new Float32Array(length) : new Float64Array(length);
}

/** Applies scaling and BLANK to one stored integer; BLANK is compared before scaling, as defined. */
export function scaler(scaling: Scaling): (raw: number) => number {
  const { bscale, bzero } = scaling;
  const blank = scaling.blank === undefined ? undefined : Number(scaling.blank);
  const identity = bscale === 1 && bzero === 0;
  if (blank === undefined) return identity ? (raw) => raw : (raw) => bzero + bscale * raw;
  return identity ? (raw) => (raw === blank ? NaN : raw) : (raw) => (raw === blank ? NaN : bzero + bscale * raw);
}

/**
 * Decodes `count` big-endian pixels starting at `byteOffset` into `out` (FITS order: the first
 * value in the file is out[0], the bottom-left pixel). NaN in float data passes through.
 */
export function decodePixels(
  bytes: Uint8Array,
  byteOffset: number,
  count: number,
  bitpix: number,
  scaling: Scaling,
  out: PixelArray,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, count * (Math.abs(bitpix) / 8));
  const scale = scaler(scaling);
  switch (bitpix) {
    case 8:
      for (let i = 0; i < count; i++) out[i] = scale(view.getUint8(i));
      return;
    case 16:
      for (let i = 0; i < count; i++) out[i] = scale(view.getInt16(2 * i));
      return;
    case 32:
      for (let i = 0; i < count; i++) out[i] = scale(view.getInt32(4 * i));
      return;
    case 64: {
      // Compare BLANK as a 64-bit integer: near ±2^63 distinct values share one double.
      const { bscale, bzero, blank } = scaling;
      for (let i = 0; i < count; i++) {
        const raw = view.getBigInt64(8 * i);
        out[i] = raw === blank ? NaN : bzero + bscale * Number(raw);
      }
      return;
    }
    case -32:
    case -64: {
      // Floats: BSCALE/BZERO apply if present (rare); BLANK never does.
      const { bscale, bzero } = scaling;
      const identity = bscale === 1 && bzero === 0;
      for (let i = 0; i < count; i++) {
        const v = bitpix === -32 ? view.getFloat32(4 * i) : view.getFloat64(8 * i);
        out[i] = identity ? v : bzero + bscale * v;
      }
      return;
    }
    default:
      throw new Error(`unsupported BITPIX ${bitpix}`);
  }
}

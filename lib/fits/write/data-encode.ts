/** Typed arrays the writer accepts, and the BITPIX each is written as by default. */
export type ImageArray = Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array;

export function naturalBitpix(data: ImageArray): number {
  if (data instanceof Float32Array) return -32;
  if (data instanceof Float64Array) return -64;
  if (data instanceof Int16Array) return 16;
  if (data instanceof Int32Array) return 32;
  return 8;
}

/**
 * Writes `count` values of `data` from `start` as big-endian `bitpix` into `target` at
 * `targetOffset`. Float targets convert any array (float64 → float32 rounds, as intended by the
 * caller choosing BITPIX −32); integer targets only ever receive their own array type.
 */
export function encodeBigEndian(
  data: ImageArray,
  bitpix: number,
  start: number,
  count: number,
  target: Uint8Array,
  targetOffset: number,
): void {
  const view = new DataView(target.buffer, target.byteOffset + targetOffset, count * (Math.abs(bitpix) / 8));
  const end = start + count;
  switch (bitpix) {
    case -32:
      for (let i = start, o = 0; i < end; i++, o += 4) view.setFloat32(o, data[i]);
      return;
    case -64:
      for (let i = start, o = 0; i < end; i++, o += 8) view.setFloat64(o, data[i]);
      return;
    case 32:
      for (let i = start, o = 0; i < end; i++, o += 4) view.setInt32(o, data[i]);
      return;
    case 16:
      for (let i = start, o = 0; i < end; i++, o += 2) view.setInt16(o, data[i]);
      return;
    case 8:
      target.set(data.subarray(start, end) as Uint8Array, targetOffset);
      return;
    default:
      throw new Error(`cannot write BITPIX ${bitpix}`);
  }
}

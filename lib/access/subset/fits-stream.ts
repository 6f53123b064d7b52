/**
 * One FITS HDU as byte chunks, for files written an HDU at a time (a subset's extensions are
 * filled one group of parameters after another, so never all in memory). Built from lib/fits's
 * own pieces (planHdu, headerBytes, the checksum convention), as `fitsChunks` does for a whole
 * file; float32 data, the only kind subsets hold, is byte-swapped natively instead of value by value.
 */
import { checksumAdd, checksumCombine, encodeChecksum } from "@/lib/fits/write/checksum";
import { encodeBigEndian } from "@/lib/fits/write/data-encode";
import { headerBytes, planHdu, type HduInput } from "@/lib/fits/write/hdu-header";

function bigEndianData(input: HduInput, bitpix: number, bytes: number): Uint8Array {
  const data = input.data;
  if (!data) return new Uint8Array(0);
  if (data instanceof Float32Array && bitpix === -32) {
    const copy = Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return copy.swap32();
  }
  const out = new Uint8Array(bytes);
  encodeBigEndian(data, bitpix, 0, data.length, out, 0);
  return out;
}

/** Header, data and padding of HDU `index` (0 = primary), with CHECKSUM and DATASUM. */
export function* hduChunks(input: HduInput, index: number, stamp: string, file = "<subset>"): Generator<Uint8Array> {
  const plan = planHdu(input, index, file);
  const data = bigEndianData(input, plan.bitpix, plan.dataBytes);
  const padding = plan.paddedDataBytes - plan.dataBytes;
  const whole =
    data.length % 4 === 0 ? data : Uint8Array.from({ length: Math.ceil(data.length / 4) * 4 }, (_, i) => data[i] ?? 0);
  const datasum = checksumAdd(0, whole);
  const draft = headerBytes(plan, datasum, "0000000000000000", stamp);
  const checksum = encodeChecksum(checksumCombine(checksumAdd(0, draft), datasum));
  yield headerBytes(plan, datasum, checksum, stamp);
  if (data.length) yield data;
  if (padding > 0) yield new Uint8Array(padding);
}

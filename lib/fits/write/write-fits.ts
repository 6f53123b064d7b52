import { FitsError } from "@/lib/fits/errors";
import { checksumAdd, checksumCombine, encodeChecksum } from "./checksum";
import { encodeBigEndian } from "./data-encode";
import { type HduInput, type HduPlan, headerBytes, planHdu } from "./hdu-header";

/** Data is encoded in pieces of this size, so memory use does not grow with the image. */
const CHUNK_BYTES = 1 << 20; // a multiple of 8 (element size) and 4 (checksum words)

function plan(hdus: readonly HduInput[], file: string): HduPlan[] {
  if (hdus.length === 0) throw new FitsError(file, "nothing to write (no HDUs)");
  return hdus.map((h, i) => planHdu(h, i, file));
}

/** Total file size in bytes, known before anything is encoded. */
export function fitsSize(hdus: readonly HduInput[]): number {
  return plan(hdus, "<fits>").reduce((n, p) => n + p.headerBytes + p.paddedDataBytes, 0);
}

/** The data of one HDU as big-endian chunks (padding excluded). */
function* dataChunks(p: HduPlan): Generator<Uint8Array> {
  if (!p.data) return;
  const width = Math.abs(p.bitpix) / 8;
  const perChunk = CHUNK_BYTES / width;
  for (let start = 0; start < p.data.length; start += perChunk) {
    const count = Math.min(perChunk, p.data.length - start);
    const chunk = new Uint8Array(count * width);
    encodeBigEndian(p.data, p.bitpix, start, count, chunk, 0);
    yield chunk;
  }
}

function datasumOf(p: HduPlan): number {
  let sum = 0;
  for (const chunk of dataChunks(p)) {
    // The last chunk may end mid-word; zero padding completes the word, as in the file.
    const whole = chunk.length % 4 === 0 ? chunk : padTo4(chunk);
    sum = checksumAdd(sum, whole);
  }
  return sum;
}

function padTo4(chunk: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(chunk.length / 4) * 4);
  out.set(chunk);
  return out;
}

/** The finished header of one HDU: DATASUM from the data, CHECKSUM making the HDU sum to −0. */
function finishedHeader(p: HduPlan, datasum: number, stamp: string): Uint8Array {
  const draft = headerBytes(p, datasum, "0000000000000000", stamp);
  const total = checksumCombine(checksumAdd(0, draft), datasum);
  return headerBytes(p, datasum, encodeChecksum(total), stamp);
}

/**
 * A FITS file as a sequence of byte chunks: header, data pieces, padding, per HDU. Streaming
 * friendly: a header needs its DATASUM first, so each HDU's data is encoded twice (once to sum,
 * once to emit) instead of being held whole. Every chunk is a fresh array, safe to enqueue.
 */
export function* fitsChunks(hdus: readonly HduInput[], file = "<fits>"): Generator<Uint8Array> {
  const plans = plan(hdus, file);
  const stamp = new Date().toISOString().slice(0, 19);
  for (const p of plans) {
    yield finishedHeader(p, datasumOf(p), stamp);
    yield* dataChunks(p);
    const padding = p.paddedDataBytes - p.dataBytes;
    if (padding > 0) yield new Uint8Array(padding);
  }
}

/**
 * Writes HDUs to a Buffer: a primary HDU (often header-only with the global keywords) followed by
 * IMAGE extensions, each with CHECKSUM and DATASUM.
 */
export function writeFits(hdus: readonly HduInput[]): Buffer {
  const out = Buffer.alloc(fitsSize(hdus));
  let at = 0;
  for (const chunk of fitsChunks(hdus)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

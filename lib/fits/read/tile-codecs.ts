import { gunzipSync } from "node:zlib";
import { type Column, elementWidth, readDescriptor } from "./bintable";
import { riceDecode } from "./rice";

/** Where a compressed HDU's table rows and heap are. */
export interface TileSource {
  bytes: Uint8Array;
  view: DataView;
  rowStart: (row: number) => number;
  heap: number;
}

/** A tile's stored values: integers (to scale or dequantise) or, for lossless floats, final values. */
export interface DecodedTile {
  values: ArrayLike<number>;
  float: boolean;
}

/**
 * Undoes one tile's compression. Tiles the writer could not compress (floats it could not
 * quantise, say) sit in GZIP_COMPRESSED_DATA or UNCOMPRESSED_DATA instead (FITS 4.0 §10.1).
 */
export function decodeTile(
  src: TileSource,
  rowStart: number,
  columns: Column[],
  data: Column,
  cmp: string,
  pixels: number,
  params: Map<string, number>,
  bitpix: number,
  quantized: boolean,
): DecodedTile {
  const heapBytes = (c: Column): Uint8Array => {
    const d = readDescriptor(src.view, rowStart, c);
    const start = src.heap + d.offset;
    const length = d.count * elementWidth(c.elementType);
    if (start + length > src.bytes.length) throw new Error("heap data beyond the end of the file");
    return src.bytes.subarray(start, start + length);
  };
  const compressed = heapBytes(data);
  if (compressed.length > 0) {
    if (cmp === "RICE_1" || cmp === "RICE_ONE") {
      const values = riceDecode(compressed, pixels, params.get("BLOCKSIZE") ?? 32, params.get("BYTEPIX") ?? 4);
      return { values, float: false };
    }
    const raw = cmp === "NOCOMPRESS" ? compressed : gunzipSync(compressed);
    const width = raw.length / pixels;
    return bigEndian(cmp === "GZIP_2" ? unshuffle(raw, width) : raw, width, !quantized && bitpix < 0);
  }
  const gz = columns.find((c) => c.name === "GZIP_COMPRESSED_DATA");
  if (gz && heapBytes(gz).length > 0) {
    const raw = gunzipSync(heapBytes(gz));
    return bigEndian(raw, raw.length / pixels, bitpix < 0);
  }
  const plain = columns.find((c) => c.name === "UNCOMPRESSED_DATA");
  if (plain && heapBytes(plain).length > 0) {
    const raw = heapBytes(plain);
    return bigEndian(raw, raw.length / pixels, plain.elementType === "E" || plain.elementType === "D");
  }
  throw new Error("tile has no data");
}

/** GZIP_2 stores the most significant bytes of all pixels first, then the next bytes, and so on. */
function unshuffle(raw: Uint8Array, width: number): Uint8Array {
  const n = raw.length / width;
  const out = new Uint8Array(raw.length);
  for (let b = 0; b < width; b++) for (let i = 0; i < n; i++) out[i * width + b] = raw[b * n + i];
  return out;
}

function bigEndian(raw: Uint8Array, width: number, float: boolean): DecodedTile {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = raw.length / width;
  if (!Number.isInteger(n)) throw new Error(`tile size ${raw.length} B is not a whole number of pixels`);
  const out = float ? (width === 4 ? new Float32Array(n) : new Float64Array(n)) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (float) out[i] = width === 4 ? view.getFloat32(4 * i) : view.getFloat64(8 * i);
    else if (width === 1) out[i] = view.getUint8(i);
    else if (width === 2) out[i] = view.getInt16(2 * i);
    else if (width === 4) out[i] = view.getInt32(4 * i);
    else out[i] = Number(view.getBigInt64(8 * i));
  }
  return { values: out, float };
}

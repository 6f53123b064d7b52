import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { FitsError } from "@/lib/fits/errors";
import { type HduInfo, type HduKind, scanHdus } from "./hdu-layout";

/** A FITS file held in memory, with the layout of its HDUs; pixels are decoded on demand. */
export interface FitsFile {
  /** File name used in error messages. */
  name: string;
  /** The (decompressed) bytes. */
  bytes: Uint8Array;
  hdus: HduInfo[];
  /** Bytes after the last HDU that were ignored. */
  trailingBytes: number;
  /** Whether the file was gzip-compressed as a whole. */
  gzipped: boolean;
}

/** What a listing shows: plain data, safe to log or send as JSON. */
export interface HduSummary {
  index: number;
  kind: HduKind;
  extname?: string;
  bitpix: number;
  axes: number[];
  compression?: string;
}

/**
 * Parses FITS bytes. Gzip is recognised by its magic number (1f 8b), not by the name: archives
 * (IRSA, SkyView) serve gzip under ".fits" and plain FITS under ".fits.gz".
 */
export function parseFits(bytes: Uint8Array, name = "<buffer>"): FitsFile {
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  let data = bytes;
  if (gzipped) {
    try {
      data = gunzipSync(bytes);
    } catch (e) {
      throw new FitsError(name, `gzip data is corrupt or truncated (${(e as Error).message})`, undefined, { cause: e });
    }
  }
  const { hdus, trailingBytes } = scanHdus(data, name);
  return { name, bytes: data, hdus, trailingBytes, gzipped };
}

/** Reads a FITS file (path) or bytes. The whole file is held in memory. */
export async function readFits(source: string | Uint8Array, name?: string): Promise<FitsFile> {
  if (typeof source !== "string") return parseFits(source, name);
  return parseFits(await readFile(source), name ?? basename(source));
}

export function listHdus(file: FitsFile): HduSummary[] {
  return file.hdus.map(({ index, kind, extname, bitpix, axes, compression }) => ({
    index,
    kind,
    extname,
    bitpix,
    axes: [...axes],
    compression,
  }));
}

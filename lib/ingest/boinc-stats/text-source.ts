/**
 * Opens an export file (path, byte stream or bytes) as a stream of UTF-8 text chunks, through
 * gunzip for the .gz files. Chunks are pulled one at a time, so a 1M-user file never sits in
 * memory, and stopping early (a consumer's `break`) closes the file.
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { StatsExportError } from "./export-error";

export type ExportSource = string | Readable | Uint8Array;

export interface TextSourceOptions {
  gzip: boolean;
  fileName?: string;
}

export function sourceName(source: ExportSource, fileName?: string): string | undefined {
  return fileName ?? (typeof source === "string" ? basename(source) : undefined);
}

export async function* textChunks(source: ExportSource, options: TextSourceOptions): AsyncGenerator<string> {
  const input =
    typeof source === "string"
      ? createReadStream(source)
      : source instanceof Uint8Array
        ? Readable.from([source])
        : source;
  let inputError: unknown;
  let stream: Readable = input;
  if (options.gzip) {
    const gunzip = createGunzip();
    // `pipe` does not forward errors: a failing file must end the gunzip stream with its error.
    input.on("error", (error: Error) => {
      inputError = error;
      gunzip.destroy(error);
    });
    stream = input.pipe(gunzip);
  }
  const decoder = new StringDecoder("utf8");
  let first = true;
  try {
    for await (const chunk of stream) {
      let text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (error) {
    throw describeFailure(error, options.gzip && error !== inputError, sourceName(source, options.fileName));
  } finally {
    stream.destroy();
    input.destroy();
  }
}

function describeFailure(error: unknown, inGzip: boolean, fileName: string | undefined): StatsExportError {
  const message = error instanceof Error ? error.message : String(error);
  if (!inGzip) return new StatsExportError("io", `cannot read the file: ${message}`, undefined, fileName, error);
  const reason = /header check/.test(message)
    ? "not a gzip file (incorrect header check)"
    : /unexpected end/.test(message)
      ? "the gzip data ends early (truncated download?)"
      : `corrupt gzip data: ${message}`;
  return new StatsExportError("gzip", reason, undefined, fileName, error);
}

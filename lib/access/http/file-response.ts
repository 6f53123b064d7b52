/**
 * A file as an HTTP answer the way download tools expect (RFC 9110): `Accept-Ranges`, a single
 * `Range` answered with 206 and exactly the bytes asked (416 when it cannot be), `If-Range`, a
 * strong ETag from the file's sha256 with 304 for `If-None-Match`, `Content-Disposition` with the
 * file's name, HEAD without a body. Streamed from disk, never read whole.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

export interface ServedFile {
  absolutePath: string;
  size: number;
  sha256: string;
  modified: Date;
  contentType: string;
  downloadName: string;
}

function etagOf(file: ServedFile): string {
  return `"${file.sha256.slice(0, 32)}"`;
}

function matches(header: string | null, etag: string): boolean {
  return !!header && (header.trim() === "*" || header.split(",").some((t) => t.trim() === etag));
}

/** The one byte range of a `Range: bytes=…` header, "unsatisfiable", or null to send everything. */
function rangeOf(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const m = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null; // absent, several ranges or another unit: the whole file
  if (m[1] === "") {
    const suffix = Number(m[2]);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(size - 1, Number(m[2]));
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(request: Request, file: ServedFile): Response {
  const etag = etagOf(file);
  const headers: Record<string, string> = {
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Last-Modified": file.modified.toUTCString(),
    "Cache-Control": "no-cache",
    "Content-Type": file.contentType,
    "Content-Disposition": disposition(file.downloadName),
  };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get("if-range");
  const range = !ifRange || ifRange.trim() === etag ? rangeOf(request.headers.get("range"), file.size) : null;
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${file.size}` } });
  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  const length = Math.max(0, end - start + 1);
  const status = range ? 206 : 200;
  const out = {
    ...headers,
    "Content-Length": String(length),
    ...(range ? { "Content-Range": `bytes ${start}-${end}/${file.size}` } : {}),
  };
  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers: out });
  const stream = Readable.toWeb(createReadStream(file.absolutePath, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers: out });
}

/**
 * A cached page: Next's answer with its nonce cut out. Next writes the request's CSP nonce on
 * every script it puts in the page (proxy.ts); each answer from the cache gets a fresh nonce
 * put back in those places and a CSP naming it, so a cached page keeps a per-answer nonce.
 */
import type http from "node:http";
import type { CapturedResponse } from "./response-capture";

export interface PageEntry {
  /** 200, or 404 for an id that names nothing (yet): asked again and again, it renders once. */
  status: number;
  headers: [string, string | number | string[]][];
  /** The body split at every occurrence of the nonce it was rendered with. */
  parts: Buffer[];
  bytes: number;
  /** The versions of the page's tags when its rendering began, then of the others (lib/cache/page-cache.ts). */
  tagVersions: string[];
}

// Headers that belong to one answer (or that the cache writes itself), never stored.
const PER_ANSWER = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
  "content-security-policy",
  "x-pogs-page-cache",
]);

const nonceOf = (csp: unknown): string | null => /'nonce-([^']+)'/.exec(String(csp ?? ""))?.[1] ?? null;

/** The entry for a captured answer, or null when it is not one to keep for everyone. */
export function pageEntryOf(captured: CapturedResponse, tagVersions: string[]): PageEntry | null {
  const { status, headers, body } = captured;
  if ((status !== 200 && status !== 404) || body.length === 0) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  // Anything that sets a cookie or is compressed was meant for one visitor or cannot be cut.
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const nonce = nonceOf(headers["content-security-policy"]);
  if (!nonce) return null;
  const parts = splitAt(body, Buffer.from(nonce, "utf8"));
  const kept = Object.entries(headers).filter(([name, value]) => value !== undefined && !PER_ANSWER.has(name)) as [
    string,
    string | number | string[],
  ][];
  return { status, headers: kept, parts, bytes: body.length + 1024, tagVersions };
}

function splitAt(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, from)) {
    parts.push(body.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

export function bodyWithNonce(entry: PageEntry, nonce: string): Buffer {
  const separator = Buffer.from(nonce, "utf8");
  const pieces: Buffer[] = [];
  entry.parts.forEach((part, i) => {
    if (i > 0) pieces.push(separator);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

export function writeEntryHeaders(res: http.ServerResponse, entry: PageEntry): void {
  res.statusCode = entry.status;
  for (const [name, value] of entry.headers) res.setHeader(name, value);
}

/**
 * A cached page: Next's answer with its nonce cut out. Next writes the request's CSP nonce on
 * every script it puts in the page (proxy.ts); each answer from the cache gets a fresh nonce
 * put back in those places and a CSP naming it, so a cached page keeps a per-answer nonce.
 * An API answer (JSON, CSV, VOTable) has no nonce: it is kept whole, with its own CSP.
 */
import type http from "node:http";
import type { RenderedResponse } from "./detached-render";

export interface PageEntry {
  /** 200, or 404 for an id that names nothing (yet): asked again and again, it renders once. */
  status: number;
  headers: [string, string | number | string[]][];
  /** The body split at every occurrence of the nonce it was rendered with (one part: no nonce). */
  parts: Buffer[];
  /** Whether each answer needs a fresh nonce (a page) or is the same bytes every time (the API). */
  nonced: boolean;
  bytes: number;
  /** The versions of the page's tags when its rendering began, then of the others (lib/cache/page-cache.ts). */
  tagVersions: string[];
  /** Date.now() when it was rendered. */
  renderedAt: number;
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

const API_TYPES = ["application/json", "text/csv", "application/x-votable+xml"];

/** The entry for a captured answer, or null when it is not one to keep for everyone. */
export function pageEntryOf(captured: RenderedResponse, tagVersions: string[]): PageEntry | null {
  const { status, headers, body } = captured;
  if ((status !== 200 && status !== 404) || body.length === 0) return null;
  // Anything that sets a cookie or is compressed was meant for one visitor or cannot be cut.
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const type = String(headers["content-type"] ?? "");
  const nonced = type.startsWith("text/html");
  if (!nonced && !API_TYPES.some((t) => type.startsWith(t))) return null;
  const nonce = nonced ? nonceOf(headers["content-security-policy"]) : null;
  if (nonced && !nonce) return null;
  const parts = nonce ? splitAt(body, Buffer.from(nonce, "utf8")) : [body];
  const kept = Object.entries(headers).filter(
    ([name, value]) =>
      value !== undefined && (!PER_ANSWER.has(name) || (!nonced && name === "content-security-policy")),
  ) as [string, string | number | string[]][];
  return { status, headers: kept, parts, nonced, bytes: body.length + 1024, tagVersions, renderedAt: Date.now() };
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

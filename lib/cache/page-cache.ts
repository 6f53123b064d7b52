/**
 * The page cache of the portal's server (scripts/serve.ts): pages every visitor sees alike are
 * rendered by Next once per event that changes them and then answered from memory, without
 * entering Next's request pipeline. Next's own caches (ISR, 'use cache' pages) cannot serve these
 * pages: the pages carry a per-request CSP nonce (proxy.ts), and Next renders nonces only into
 * pages it renders per request (docs: "Content Security Policy", static vs dynamic rendering). So
 * the cache sits in front of Next, stores what Next rendered, and puts a fresh nonce into every
 * answer (lib/cache/page-entry.ts). Staleness is decided by tag versions shared through DATA_DIR
 * (lib/cache/tag-versions.ts), so every process and every server sees an event.
 *
 * A burst after an event renders each page once per process: concurrent requests for a page
 * being rendered wait for that rendering, which runs apart from any visitor (./detached-render.ts).
 */
import type http from "node:http";
import { gzip } from "node:zlib";
import { ByteLru } from "@/lib/maps/service/byte-lru";
import { newNonce, pageCsp } from "@/lib/security/headers";
import { cacheRequestOf, type CacheRequest } from "./cache-request";
import { bodyWithNonce, pageEntryOf, writeEntryHeaders, type PageEntry } from "./page-entry";
import { renderDetached, type RenderedResponse } from "./detached-render";
import { TagVersions } from "./tag-versions";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface PageCacheOptions {
  dataDir: string;
  /** Bytes of pages kept per process; 0 turns the cache off. */
  memoryBytes: number;
  /** How often a process reads the tag versions again (the longest an event takes to be seen). */
  tagTtlMs?: number;
  /**
   * The age after which a page is rendered again, for what changes with the clock alone (a
   * challenge starting); the old page is answered until the new one is ready.
   */
  maxAgeMs?: number;
}

// A page that answered 404 (an id that names nothing yet) may come to exist through any event: it
// carries every tag. The versions are read for the page's tags followed by the others, so one
// snapshot serves both outcomes.
const EVERY_EVENT = ["survey", "credit"];
const withEveryEvent = (tags: string[]) => [...tags, ...EVERY_EVENT.filter((t) => !tags.includes(t))];
const tagsOf = (entry: PageEntry, tags: string[]) => (entry.status === 404 ? withEveryEvent(tags) : tags);

export function createPageCache(options: PageCacheOptions) {
  const tags = new TagVersions(options.dataDir, options.tagTtlMs);
  const entries = new ByteLru<PageEntry>(options.memoryBytes);
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const rendering = new Map<string, Promise<{ rendered: RenderedResponse; entry: PageEntry | null } | null>>();

  /** The rendering of `key` under way, or a new one (one at a time per page and process). */
  function startRendering(key: string, request: CacheRequest, req: http.IncomingMessage, next: Handler) {
    let pending = rendering.get(key);
    if (pending) return { pending, started: false };
    // Read before rendering: an event during the rendering leaves the entry stale, never current.
    const tagVersions = tags.snapshot(withEveryEvent(request.policy.tags));
    pending = renderDetached(next, req, request.url)
      .then((rendered) => {
        const kept = pageEntryOf(rendered, tagVersions);
        if (kept) entries.set(key, kept, kept.bytes);
        else entries.delete(key); // an old page is not answered in place of what cannot be kept
        return { rendered, entry: kept };
      })
      .catch(() => null)
      .finally(() => rendering.delete(key));
    rendering.set(key, pending);
    return { pending, started: true };
  }

  // Pages that are only old are rendered again one at a time per process, each once, with a pause
  // as long as each rendering after it. After a quiet minute the first burst finds every page old:
  // rendering them all at once, or back to back, in the process that answers, held the answers up
  // (p99 0.2-0.5 s at 32 connections, against 8 ms when paced) for no visitor's sake.
  const refreshes = new Map<string, () => Promise<unknown>>();
  let refreshing = false;
  function refreshLater(key: string, request: CacheRequest, req: http.IncomingMessage, next: Handler) {
    if (rendering.has(key) || refreshes.has(key)) return;
    refreshes.set(key, async () => {
      const entry = entries.get(key);
      // rendered meanwhile (an event and a visitor)
      if (!entry || Date.now() - entry.renderedAt <= maxAgeMs) return;
      await startRendering(key, request, req, next).pending;
    });
    void pumpRefreshes();
  }
  async function pumpRefreshes() {
    if (refreshing) return;
    refreshing = true;
    for (let job = refreshes.entries().next(); !job.done; job = refreshes.entries().next()) {
      const [key, refresh] = job.value;
      const started = performance.now();
      await refresh().catch(() => undefined); // a failed refresh leaves the old page, and the queue going
      // as long again for the answers: refreshing takes at most half the process's time
      await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
      refreshes.delete(key);
    }
    refreshing = false;
  }

  /** Answers a request from the cache or through `next` (storing what it renders). */
  function serve(req: http.IncomingMessage, res: http.ServerResponse, next: Handler): void {
    const request = options.memoryBytes > 0 ? cacheRequestOf(req) : null;
    if (!request) return next(req, res);
    const { key, policy } = request;
    const entry = entries.get(key);
    if (entry && tags.isCurrent(tagsOf(entry, policy.tags), entry.tagVersions)) {
      // Older than the longest age (no event, only the clock): answered while rendered again, so
      // pages never all wait at once for the minute to pass.
      if (Date.now() - entry.renderedAt > maxAgeMs) refreshLater(key, request, req, next);
      return answer(req, res, entry);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return next(req, res);
    const { pending, started } = startRendering(key, request, req, next);
    void pending.then((r) => {
      if (res.destroyed) return; // the visitor left while waiting
      if (r?.entry) answer(req, res, r.entry, "miss");
      // What cannot be kept (an error, a redirect) goes to the visitor it was rendered for; the
      // others waiting for it are rendered for one by one, as without the cache.
      else if (r && started) forward(req, res, r.rendered);
      else next(req, res);
    });
  }

  return { serve };
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, entry: PageEntry, state = "hit"): void {
  const nonce = entry.nonced ? newNonce() : null;
  const body = nonce ? bodyWithNonce(entry, nonce) : entry.parts[0];
  writeEntryHeaders(res, entry);
  if (nonce) res.setHeader("Content-Security-Policy", pageCsp(nonce));
  res.setHeader("X-Pogs-Page-Cache", state);
  const send = (bytes: Buffer, encoding?: string) => {
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", bytes.length);
    res.end(req.method === "HEAD" ? undefined : bytes);
  };
  if (!/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return send(body);
  // Compressed on libuv's thread pool, off the event loop.
  gzip(body, { level: 4 }, (error, zipped) => (error ? send(body) : send(zipped, "gzip")));
}

// Headers of one connection, not of the answer.
const HOP_BY_HOP = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

/** Writes a rendered answer that the cache does not keep to the visitor it was rendered for. */
function forward(req: http.IncomingMessage, res: http.ServerResponse, rendered: RenderedResponse): void {
  res.statusCode = rendered.status;
  for (const [name, value] of Object.entries(rendered.headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
  res.setHeader("X-Pogs-Page-Cache", "miss");
  res.setHeader("Content-Length", rendered.body.length);
  res.end(req.method === "HEAD" ? undefined : rendered.body);
}

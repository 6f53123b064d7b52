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
 * being rendered wait for that rendering (and one of them renders it if its visitor leaves).
 */
import type http from "node:http";
import { gzip } from "node:zlib";
import { ByteLru } from "@/lib/maps/service/byte-lru";
import { newNonce, pageCsp } from "@/lib/security/headers";
import { cacheRequestOf } from "./cache-request";
import { bodyWithNonce, pageEntryOf, writeEntryHeaders, type PageEntry } from "./page-entry";
import { captureResponse } from "./response-capture";
import { TagVersions } from "./tag-versions";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface PageCacheOptions {
  dataDir: string;
  /** Bytes of pages kept per process; 0 turns the cache off. */
  memoryBytes: number;
  /** How often a process reads the tag versions again (the longest an event takes to be seen). */
  tagTtlMs?: number;
  /** The oldest a page may be, for what changes with the clock alone (a challenge starting). */
  maxAgeMs?: number;
}

const LARGEST_PAGE_BYTES = 8 * 2 ** 20;

// A page that answered 404 (an id that names nothing yet) may come to exist through any event: it
// carries every tag. The versions are read for the page's tags followed by the others, so one
// snapshot serves both outcomes.
const EVERY_EVENT = ["survey", "credit"];
const withEveryEvent = (tags: string[]) => [...tags, ...EVERY_EVENT.filter((t) => !tags.includes(t))];
const tagsOf = (entry: PageEntry, tags: string[]) => (entry.status === 404 ? withEveryEvent(tags) : tags);

// The visitor whose request was rendering the page left before it was done (Next stops rendering
// then). The visitors waiting for it start over: one of them renders for the rest. Were each to
// render on its own, a burst on a slow page under load would render it once per visitor, every
// rendering slower than the last, and visitors who give up would keep the page from ever being
// stored.
const ABANDONED = Symbol("abandoned");
type Rendered = PageEntry | null | typeof ABANDONED;

export function createPageCache(options: PageCacheOptions) {
  const tags = new TagVersions(options.dataDir, options.tagTtlMs);
  const entries = new ByteLru<PageEntry>(options.memoryBytes, options.maxAgeMs ?? 60_000);
  const rendering = new Map<string, Promise<Rendered>>();

  /** Answers a request from the cache or through `next` (storing what it renders). */
  function serve(req: http.IncomingMessage, res: http.ServerResponse, next: Handler): void {
    const request = options.memoryBytes > 0 ? cacheRequestOf(req) : null;
    if (!request) return next(req, res);
    const { key, policy } = request;
    const entry = entries.get(key);
    if (entry && tags.isCurrent(tagsOf(entry, policy.tags), entry.tagVersions)) return answer(req, res, entry);
    const pending = rendering.get(key);
    if (pending) {
      void pending.then((rendered) => {
        if (res.destroyed) return; // this visitor left while waiting: nothing to render for
        if (rendered === ABANDONED) return serve(req, res, next);
        if (rendered) answer(req, res, rendered);
        else next(req, res);
      });
      return;
    }
    if (req.method !== "GET") return next(req, res);
    // Read before rendering: an event during the rendering leaves the entry stale, never current.
    const tagVersions = tags.snapshot(withEveryEvent(policy.tags));
    let settle: (rendered: Rendered) => void = () => {};
    rendering.set(key, new Promise((resolve) => (settle = resolve)));
    req.url = request.url;
    // Next answers uncompressed, so the stored page can take a new nonce.
    delete req.headers["accept-encoding"];
    res.setHeader("X-Pogs-Page-Cache", "miss");
    captureResponse(res, LARGEST_PAGE_BYTES, (captured) => {
      const rendered = captured === "closed" ? ABANDONED : captured ? pageEntryOf(captured, tagVersions) : null;
      if (rendered && rendered !== ABANDONED) entries.set(key, rendered, rendered.bytes);
      rendering.delete(key);
      settle(rendered);
    });
    next(req, res);
  }

  return { serve };
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, entry: PageEntry): void {
  const nonce = newNonce();
  const body = bodyWithNonce(entry, nonce);
  writeEntryHeaders(res, entry);
  res.setHeader("Content-Security-Policy", pageCsp(nonce));
  res.setHeader("X-Pogs-Page-Cache", "hit");
  const send = (bytes: Buffer, encoding?: string) => {
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", bytes.length);
    res.end(req.method === "HEAD" ? undefined : bytes);
  };
  if (!/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return send(body);
  // Compressed on libuv's thread pool, off the event loop.
  gzip(body, { level: 4 }, (error, zipped) => (error ? send(body) : send(zipped, "gzip")));
}

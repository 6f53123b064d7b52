/**
 * The tile fast path of the portal server: `/tiles/…` requests answered straight from
 * `DATA_DIR/tiles` by Node's `http` layer, never through Next's request pipeline (which costs
 * 1–2 ms of CPU a request, docs/architecture.md, "Serving").
 *
 * - A hit in the in-memory cache of hot tiles is answered without touching the disk. Tiles are
 *   immutable (their URL carries the results version), so caching them is safe; entries expire
 *   after 10 minutes so a version removed by another process stops being served from memory.
 * - Otherwise the file is read (open, fstat, read, close) and cached.
 * - A missing file goes to the on-demand renderer (`service/on-demand.ts`): current-version tiles
 *   are rendered once and written, everything else is 404.
 *
 * Responses carry `Cache-Control: public, max-age=31536000, immutable`, `Last-Modified` and an
 * `ETag` made like nginx's (`"<mtime hex>-<size hex>"`), so the portal and an nginx front serving
 * the same files agree; `If-None-Match` gives 304. Every answer, errors too, carries the security
 * headers Next gives its non-page answers (`lib/security/headers.ts`), as Next is never asked.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { diskFullResponse, isDiskFull } from "@/lib/api/errors";
import { ByteLru } from "@/lib/maps/service/byte-lru";
import type { OnDemandTiles, TileBody } from "@/lib/maps/service/on-demand";
import { parseTileUrl, tileFileOf, TILES_URL_PREFIX } from "@/lib/maps/service/tile-paths";
import { RESOURCE_SECURITY_HEADERS } from "@/lib/security/headers";
import { contentTypeOf } from "./content-types";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const DEFAULT_TILE_MEMORY_BYTES = 64 * 2 ** 20;
const MEMORY_MAX_AGE_MS = 10 * 60 * 1000;

interface CachedResponse {
  body: Buffer;
  etag: string;
  headers: Record<string, string | number>;
  notModified: Record<string, string>;
}

export interface TileServerOptions {
  dataDir: string;
  /** Renders missing tiles; null serves files only (misses are 404). */
  onDemand: OnDemandTiles | null;
  /** Bytes of hot tiles kept in memory (default 64 MiB; 0 turns the cache off). */
  memoryBytes?: number;
  log?: (message: string) => void;
}

export interface TileServer {
  /** Answers the request if its path is under /tiles/ and returns true; otherwise returns false. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Forgets cached responses whose path starts with `prefix` (e.g. `/tiles/12/v3/`). */
  forget(prefix: string): void;
  readonly memory: ByteLru<CachedResponse> | null;
}

/** nginx's ETag: last-modified seconds and size, both in hex. */
export function fileEtag(mtimeMs: number, size: number): string {
  return `"${Math.floor(mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;
}

function response(body: Buffer, contentType: string, etag: string, lastModified: Date | null): CachedResponse {
  const headers: Record<string, string | number> = {
    ...RESOURCE_SECURITY_HEADERS,
    "Content-Type": contentType,
    "Content-Length": body.length,
    "Cache-Control": IMMUTABLE,
    ETag: etag,
  };
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  return { body, etag, headers, notModified: { ...RESOURCE_SECURITY_HEADERS, "Cache-Control": IMMUTABLE, ETag: etag } };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag || ifNoneMatch === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function send(req: IncomingMessage, res: ServerResponse, r: CachedResponse): void {
  if (matches(req.headers["if-none-match"], r.etag)) {
    res.writeHead(304, r.notModified);
    res.end();
    return;
  }
  res.writeHead(200, r.headers);
  res.end(req.method === "HEAD" ? undefined : r.body);
}

/** A Response (one of lib/api's error answers) through node's ServerResponse. */
function sendWhole(res: ServerResponse, r: Response): void {
  void r.text().then((text) => {
    res.writeHead(r.status, { ...RESOURCE_SECURITY_HEADERS, ...Object.fromEntries(r.headers) });
    res.end(text);
  });
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...RESOURCE_SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    ...extra,
  });
  res.end(text);
}

/** Reads a whole file with its stat through one descriptor (callbacks: the cheapest path through libuv). */
function readWithStat(
  file: string,
  done: (error: NodeJS.ErrnoException | null, body?: Buffer, stat?: fs.Stats) => void,
): void {
  fs.open(file, "r", (openError, fd) => {
    if (openError) return done(openError);
    fs.fstat(fd, (statError, stat) => {
      if (statError) return fs.close(fd, () => done(statError));
      const body = Buffer.allocUnsafe(stat.size);
      const readAll = (offset: number): void => {
        if (offset >= stat.size) {
          // Answer first: closing is one more trip through the thread pool nobody waits for.
          done(null, body, stat);
          return fs.close(fd, () => {});
        }
        fs.read(fd, body, offset, stat.size - offset, offset, (readError, n) => {
          if (readError || n === 0)
            return fs.close(fd, () => done(readError ?? Object.assign(new Error("file shrank"), { code: "EIO" })));
          readAll(offset + n);
        });
      };
      readAll(0);
    });
  });
}

export function createTileServer(options: TileServerOptions): TileServer {
  const memoryBytes = options.memoryBytes ?? DEFAULT_TILE_MEMORY_BYTES;
  const memory = memoryBytes > 0 ? new ByteLru<CachedResponse>(memoryBytes, MEMORY_MAX_AGE_MS) : null;
  const log = options.log ?? ((m: string) => console.error(m));

  function remember(pathname: string, r: CachedResponse): void {
    memory?.set(pathname, r, r.body.length + 200);
  }

  function fromOnDemand(req: IncomingMessage, res: ServerResponse, pathname: string, tile: TileBody): void {
    if (tile.file) {
      const r = response(tile.body, tile.contentType, fileEtag(tile.mtimeMs, tile.body.length), new Date(tile.mtimeMs));
      remember(pathname, r);
      send(req, res, r);
    } else {
      // A generated .dzi: not a file, so its ETag comes from its content.
      const etag = `"g-${createHash("sha1").update(tile.body).digest("hex").slice(0, 16)}"`;
      send(req, res, response(tile.body, tile.contentType, etag, null));
    }
  }

  function miss(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const address = parseTileUrl(pathname)!;
    if (!options.onDemand) return plain(res, 404, "Not found\n");
    options.onDemand.render(address).then(
      (tile) => (tile ? fromOnDemand(req, res, pathname, tile) : plain(res, 404, "Not found\n")),
      (error: unknown) => {
        log(`tile ${pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) res.destroy();
        else if (isDiskFull(error)) sendWhole(res, diskFullResponse());
        else plain(res, 500, "Tile rendering failed\n");
      },
    );
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "";
    if (!url.startsWith(TILES_URL_PREFIX)) return false;
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
      return true;
    }
    const hit = memory?.get(pathname);
    if (hit) {
      send(req, res, hit);
      return true;
    }
    if (!parseTileUrl(pathname)) {
      plain(res, 404, "Not found\n");
      return true;
    }
    readWithStat(tileFileOf(options.dataDir, pathname), (error, body, stat) => {
      if (error) {
        if (error.code === "ENOENT" || error.code === "ENOTDIR") return miss(req, res, pathname);
        log(`tile ${pathname}: ${error.message}`);
        return plain(res, 500, "Tile read failed\n");
      }
      const r = response(body!, contentTypeOf(pathname), fileEtag(stat!.mtimeMs, stat!.size), stat!.mtime);
      remember(pathname, r);
      send(req, res, r);
    });
    return true;
  }

  return {
    handle,
    forget: (prefix) => memory?.deletePrefix(prefix),
    memory,
  };
}

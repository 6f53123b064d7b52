// The portal's HTTP server (`npm start` runs it after its setup steps; or directly:
// `tsx scripts/serve.ts [--port N] [--hostname H] [--workers N] [--tiles-only] [--page-cache-mb N]`).
// /tiles/ is answered by the tile fast path (lib/maps/tile-server.ts) straight from DATA_DIR;
// everything else goes to Next's request handler. With --workers N > 1, node:cluster runs N
// server processes on one port and the primary runs the tile janitor.
import cluster from "node:cluster";
import { realpathSync } from "node:fs";
import http from "node:http";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPageCache } from "@/lib/cache/page-cache";
import { settings } from "@/lib/config";
import { PROJECT_ROOT } from "@/lib/project-root";
import { resolveContext } from "@/lib/maps/service/context";
import { startTileJanitor } from "@/lib/maps/service/janitor";
import { createOnDemandTiles } from "@/lib/maps/service/on-demand";
import { createTileServer } from "@/lib/maps/tile-server";
import { RESOURCE_SECURITY_HEADERS } from "@/lib/security/headers";
import { startRequestsInTurns, type RequestHandler } from "@/lib/server/request-turns";
import { runCli } from "./cli";

export type ServeOptions = {
  port: number;
  hostname: string;
  /** Server processes (default 1; see README "Tiles" for when 2 helps). */
  workers: number;
  /** Serve tiles only (no Next: no build needed); other paths answer 404. */
  tilesOnly: boolean;
  /** Bytes of hot tiles kept in memory per process. */
  tileMemoryBytes?: number;
  /** Bytes of cached pages kept in memory per process (lib/cache/page-cache.ts); 0: none. */
  pageCacheBytes?: number;
};

const REMOVED = "pogs:tiles-removed";

async function nextHandler(options: ServeOptions): Promise<RequestHandler> {
  if (options.tilesOnly) {
    return (_req, res) => {
      res.writeHead(404, {
        ...RESOURCE_SECURITY_HEADERS,
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
      });
      res.end(JSON.stringify({ error: { code: "not_found", message: "this server serves /tiles/ only" } }));
    };
  }
  // Next reads NODE_ENV when it loads: a production server must say so before the import.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => void handle(req, res);
}

/** One server process: the tile fast path in front of Next. Resolves once listening. */
export async function startServerProcess(options: ServeOptions, runJanitor: boolean): Promise<http.Server> {
  const ctx = resolveContext();
  const tiles = createTileServer({
    dataDir: ctx.dataDir,
    onDemand: createOnDemandTiles(ctx),
    memoryBytes: options.tileMemoryBytes,
  });
  const rest = await nextHandler(options);
  const pages = createPageCache({
    dataDir: ctx.dataDir,
    memoryBytes: options.tilesOnly ? 0 : (options.pageCacheBytes ?? 64 * 2 ** 20),
  });
  const server = http.createServer(
    startRequestsInTurns((req, res) => {
      trustForwardedHeadersFromLoopbackOnly(req);
      if (!tiles.handle(req, res)) pages.serve(req, res, rest);
    }),
  );
  // Above the 60 s an nginx upstream keeps idle connections, so it never reuses one that Node is
  // closing at that instant (which fails the request).
  server.keepAliveTimeout = 65_000;
  // Node closes idle connections after headersTimeout too: keep it above keepAliveTimeout.
  server.headersTimeout = 66_000;
  if (runJanitor) startTileJanitor(ctx, { onRemoved: (prefixes) => prefixes.forEach((p) => tiles.forget(p)) });
  process.on("message", (message: { type?: string; prefixes?: string[] }) => {
    if (message?.type === REMOVED) message.prefixes?.forEach((p) => tiles.forget(p));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}

/**
 * Per-address limits read the last X-Forwarded-For entry (lib/auth/client-address.ts), and the
 * session cookie is Secure when X-Forwarded-Proto says https (lib/auth/secure-cookies.ts). A proxy
 * on this machine (nginx, deploy/nginx) sets both; a client connecting directly could send any
 * value, so its X-Forwarded-For is replaced with the socket's address and its X-Forwarded-Proto
 * dropped.
 */
function trustForwardedHeadersFromLoopbackOnly(req: http.IncomingMessage): void {
  const peer = req.socket.remoteAddress ?? "";
  if (peer === "127.0.0.1" || peer === "::1" || peer === "::ffff:127.0.0.1") return;
  req.headers["x-forwarded-for"] = peer;
  delete req.headers["x-forwarded-proto"];
}

function stopOnSignals(stop: () => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
}

export async function serve(options: ServeOptions): Promise<void> {
  if (cluster.isWorker) {
    const server = await startServerProcess(options, false);
    stopOnSignals(() => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
    return;
  }
  const url = `http://${options.hostname}:${options.port}`;
  if (options.workers <= 1) {
    const server = await startServerProcess(options, true);
    console.log(`Serving on ${url}${options.tilesOnly ? " (tiles only)" : ""}`);
    stopOnSignals(() => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
    return;
  }
  // Primary: the workers share the port (the primary accepts and hands out connections).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: process.argv.slice(2) });
  let stopping = false;
  let listening = 0;
  const fork = () => {
    const worker = cluster.fork({ POGS_SERVE_WORKERS: String(options.workers) });
    worker.on("listening", () => {
      if (++listening === options.workers)
        console.log(`Serving on ${url} with ${options.workers} workers${options.tilesOnly ? " (tiles only)" : ""}`);
    });
  };
  for (let i = 0; i < options.workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`server worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  startTileJanitor(resolveContext(), {
    onRemoved: (prefixes) => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.send({ type: REMOVED, prefixes });
    },
  });
  stopOnSignals(() => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const config = settings();
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      hostname: { type: "string" },
      workers: { type: "string" },
      "tiles-only": { type: "boolean" },
      "tile-memory-mb": { type: "string" },
      "page-cache-mb": { type: "string" },
    },
  });
  const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name}: expected an integer ${min}–${max}, got "${raw}"`);
    return n;
  };
  return {
    port: int("port", values.port, config.port, 1, 65535),
    hostname: values.hostname ?? config.hostname,
    workers: values.workers === "auto" ? availableParallelism() : int("workers", values.workers, 1, 1, 64),
    tilesOnly: values["tiles-only"] ?? false,
    tileMemoryBytes:
      values["tile-memory-mb"] === undefined
        ? undefined
        : int("tile-memory-mb", values["tile-memory-mb"], 64, 0, 65536) * 2 ** 20,
    pageCacheBytes:
      values["page-cache-mb"] === undefined
        ? undefined
        : int("page-cache-mb", values["page-cache-mb"], 64, 0, 65536) * 2 ** 20,
  };
}

const isMain = (): boolean => {
  try {
    return !!process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
};

if (isMain()) {
  await runCli(() => serve(parseServeArgs(process.argv.slice(2))));
}

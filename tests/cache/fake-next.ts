// A stand-in for Next's request handler behind the page cache: it renders a page whose scripts
// carry a fresh nonce named in its CSP, as Next does for the portal's pages (proxy.ts), from a
// value read from a file, so a test can change what a new rendering shows.
import { readFileSync } from "node:fs";
import type http from "node:http";
import { createPageCache } from "@/lib/cache/page-cache";
import { newNonce } from "@/lib/security/headers";

export interface FakeNext {
  renders: string[];
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export function fakeNext(valueFile: string, renderMs = 0): FakeNext {
  const renders: string[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders.push(req.url ?? "");
    const nonce = newNonce();
    const value = readFileSync(valueFile, "utf8");
    setTimeout(() => {
      if (req.url?.startsWith("/api/")) {
        // An API answer: JSON under the resources' own CSP (next.config.ts), no nonce.
        res.statusCode = 200;
        res.setHeader("Content-Type", "application/json");
        res.setHeader("Content-Security-Policy", "default-src 'none'");
        res.setHeader("Cache-Control", "no-store");
        return res.end(JSON.stringify({ value, url: req.url }));
      }
      if (req.url?.startsWith("/account")) res.setHeader("Set-Cookie", "a=b");
      res.statusCode = req.url?.startsWith("/galaxies/999") ? 404 : 200;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${nonce}'`);
      res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
      res.write(`<html><head><script nonce="${nonce}">var a=1</script></head>`);
      res.end(`<body><p>${value} at ${req.url}</p><script nonce="${nonce}">var b=2</script></body></html>`);
    }, renderMs);
  };
  return { renders, handler };
}

/** An HTTP server: the page cache in front of a fake Next. */
export function cachedServer(dataDir: string, valueFile: string, renderMs = 0) {
  const next = fakeNext(valueFile, renderMs);
  const cache = createPageCache({ dataDir, memoryBytes: 8 * 2 ** 20, tagTtlMs: 50 });
  return {
    next,
    handler: (req: http.IncomingMessage, res: http.ServerResponse) => cache.serve(req, res, next.handler),
  };
}

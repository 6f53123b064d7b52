/**
 * Whether a request may be answered from the page cache, and under which key. Only plain page
 * loads qualify: GET or HEAD of a page in lib/cache/page-policy.ts, not a client-side navigation
 * or prefetch (Next's RSC requests depend on the router state the browser sends) and not a
 * server action. The key holds the origin the page was asked under (pages write absolute links
 * for share previews) and the query without the parameters the page's client reads itself,
 * sorted so that one page has one key.
 */
import type http from "node:http";
import { pagePolicy, type PagePolicy } from "./page-policy";

export interface CacheRequest {
  key: string;
  /** The path and query Next renders on a miss: without the client's parameters, so the page cannot depend on them. */
  url: string;
  policy: PagePolicy;
}

const NAVIGATION_HEADERS = ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree", "next-url"];

export function cacheRequestOf(req: http.IncomingMessage): CacheRequest | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (NAVIGATION_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://portal.invalid");
  } catch {
    return null;
  }
  if (url.searchParams.has("_rsc")) return null;
  const policy = pagePolicy(url.pathname);
  if (!policy) return null;
  for (const name of policy.clientParams) url.searchParams.delete(name);
  // Next sees the query in the order asked (a redirect keeps it); the key has it sorted.
  const asked = `${url.pathname}${url.search}`;
  url.searchParams.sort();
  const proto = String(req.headers["x-forwarded-proto"] ?? "http");
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "");
  return { key: `${proto}://${host}${url.pathname}${url.search}`, url: asked, policy };
}

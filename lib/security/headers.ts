/**
 * The security headers of every answer, in one place for the three servers that send them: Next
 * (`next.config.ts` headers for every path, `proxy.ts` for the pages' CSP), the tile fast path of
 * `scripts/serve.ts` (`lib/maps/tile-server.ts`) and the nginx recipe (`deploy/nginx/pogs.conf`,
 * compared with these values by a test).
 *
 * Pages get a CSP with a fresh nonce per request: Next puts the nonce it finds in the request's CSP
 * on its own inline scripts, and 'strict-dynamic' lets those load the bundles. Everything else
 * (JSON, files, tiles, static assets) is never a document the portal means to show, so it gets a
 * CSP that allows nothing at all.
 */
import { createHash } from "node:crypto";
import { THEME_SCRIPT } from "./theme-script";

/** Sent on every answer, pages and resources alike. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Other sites learn the portal's origin, never a page's path (which names volunteers and searches).
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // frame-ancestors 'none' for browsers that predate it.
  "X-Frame-Options": "DENY",
  // Features the portal never uses; only names every current browser knows, or it logs an error.
  "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=()",
};

/** The CSP of answers that are not pages: nothing may run, load or frame them. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Common headers plus the resource CSP: what `/api`, `/tiles`, `/_next/static`, … answer with. */
export const RESOURCE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_SECURITY_HEADERS,
  "Content-Security-Policy": RESOURCE_CSP,
};

/**
 * Path prefixes that are never pages: `proxy.ts` does not run for them (its matcher must list the
 * same, a test compares the two) and `next.config.ts` gives them the resource CSP.
 */
export const RESOURCE_PATH_PREFIXES = [
  "api/",
  "tiles/",
  "_next/static/",
  "_next/image",
  "favicon.ico",
  "icon.svg",
  "robots.txt",
] as const;

/** A nonce for one page answer: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The script-src source that allows the theme script of every page's <head>, and nothing else. */
export const THEME_SCRIPT_SOURCE = `'sha256-${createHash("sha256").update(THEME_SCRIPT, "utf8").digest("base64")}'`;

/**
 * The CSP of a page. Styles stay 'unsafe-inline': React writes style attributes (chart sizes,
 * colour swatches), which no nonce can cover, and a nonce in style-src would switch
 * 'unsafe-inline' off. `next dev` needs 'unsafe-eval' (React rebuilds server stacks with eval).
 * OpenSeadragon may decode tiles in a worker made from a blob: URL, which 'strict-dynamic' alone
 * would refuse, hence worker-src.
 */
export function pageCsp(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${THEME_SCRIPT_SOURCE} 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

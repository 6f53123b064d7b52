/**
 * The portal's public origin for absolute links in exports and snippets: NEXTAUTH_URL when set,
 * else the Host (and X-Forwarded-Proto/-Host behind a proxy) the request came with.
 */
import { settings } from "@/lib/config";

export function publicOrigin(headers: Headers, fallback?: string): string {
  const configured = settings().nextAuthUrl;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return fallback ? new URL(fallback).origin : "http://localhost:3000";
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ||
    (fallback ? new URL(fallback).protocol.replace(":", "") : "http");
  return `${proto}://${host}`;
}

// Whether the portal's cookies must be Secure: when its public URL is https. NEXTAUTH_URL says so
// when set; without it, the TLS proxy in front says so in X-Forwarded-Proto (scripts/serve.ts keeps
// that header only from a proxy on the same machine, as deploy/nginx is). Decided per request, so
// one server answers both its https name and a plain-http address on the local network.
import { settings } from "@/lib/config";

export function secureCookies(headers: Headers, nextAuthUrl = settings().nextAuthUrl): boolean {
  if (nextAuthUrl) return nextAuthUrl.startsWith("https://");
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

// Next's request proxy (the former middleware): a fresh nonce and CSP for every page answer. Next
// reads the nonce from the request's CSP and puts it on the scripts it writes into the page
// (docs: "Content Security Policy"). It runs for pages only: tiles, static files and the API are
// answered without it (their headers come from next.config.ts), so their fast paths stay fast.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageCsp } from "@/lib/security/headers";

export function proxy(request: NextRequest): NextResponse {
  const csp = pageCsp(newNonce(), { dev: process.env.NODE_ENV === "development" });
  // Replaces any CSP the client sent, so a nonce can only come from here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Next reads the matcher at build time, so it must be a literal: the paths of
  // RESOURCE_PATH_PREFIXES (lib/security/headers.ts; tests/security/headers.test.ts compares them).
  matcher: ["/((?!api/|tiles/|_next/static/|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};

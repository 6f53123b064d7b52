// The security headers: their values, the page CSP with its nonce, and the three places that send
// them agreeing (proxy.ts and next.config.ts on the paths each covers, the nginx recipe on tiles).
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/project-root";
import {
  COMMON_SECURITY_HEADERS,
  newNonce,
  pageCsp,
  RESOURCE_CSP,
  RESOURCE_PATH_PREFIXES,
  RESOURCE_SECURITY_HEADERS,
  THEME_SCRIPT_SOURCE,
} from "@/lib/security/headers";
import nextConfig from "@/next.config";
import { config as proxyConfig, proxy } from "@/proxy";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security header values", () => {
  it("are the ones every answer carries", () => {
    expect(COMMON_SECURITY_HEADERS).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": expect.stringMatching(/^(\w+=\(\), )+\w+=\(\)$/),
    });
    expect(RESOURCE_SECURITY_HEADERS).toEqual({ ...COMMON_SECURITY_HEADERS, "Content-Security-Policy": RESOURCE_CSP });
    expect(directives(RESOURCE_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(RESOURCE_CSP).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("give pages a CSP whose scripts need the nonce", () => {
    const nonce = newNonce();
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(nonce);
    const csp = directives(pageCsp(nonce));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, THEME_SCRIPT_SOURCE, "'strict-dynamic'"]);
    // A nonce in style-src would turn 'unsafe-inline' off, and React's style attributes with it.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [name, value] of [
      ["default-src", ["'self'"]],
      ["img-src", ["'self'", "data:", "blob:"]],
      ["connect-src", ["'self'"]],
      ["font-src", ["'self'"]],
      ["object-src", ["'none'"]],
      ["base-uri", ["'self'"]],
      ["form-action", ["'self'"]],
      ["frame-ancestors", ["'none'"]],
    ] as const)
      expect(csp.get(name), name).toEqual(value);
    expect(directives(pageCsp(nonce, { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("proxy.ts", () => {
  it("sends a new nonce in the page's CSP and hands the same CSP to Next's renderer", () => {
    const first = proxy(
      new NextRequest("http://localhost/galaxies/1", { headers: { "content-security-policy": "x" } }),
    );
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'sha256-[A-Za-z0-9+/]{43}=' 'strict-dynamic'/);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const second = proxy(new NextRequest("http://localhost/galaxies/1"));
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("skips exactly the resource paths, to which next.config.ts gives the resource CSP", async () => {
    expect(proxyConfig.matcher).toEqual([`/((?!${RESOURCE_PATH_PREFIXES.join("|")}).*)`]);
    const rules = await nextConfig.headers!();
    expect(rules[0]).toEqual({
      source: "/:path*",
      headers: Object.entries(COMMON_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
    });
    expect(rules.slice(1).map((r) => r.source)).toEqual([
      "/api/:path*",
      "/tiles/:path*",
      "/_next/static/:path*",
      "/_next/image",
      "/favicon.ico",
      "/icon.svg",
      "/robots.txt",
    ]);
    for (const rule of rules.slice(1))
      expect(rule.headers).toEqual([{ key: "Content-Security-Policy", value: RESOURCE_CSP }]);
  });
});

describe("deploy/nginx/pogs.conf", () => {
  it("adds the resource headers to every tile answer nginx makes itself", () => {
    const conf = readFileSync(path.join(PROJECT_ROOT, "deploy/nginx/pogs.conf"), "utf8");
    const tileLocations = conf.split(/\n\s*location /).filter((block) => /^[^{]*\/tiles\//.test(block));
    expect(tileLocations).toHaveLength(2);
    for (const block of tileLocations) {
      const added = Object.fromEntries(
        [...block.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((m) => [m[1], m[2]]),
      );
      expect(added).toEqual(RESOURCE_SECURITY_HEADERS);
    }
  });
});

import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS, RESOURCE_CSP, RESOURCE_PATH_PREFIXES } from "@/lib/security/headers";

const asList = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Developers running several checkouts' builds side by side give each its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // h5wasm is not on Next's built-in server-externals list and breaks when bundled (docs/architecture.md, "Serving").
  serverExternalPackages: ["h5wasm"],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole project before it builds; a developer building while a
  // colleague's work in the same tree does not type-check yet may skip the build's own check.
  typescript: { ignoreBuildErrors: process.env.POGS_BUILD_SKIP_TYPECHECK === "1" },
  // forbidden() (lib/auth/session.ts requireAdmin) answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Every answer gets the common security headers; pages get their CSP (with a nonce) from
  // proxy.ts, the paths it skips get the CSP of resources here (README, "Security").
  async headers() {
    return [
      { source: "/:path*", headers: asList(COMMON_SECURITY_HEADERS) },
      ...RESOURCE_PATH_PREFIXES.map((prefix) => ({
        source: prefix.endsWith("/") ? `/${prefix}:path*` : `/${prefix}`,
        headers: asList({ "Content-Security-Policy": RESOURCE_CSP }),
      })),
    ];
  },
};

export default nextConfig;

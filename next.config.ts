import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Developers running several checkouts' builds side by side give each its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // h5wasm is not on Next's built-in server-externals list and breaks when bundled (docs/architecture.md, "Serving").
  serverExternalPackages: ["h5wasm"],
  poweredByHeader: false,
  // forbidden() (lib/auth/session.ts requireAdmin) answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;

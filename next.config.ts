import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // h5wasm is not on Next's built-in server-externals list and breaks when bundled (docs/architecture.md, "Serving").
  serverExternalPackages: ["h5wasm"],
  poweredByHeader: false,
};

export default nextConfig;

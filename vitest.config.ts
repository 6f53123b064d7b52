import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests open real SQLite files and the wasm schema engine: keep them in
    // separate processes, but no more than the two cores CI has.
    pool: "forks",
    maxWorkers: 2,
  },
});

// Whether the production build in .next matches the sources, so `npm start` and `npm test` rebuild
// only when something changed (a fresh clone, a pull, an edit).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "@/lib/project-root";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);
// NEXT_DIST_DIR as next.config.ts reads it.
const DIST_DIR = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next");
const STAMP = path.join(DIST_DIR, "pogs-source-hash");

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) return yield p;
  for (const entry of readdirSync(p).sort()) if (!SKIP.has(entry)) yield* files(path.join(p, entry));
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const source of SOURCES)
    for (const file of files(path.join(PROJECT_ROOT, source))) {
      hash.update(path.relative(PROJECT_ROOT, file));
      hash.update(readFileSync(file));
    }
  return hash.digest("hex");
}

export function buildIsFresh(): boolean {
  return (
    existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash()
  );
}

/** Runs `next build` unless the build is fresh; exits the process when the build fails. */
export function ensureBuild(): void {
  if (buildIsFresh()) return;
  console.log("Building the portal (next build)…");
  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("error: next build failed (see above)");
    process.exit(1);
  }
  writeFileSync(STAMP, sourceHash());
}

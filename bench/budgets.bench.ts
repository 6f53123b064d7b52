// Load budgets (issue 13): the first-load JavaScript of every page route, from the production
// build's own figures (`<dist>/diagnostics/route-bundle-stats.json`, which `next build` writes:
// the route's chunks and the shared ones, uncompressed), sent gzipped as the server sends them;
// and the galaxy page's Largest Contentful Paint in headless Chromium on the demo survey of the
// browser tests (scripts/e2e-server.ts), median of cold loads after one warm-up. Needs a build in
// NEXT_DIST_DIR (`next build`; `npm start` and `npm test` make one); it is made when missing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { median } from "@/bench/support";
import type { BenchCase, BenchFigure } from "./types";
import { PROJECT_ROOT } from "@/lib/project-root";
import { startE2eServer } from "@/lib/testing/e2e-server-process";
import { everyPageUrl } from "@/lib/testing/page-urls";

const DIST = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next");
const STATS_FILE = path.join(DIST, "diagnostics", "route-bundle-stats.json");
const JS_BUDGET_KB = 250;
const LCP_TARGET_MS = 1500;
const LCP_MOONSHOT_MS = 800;
const LOADS = 7;

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

function ensureBuildOutput(): void {
  if (existsSync(path.join(DIST, "BUILD_ID")) && existsSync(STATS_FILE)) return;
  console.log("  no production build here: running next build…");
  const next = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const run = spawnSync(process.execPath, [next, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (run.status !== 0) throw new Error("next build failed");
}

function firstLoadJs(): BenchFigure[] {
  const rows = JSON.parse(readFileSync(STATS_FILE, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gz = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(PROJECT_ROOT, file))).length);
    return gzipped.get(file)!;
  };
  return rows
    .sort((a, b) => a.route.localeCompare(b.route))
    .map((row) => {
      const kb = row.firstLoadChunkPaths.reduce((sum, f) => sum + gz(f), 0) / 1024;
      return {
        name: `first-load JS ${row.route}`,
        value: kb,
        unit: "kB gz",
        target: `≤ ${JS_BUDGET_KB} kB`,
        ok: kb <= JS_BUDGET_KB,
        note: `${(row.firstLoadUncompressedJsBytes / 1024).toFixed(0)} kB uncompressed, ${row.firstLoadChunkPaths.length} files`,
      };
    });
}

/** One cold load (fresh context: no cache): the last LCP candidate once the network is idle. */
async function lcpOnce(browser: Browser, url: string): Promise<{ ms: number; element: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // A generous timeout: on a loaded machine the first answers are slow, and that is measured, not failed.
  await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
  const result = await page.evaluate(
    () =>
      new Promise<{ ms: number; element: string }>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
          const last = entries[entries.length - 1];
          const el = last.element;
          resolve({
            ms: last.startTime,
            element: el
              ? `${el.tagName.toLowerCase()} ${el.getAttribute("alt") ?? el.textContent?.slice(0, 40) ?? ""}`
              : "?",
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return result;
}

async function galaxyLcp(): Promise<BenchFigure[]> {
  const server = await startE2eServer();
  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const galaxy = everyPageUrl().find((p) => p.pattern === "/galaxies/[id]")!.url;
    const url = `${server.url}${galaxy}`;
    await lcpOnce(browser, url); // warm-up: the server's first render of the route
    const runs: { ms: number; element: string }[] = [];
    for (let i = 0; i < LOADS; i++) runs.push(await lcpOnce(browser, url));
    const ms = median(runs.map((r) => r.ms));
    return [
      {
        name: "galaxy page LCP (headless Chromium, localhost)",
        value: ms,
        unit: "ms",
        target: `≤ ${LCP_TARGET_MS} ms, moonshot ≤ ${LCP_MOONSHOT_MS} ms`,
        ok: ms <= LCP_TARGET_MS,
        note: `median of ${LOADS} cold loads (${runs.map((r) => r.ms.toFixed(0)).join(", ")}); LCP element: ${runs.at(-1)!.element}`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

export const bench: BenchCase = {
  name: "load budgets (first-load JS per route, galaxy page LCP)",
  async run() {
    ensureBuildOutput();
    return [...firstLoadJs(), ...(await galaxyLcp())];
  },
};

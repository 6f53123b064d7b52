// Serving tiles. Warm: 256-px PNG tiles already on disk, wrk -t2 -c64 -d10s --latency cycling
// through the 256 full-resolution tiles of a 4096² map: the portal server (`npm start`'s
// scripts/serve.ts) against a bare Node http server reading the same files, and the nginx
// recipe (deploy/nginx/pogs.conf) against nginx alone serving them as static files; contenders
// alternate over rounds and medians are compared. Cold: tiles of a 1532² galaxy with results but
// no pyramid, requested one at a time from the portal server.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchCase, BenchFigure } from "./types";
import { buildDziPyramid } from "@/lib/maps/pyramid";
import { renderParameterMap } from "@/lib/maps/render-parameter-map";
import { seededRandom } from "@/lib/testing/seeded-random";
import { syntheticLogMassMap } from "@/lib/testing/synthetic-galaxy";
import { median, quantile, runWrk, startBareNode, writeWrkScript, type WrkResult } from "@/bench/support";
import { startPortal, type Proc } from "@/lib/testing/processes";
import { sharedLargeGalaxy } from "@/lib/testing/large-galaxy";
import { nginxAvailable, startNginx, type RunningNginx } from "@/lib/testing/nginx-harness";
import { PARAMETER_TILE_KEYS } from "@/lib/maps/service/map-keys";
import { dziLevelSize, dziMaxLevel, dziTileGrid } from "@/lib/maps/dzi-geometry";
import { PROJECT_ROOT } from "@/lib/project-root";

const ROUNDS = 3;
const SECONDS = 10;
const WARM_SIZE = 4096;

type Contender = { name: string; url: string; results: WrkResult[] };

export const bench: BenchCase = {
  name: "maps: serving tiles (warm at 64 connections; cold)",
  async run(): Promise<BenchFigure[]> {
    const g = await sharedLargeGalaxy((s) => console.log(`  (setup) ${s}`));
    const work = mkdtempSync(path.join(tmpdir(), "pogs-bench-serving-"));
    const procs: (Proc | RunningNginx)[] = [];
    try {
      // The warm tiles: a 4096² map of a galaxy row of that size, its pyramid built.
      const run = await g.db.run.findUniqueOrThrow({ where: { name: "default" } });
      const warm = await g.db.galaxy.create({
        data: {
          runId: run.id,
          name: "BENCH WARM",
          ra: 0,
          dec: 0,
          redshift: 0.01,
          width: WARM_SIZE,
          height: WARM_SIZE,
          pixelScale: 1,
          wcs: "{}",
          resultsVersion: 1,
        },
      });
      const raster = renderParameterMap(syntheticLogMassMap(WARM_SIZE, WARM_SIZE), WARM_SIZE, WARM_SIZE, {
        range: [4, 9],
        colormap: "viridis",
      });
      await buildDziPyramid(raster, path.join(g.dataDir, "tiles", String(warm.id), "v1"), "m");
      const level = dziMaxLevel(WARM_SIZE, WARM_SIZE);
      const paths: string[] = [];
      for (let r = 0; r < WARM_SIZE / 256; r++)
        for (let c = 0; c < WARM_SIZE / 256; c++) paths.push(`/tiles/${warm.id}/v1/m_files/${level}/${c}_${r}.png`);
      const script = writeWrkScript(work, paths);

      // Next loaded as `npm start` loads it (a production build, fresh or not: the tile path is the same).
      const withNext = existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"));
      const portalArgs = withNext ? [] : ["--tiles-only"];
      const env = { dataDir: g.dataDir, databaseUrl: g.databaseUrl };
      const bare = await startBareNode(work, g.dataDir);
      const portal = await startPortal(env, portalArgs);
      const portal2 = await startPortal(env, [...portalArgs, "--workers", "2"]);
      const portalDisk = await startPortal(env, [...portalArgs, "--tile-memory-mb", "0"]);
      procs.push(bare, portal, portal2, portalDisk);
      const contenders: Contender[] = [
        { name: "bare Node http, fs.readFile per request", url: bare.url, results: [] },
        { name: "portal server (npm start)", url: portal.url, results: [] },
        { name: "portal server, --workers 2", url: portal2.url, results: [] },
        { name: "portal server, tile memory cache off", url: portalDisk.url, results: [] },
      ];
      const haveNginx = nginxAvailable();
      if (haveNginx) {
        const alone = await startNginx({ dataDir: g.dataDir });
        const recipe = await startNginx({ dataDir: g.dataDir, portalPort: portal.port });
        procs.push(alone, recipe);
        contenders.push(
          { name: "nginx alone (static files)", url: alone.url, results: [] },
          { name: "nginx recipe in front of the portal", url: recipe.url, results: [] },
        );
      }
      for (const c of contenders) await runWrk(c.url, script, 2); // warm-up: page cache, memory caches, JIT
      for (let round = 0; round < ROUNDS; round++) {
        for (const c of contenders) {
          const r = await runWrk(c.url, script, SECONDS);
          if (r.errors) throw new Error(`${c.name}: ${r.errors} failed requests`);
          c.results.push(r);
        }
      }
      const rps = (c: Contender) => median(c.results.map((r) => r.requestsPerSecond));
      const p99 = (c: Contender) => median(c.results.map((r) => r.p99Ms));
      const figures: BenchFigure[] = [];
      const note = `median of ${ROUNDS} × ${SECONDS} s, 256 tiles of ${WARM_SIZE}²`;
      for (const c of contenders) {
        figures.push({
          name: `warm: ${c.name}`,
          value: rps(c),
          unit: "req/s",
          note: `p99 ${p99(c).toFixed(1)} ms; ${note}`,
        });
      }
      const [b, p, p2, pd] = contenders;
      figures.push(
        {
          name: "warm: portal ÷ bare Node",
          value: rps(p) / rps(b),
          unit: "×",
          target: "≥ 0.9",
          ok: rps(p) / rps(b) >= 0.9,
          note: withNext ? "Next loaded in the server" : "--tiles-only: no Next build",
        },
        { name: "warm: portal p99", value: p99(p), unit: "ms", target: "≤ 50", ok: p99(p) <= 50 },
        {
          name: "warm: portal --workers 2 ÷ bare Node",
          value: rps(p2) / rps(b),
          unit: "×",
          note: `p99 ${p99(p2).toFixed(1)} ms`,
        },
        {
          name: "warm: portal without memory cache ÷ bare Node",
          value: rps(pd) / rps(b),
          unit: "×",
          note: `p99 ${p99(pd).toFixed(1)} ms`,
        },
      );
      if (haveNginx) {
        const [, , , , alone, recipe] = contenders;
        figures.push({
          name: "warm: nginx recipe ÷ nginx alone",
          value: rps(recipe) / rps(alone),
          unit: "×",
          target: "≥ 0.9",
          ok: rps(recipe) / rps(alone) >= 0.9,
        });
      } else
        figures.push({
          name: "warm: nginx recipe ÷ nginx alone",
          value: NaN,
          unit: "×",
          note: "nginx not installed or not root",
        });

      figures.push(...(await coldTiles(g, portal)));
      return figures;
    } finally {
      for (const p of procs.reverse()) await p.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};

/**
 * Tiles of the 1532² galaxy's eight parameter maps, none built, in a shuffled order, each asked
 * once, one at a time, from the portal server as it runs (background builds on: a map's first
 * miss queues its pyramid, so later tiles of that map may already be on disk; those are not
 * counted as cold). The first request also loads the galaxy's results.
 */
async function coldTiles(g: Awaited<ReturnType<typeof sharedLargeGalaxy>>, portal: Proc): Promise<BenchFigure[]> {
  const all: string[] = [];
  for (const key of PARAMETER_TILE_KEYS)
    for (let level = 0; level <= dziMaxLevel(g.width, g.height); level++) {
      const size = dziLevelSize(g.width, g.height, level);
      const { cols, rows } = dziTileGrid(size.width, size.height, 256);
      for (let c = 0; c < cols; c++)
        for (let r = 0; r < rows; r++) all.push(`/tiles/${g.galaxyId}/v1/${key}_files/${level}/${c}_${r}.png`);
    }
  const random = seededRandom(11);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const cold: number[] = [];
  let first = NaN;
  for (const p of all.slice(0, 200)) {
    const wasOnDisk = existsSync(path.join(g.dataDir, p));
    const t = performance.now();
    let r: Response;
    try {
      r = await fetch(`${portal.url}${p}`);
      await r.arrayBuffer();
    } catch (error) {
      throw new Error(`${p}: ${(error as Error).message}; portal output:\n${portal.output().slice(-2000)}`);
    }
    const ms = performance.now() - t;
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
    if (Number.isNaN(first)) first = ms;
    else if (!wasOnDisk) cold.push(ms);
  }
  return [
    {
      name: "cold tile p50 (no pyramid yet for its map)",
      value: median(cold),
      unit: "ms",
      target: "≤ 150",
      ok: median(cold) <= 150,
      note: `p90 ${quantile(cold, 0.9).toFixed(0)} ms over ${cold.length} cold tiles of 8 maps of 1532²`,
    },
    { name: "cold: first tile of the galaxy (loads its results)", value: first, unit: "ms" },
  ];
}

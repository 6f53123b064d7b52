// The archive lifecycle (store → delete): how much smaller the database gets, and what reading a
// deleted galaxy's results from its stored archive costs against reading them from the database,
// in the same run. Two surveys: the default demo (its finished galaxies archived, stored and
// deleted), and the largest galaxy of 2013 (1532², all 16 × 7 statistics, lib/testing/large-galaxy).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchCase, BenchFigure } from "./types";
import { median } from "@/bench/support";
import { answerSodaSync } from "@/lib/access/subset/soda-sync";
import { deleteResults, reclaimSpace, storeArchive } from "@/lib/archive-store";
import { createDb, type Db } from "@/lib/db/client";
import { archiveGalaxy } from "@/lib/hdf5";
import { createOnDemandTiles } from "@/lib/maps/service/on-demand";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { sharedState } from "@/lib/maps/service/shared-state";
import { galaxyTilesDir, parseTileUrl } from "@/lib/maps/service/tile-paths";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createLargeGalaxy, type LargeGalaxy } from "@/lib/testing/large-galaxy";

const SIZE = 1532;
const SIDE = 256;
const READOUTS = 200;
const CUTOUTS = 7;
const TILE_RUNS = 3;

/** The database's bytes on disk, its write-ahead log folded in first. */
async function databaseBytes(db: Db, file: string): Promise<number> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  return statSync(file).size;
}

const mb = (bytes: number) => bytes / 1e6;

/** Archives, stores and deletes every finished galaxy of a database (whatever status it is at). */
async function finishLifecycle(db: Db, dataDir: string): Promise<number> {
  const store = path.join(dataDir, "store");
  for (const g of await db.galaxy.findMany({ where: { status: "processed" }, orderBy: { id: "asc" } }))
    await archiveGalaxy(db, dataDir, g.id);
  for (const g of await db.galaxy.findMany({ where: { status: "archived" }, orderBy: { id: "asc" } }))
    await storeArchive(db, dataDir, store, g.id, { dataDir });
  const stored = await db.galaxy.findMany({ where: { status: "stored" }, orderBy: { id: "asc" } });
  for (const g of stored) await deleteResults(db, g.id, { dataDir });
  await reclaimSpace(db);
  return db.galaxy.count({ where: { status: "deleted" } });
}

async function demoFigures(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-lifecycle-"));
  try {
    const env = { ...process.env, DATA_DIR: dataDir } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    delete env.ARCHIVE_STORE;
    const demo = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/demo.ts", "--end", "2026-11-23"],
      { cwd: PROJECT_ROOT, env, encoding: "utf8" },
    );
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr.split("\n").filter(Boolean).at(-1)}`);
    const file = path.join(dataDir, "pogs.db");
    const db = createDb(`file:${file}`);
    try {
      // The demo itself leaves a third of its archived galaxies deleted (every status is shown),
      // so "as built" already has those rows gone; the figure after is with every finished one gone.
      const before = await databaseBytes(db, file);
      const deletedByDemo = await db.galaxy.count({ where: { status: "deleted" } });
      const deleted = await finishLifecycle(db, dataDir);
      const after = await databaseBytes(db, file);
      return [
        {
          name: "demo database, as built",
          value: mb(before),
          unit: "MB",
          note: `${deletedByDemo} galaxies already deleted by the demo's own lifecycle`,
        },
        {
          name: "demo database, every finished galaxy deleted",
          value: mb(after),
          unit: "MB",
          note: `${deleted} galaxies deleted; ${(100 * (1 - after / before)).toFixed(0)} % smaller`,
        },
      ];
    } finally {
      await db.$disconnect();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Median times of the readouts, the cutouts and a cold tile render (nothing on disk or in memory). */
async function readTimes(g: LargeGalaxy, pixels: [number, number][]) {
  const ctx = { db: g.db, dataDir: g.dataDir };
  const readout: number[] = [];
  for (const [x, y] of pixels) {
    const t = performance.now();
    const r = await getPixelReadout(ctx, g.galaxyId, x, y);
    readout.push(performance.now() - t);
    if (r.kind !== "ok") throw new Error(`readout ${x},${y}: ${r.kind}`);
  }
  const cutout: number[] = [];
  const x0 = Math.floor((SIZE - SIDE) / 2);
  for (let i = 0; i < CUTOUTS; i++) {
    const q = new URLSearchParams({
      ID: String(g.galaxyId),
      PIXELS: `[${x0 + 1}:${x0 + SIDE},${x0 + 1}:${x0 + SIDE}]`,
    });
    for (const p of ["mu", "m", "ldust", "sfr"]) q.append("PARAM", p);
    const params: Record<string, string[]> = {};
    for (const [k, v] of q) (params[k] ??= []).push(v);
    const headers = { "x-forwarded-for": `10.2.${i}.1` };
    const t = performance.now();
    const r = await answerSodaSync(g.db, g.dataDir, params, new Request("http://bench/api/soda/sync", { headers }));
    await r.arrayBuffer();
    if (i > 0) cutout.push(performance.now() - t); // the first one warms up
    if (r.status !== 200) throw new Error(`cutout answered ${r.status}`);
  }
  const tiles: number[] = [];
  const { resultsVersion } = await g.db.galaxy.findUniqueOrThrow({ where: { id: g.galaxyId } });
  for (let i = 0; i < TILE_RUNS; i++) {
    rmSync(galaxyTilesDir(g.dataDir, g.galaxyId), { recursive: true, force: true });
    sharedState().rasters.clear();
    const render = createOnDemandTiles(ctx, { backgroundBuilds: false });
    const t = performance.now();
    const tile = await render.render(parseTileUrl(`/tiles/${g.galaxyId}/v${resultsVersion}/m_files/11/2_2.png`)!);
    tiles.push(performance.now() - t);
    if (!tile) throw new Error("no tile");
  }
  return { readout: median(readout), cutout: median(cutout), tiles: median(tiles) };
}

async function largeGalaxyFigures(): Promise<BenchFigure[]> {
  const g = await createLargeGalaxy({ size: SIZE, statistics: "all", onStep: (s) => console.log(`  (setup) ${s}`) });
  try {
    const file = g.databaseUrl.replace(/^file:/, "");
    const before = await databaseBytes(g.db, file);
    let t = performance.now();
    const archive = await archiveGalaxy(g.db, g.dataDir, g.galaxyId);
    const archiveSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await storeArchive(g.db, g.dataDir, path.join(g.dataDir, "store"), g.galaxyId, { dataDir: g.dataDir });
    const storeSeconds = (performance.now() - t) / 1000;
    console.log(`  (setup) archived (${mb(archive.size).toFixed(0)} MB) and stored`);

    // Pixels with results, spread over the image (a fixed stride, the same for both sides).
    const blocks = await g.db.area.findMany({ where: { galaxyId: g.galaxyId }, select: { x0: true, y0: true } });
    const step = Math.max(1, Math.floor(blocks.length / READOUTS));
    const pixels = blocks.filter((_, i) => i % step === 0).map((a) => [a.x0, a.y0] as [number, number]);

    await readTimes(g, pixels.slice(0, 20)); // warm-up: Prisma, the worker
    const fromDb = await readTimes(g, pixels);
    t = performance.now();
    await deleteResults(g.db, g.galaxyId, { dataDir: g.dataDir });
    const deleteSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await reclaimSpace(g.db);
    const vacuumSeconds = (performance.now() - t) / 1000;
    const after = await databaseBytes(g.db, file);
    t = performance.now();
    await getPixelReadout({ db: g.db, dataDir: g.dataDir }, g.galaxyId, pixels[0][0], pixels[0][1]);
    const firstOpenMs = performance.now() - t;
    await readTimes(g, pixels.slice(0, 20));
    const fromArchive = await readTimes(g, pixels);

    const ratio = (a: number, b: number) => a / b;
    const r = {
      readout: ratio(fromArchive.readout, fromDb.readout),
      cutout: ratio(fromArchive.cutout, fromDb.cutout),
      tiles: ratio(fromArchive.tiles, fromDb.tiles),
    };
    return [
      { name: `${SIZE}² galaxy: database with its results`, value: mb(before), unit: "MB" },
      {
        name: `${SIZE}² galaxy: database after delete + VACUUM`,
        value: mb(after),
        unit: "MB",
        note: `delete ${deleteSeconds.toFixed(1)} s (sha256 re-check included), VACUUM ${vacuumSeconds.toFixed(1)} s; archive ${mb(archive.size).toFixed(0)} MB built in ${archiveSeconds.toFixed(0)} s, stored in ${storeSeconds.toFixed(1)} s`,
      },
      {
        name: "pixel readout, database → stored archive (median)",
        value: fromArchive.readout,
        unit: "ms",
        note: `database ${fromDb.readout.toFixed(2)} ms; ${pixels.length} pixels; opening the archive the first time ${firstOpenMs.toFixed(0)} ms`,
      },
      { name: "readout: archive ÷ database", value: r.readout, unit: "×", target: "≤ 2×", ok: r.readout <= 2 },
      {
        name: `${SIDE}² × 4 × 7 FITS cutout from the stored archive (median)`,
        value: fromArchive.cutout,
        unit: "ms",
        note: `database ${fromDb.cutout.toFixed(0)} ms; SODA handler in process`,
      },
      { name: "cutout: archive ÷ database", value: r.cutout, unit: "×", target: "≤ 2×", ok: r.cutout <= 2 },
      {
        name: "cold tile (whole-galaxy values loaded, map rendered) from the stored archive",
        value: fromArchive.tiles,
        unit: "ms",
        note: `database ${fromDb.tiles.toFixed(0)} ms; median of ${TILE_RUNS}, nothing on disk or in memory`,
      },
      { name: "tiles: archive ÷ database", value: r.tiles, unit: "×" },
    ];
  } finally {
    await g.cleanup();
  }
}

export const bench: BenchCase = {
  name: "archive lifecycle: database size, and reading deleted galaxies from the stored archive",
  async run(): Promise<BenchFigure[]> {
    // The 1532² galaxy first: its figures are printed as soon as they are known (the demo build
    // that follows takes minutes on a loaded machine).
    const large = await largeGalaxyFigures();
    for (const f of large)
      console.log(`  (1532²) ${f.name}: ${f.value.toFixed(2)} ${f.unit}${f.note ? ` (${f.note})` : ""}`);
    return [...large, ...(await demoFigures())];
  },
};

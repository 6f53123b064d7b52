// A galaxy the size of the largest of 2013 (1532 × 1532) with synthetic MAGPHYS results, in a
// temporary SQLite database, for the benches: POGS work units (7-row strips, ≥ 16 usable pixels
// an area) over an elliptical galaxy covering 60 % of the image, and results written straight
// into packed result blocks (the .fit path would take minutes). `statistics: "maps"` fills the
// medians of the four map parameters (fast, for the map benches); `"all"` fills all 16 × 7
// statistics as smooth fields with noise, rounded to the 3 decimals MAGPHYS prints, so they
// compress like real ones (for the archive and cutout benches). No histograms.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { encodeAreaMask, usablePixels } from "@/lib/survey/area-mask";
import { MAP_VALUES, PARAMETER_COUNT, Statistic, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { encodeBlock, type PixelResult } from "@/lib/survey/result-block";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { planWorkUnits } from "@/lib/survey/work-units";
import { seededRandom } from "./seeded-random";

export const LARGE_SIZE = 1532;

export type LargeGalaxy = {
  db: Db;
  dataDir: string;
  databaseUrl: string;
  galaxyId: number;
  width: number;
  height: number;
  pixels: number;
  areas: number;
  cleanup(): Promise<void>;
};

export interface LargeGalaxyOptions {
  size?: number;
  statistics?: "maps" | "all";
  onStep?: (step: string) => void;
}

/** Typical range of each parameter's values (log10 where MAGPHYS reports the log). */
const RANGES: [number, number][] = [
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 5],
  [-12, -9],
  [5, 9],
  [5, 9],
  [15, 25],
  [30, 60],
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 2],
  [3, 6],
  [-5, -1],
];

type Geometry = { width: number; height: number; cx: number; cy: number };
type StatisticsOf = (x: number, y: number) => number[][];

/** Only the four map parameters: rows of the others are shared NaN rows. */
function mapStatistics(g: Geometry): StatisticsOf {
  const nanRow = new Array<number>(STATISTIC_COUNT).fill(NaN);
  const random = seededRandom(7);
  return (x, y) => {
    const r = Math.hypot(x - g.cx, y - g.cy) / (0.12 * g.width);
    const base = {
      mu: 0.3 + 0.4 * random(),
      m: 8.5 - r * Math.LOG10E + 0.2 * (random() - 0.5),
      ldust: 8 - r * Math.LOG10E + 0.2 * (random() - 0.5),
      sfr: -2 - r * Math.LOG10E + 0.3 * (random() - 0.5),
    };
    const statistics = Array.from({ length: PARAMETER_COUNT }, () => nanRow);
    for (const m of MAP_VALUES) {
      const s = new Array<number>(STATISTIC_COUNT).fill(NaN);
      const v = base[m.key];
      s[Statistic.BEST_FIT] = v;
      s[Statistic.PERCENTILE_50] = v;
      s[Statistic.PERCENTILE_16] = v - 0.1;
      s[Statistic.PERCENTILE_84] = v + 0.1;
      statistics[m.parameterId - 1] = s;
    }
    return statistics;
  };
}

/** All 16 × 7 statistics, ordered as MAGPHYS's percentiles are. */
function allStatistics(g: Geometry): StatisticsOf {
  const random = seededRandom(11);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return (x, y) => {
    const r = Math.min(1, Math.hypot(x - g.cx, y - g.cy) / (0.5 * g.width));
    return RANGES.map(([lo, hi]) => {
      const v = lo + (hi - lo) * (0.2 + 0.6 * (1 - r) + 0.05 * random());
      const sigma = 0.02 * (hi - lo) * (1 + random());
      const s = new Array<number>(STATISTIC_COUNT);
      s[Statistic.BEST_FIT] = round(v + 0.5 * sigma * (random() - 0.5));
      s[Statistic.PERCENTILE_50] = round(v);
      s[Statistic.HIGHEST_PROB_BIN] = round(v + 0.3 * sigma * (random() - 0.5));
      s[Statistic.PERCENTILE_2_5] = round(v - 2 * sigma);
      s[Statistic.PERCENTILE_16] = round(v - sigma);
      s[Statistic.PERCENTILE_84] = round(v + sigma);
      s[Statistic.PERCENTILE_97_5] = round(v + 2 * sigma);
      return s;
    });
  };
}

export async function createLargeGalaxy(options: LargeGalaxyOptions = {}): Promise<LargeGalaxy> {
  const { size = LARGE_SIZE, statistics = "maps", onStep = () => {} } = options;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-large-"));
  const databaseUrl = `file:${path.join(dataDir, "pogs.db")}`;
  const { db } = await setUpDatabase(databaseUrl);
  const g: Geometry = { width: size, height: size, cx: size / 2, cy: size / 2 };
  const usable = ellipse(g);
  const planned = planWorkUnits(usable, g.width, g.height);
  const pixels = planned.reduce((s, p) => s + p.pixelCount, 0);
  onStep(`${planned.length} areas, ${pixels} pixels`);
  const galaxyId = await storeGalaxy(db, g, pixels, planned.length);
  let next = 1;
  const rows = planned.map((p) => {
    const row = {
      galaxyId,
      ...p,
      firstPixelId: next,
      mask: encodeAreaMask(p, (x, y) => usable[y * g.width + x] === 1).mask,
      processedAt: new Date(),
    };
    next += p.pixelCount;
    return row;
  });
  for (let i = 0; i < rows.length; i += 2000) await db.area.createMany({ data: rows.slice(i, i + 2000) });
  onStep("areas stored");
  await storeResults(db, galaxyId, statistics === "all" ? allStatistics(g) : mapStatistics(g), onStep);
  onStep("results stored");
  return {
    db,
    dataDir,
    databaseUrl,
    galaxyId,
    width: g.width,
    height: g.height,
    pixels,
    areas: rows.length,
    async cleanup() {
      await db.$disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function ellipse(g: Geometry): Uint8Array {
  const usable = new Uint8Array(g.width * g.height);
  const [a, b, t] = [0.48 * g.width, 0.4 * g.height, 0.5];
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      const u = (x - g.cx) * Math.cos(t) + (y - g.cy) * Math.sin(t);
      const v = -(x - g.cx) * Math.sin(t) + (y - g.cy) * Math.cos(t);
      usable[y * g.width + x] = (u / a) ** 2 + (v / b) ** 2 <= 1 ? 1 : 0;
    }
  return usable;
}

async function storeGalaxy(db: Db, g: Geometry, pixels: number, areas: number): Promise<number> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const wcs = {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [(g.width + 1) / 2, (g.height + 1) / 2],
    crval: [10.68, 41.27],
    cd: [
      [-1.5 / 3600, 0],
      [0, 1.5 / 3600],
    ],
    lonpole: 180,
    latpole: 41.27,
  };
  const galaxy = await db.galaxy.create({
    data: {
      runId: run.id,
      name: `BENCH ${g.width}`,
      ra: 10.68,
      dec: 41.27,
      redshift: 0.001,
      width: g.width,
      height: g.height,
      pixelScale: 1.5,
      wcs: JSON.stringify(wcs),
      pixelCount: pixels,
      pixelsProcessed: pixels,
      areaCount: areas,
      areasProcessed: areas,
      status: "processed",
      resultsVersion: 1,
    },
  });
  return galaxy.id;
}

async function storeResults(db: Db, galaxyId: number, statisticsOf: StatisticsOf, onStep: (s: string) => void) {
  const areas = await db.area.findMany({
    where: { galaxyId },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, mask: true },
    orderBy: { id: "asc" },
  });
  const random = seededRandom(3);
  type BlockRow = ReturnType<typeof encodeBlock> & {
    areaId: number;
    galaxyId: number;
    sourceSha256: string;
    resultsVersion: number;
  };
  const batch: BlockRow[] = [];
  let stored = 0;
  for (const area of areas) {
    const { x, y } = usablePixels(area, area.mask);
    const results: PixelResult[] = [];
    for (let i = 0; i < x.length; i++) {
      const bestFitModel = {
        iSfh: Math.floor(random() * 50_000),
        iIr: Math.floor(random() * 50_000),
        chi2: Math.round((0.5 + 3 * random()) * 1000) / 1000,
        redshift: 0.001,
      };
      results.push({ x: x[i], y: y[i], statistics: statisticsOf(x[i], y[i]), bestFitModel });
    }
    const block = encodeBlock(results);
    batch.push({
      ...block,
      histograms: null,
      areaId: area.id,
      galaxyId,
      sourceSha256: `bench-${area.id}`,
      resultsVersion: 1,
    });
    if (batch.length >= 1000) {
      await db.pixelResultBlock.createMany({ data: batch.splice(0) });
      stored += 1000;
      if (stored % 10000 === 0) onStep(`${stored} result blocks stored`);
    }
  }
  if (batch.length) await db.pixelResultBlock.createMany({ data: batch.splice(0) });
}

let shared: Promise<LargeGalaxy> | null = null;

/** One large galaxy (map statistics) per process, shared by the map benches, removed at exit. */
export function sharedLargeGalaxy(onStep?: (step: string) => void): Promise<LargeGalaxy> {
  if (!shared) {
    shared = createLargeGalaxy({ onStep });
    void shared.then((g) => process.once("exit", () => rmSync(g.dataDir, { recursive: true, force: true })));
  }
  return shared;
}

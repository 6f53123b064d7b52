// A galaxy the size of the largest of 2013 (1532 × 1532) with synthetic MAGPHYS results, in a
// temporary SQLite database, for the benches: POGS work units (7-row strips, ≥ 16 usable pixels
// an area) over an elliptical galaxy covering 60 % of the image, and results stored as packed
// blocks (encodeBlock rows written directly; the .fit path would take minutes).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/db/setup";
import { encodeAreaMask, usablePixels } from "@/lib/survey/area-mask";
import { MAP_VALUES, PARAMETER_COUNT, Statistic, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { encodeBlock, type PixelResult } from "@/lib/survey/result-block";
import { planWorkUnits } from "@/lib/survey/work-units";
import { seededRandom } from "@/tests/helpers/seeded-random";

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

export async function createLargeGalaxy(
  size = LARGE_SIZE,
  onStep: (step: string) => void = () => {},
): Promise<LargeGalaxy> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-large-"));
  const databaseUrl = `file:${path.join(dataDir, "pogs.db")}`;
  const { db } = await setUpDatabase(databaseUrl);
  const width = size;
  const height = size;
  const usable = new Uint8Array(width * height);
  const cx = width / 2,
    cy = height / 2,
    a = 0.48 * width,
    b = 0.4 * height,
    t = 0.5;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = (x - cx) * Math.cos(t) + (y - cy) * Math.sin(t);
      const v = -(x - cx) * Math.sin(t) + (y - cy) * Math.cos(t);
      usable[y * width + x] = (u / a) ** 2 + (v / b) ** 2 <= 1 ? 1 : 0;
    }
  const planned = planWorkUnits(usable, width, height);
  const pixels = planned.reduce((s, p) => s + p.pixelCount, 0);
  onStep(`${planned.length} areas, ${pixels} pixels`);
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const wcs = {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [(width + 1) / 2, (height + 1) / 2],
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
      name: `BENCH ${size}`,
      ra: 10.68,
      dec: 41.27,
      redshift: 0.001,
      width,
      height,
      pixelScale: 1.5,
      wcs: JSON.stringify(wcs),
      pixelCount: pixels,
      pixelsProcessed: pixels,
      areaCount: planned.length,
      areasProcessed: planned.length,
      status: "processed",
      resultsVersion: 1,
    },
  });
  let next = 1;
  const rows = planned.map((p) => {
    const row = {
      galaxyId: galaxy.id,
      x0: p.x0,
      y0: p.y0,
      x1: p.x1,
      y1: p.y1,
      pixelCount: p.pixelCount,
      firstPixelId: next,
      mask: encodeAreaMask(p, (x, y) => usable[y * width + x] === 1).mask,
      processedAt: new Date(),
    };
    next += p.pixelCount;
    return row;
  });
  for (let i = 0; i < rows.length; i += 2000) await db.area.createMany({ data: rows.slice(i, i + 2000) });
  onStep("areas stored");
  const areas = await db.area.findMany({
    where: { galaxyId: galaxy.id },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, mask: true },
    orderBy: { id: "asc" },
  });
  // Rows of parameters the maps do not read are shared: only the four map rows differ per pixel.
  const nanRow = new Array<number>(STATISTIC_COUNT).fill(NaN);
  const random = seededRandom(7);
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
      const r = Math.hypot(x[i] - cx, y[i] - cy) / (0.12 * width);
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
      results.push({ x: x[i], y: y[i], statistics, bestFitModel: { iSfh: 1, iIr: 1, chi2: 1, redshift: 0.001 } });
    }
    const block = encodeBlock(results);
    batch.push({
      ...block,
      histograms: null,
      areaId: area.id,
      galaxyId: galaxy.id,
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
  onStep("results stored");
  return {
    db,
    dataDir,
    databaseUrl,
    galaxyId: galaxy.id,
    width,
    height,
    pixels,
    areas: areas.length,
    async cleanup() {
      await db.$disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<LargeGalaxy> | null = null;

/** One large galaxy per process, shared by the bench cases and removed when the process exits. */
export function sharedLargeGalaxy(onStep?: (step: string) => void): Promise<LargeGalaxy> {
  if (!shared) {
    shared = createLargeGalaxy(LARGE_SIZE, onStep);
    void shared.then((g) => process.once("exit", () => rmSync(g.dataDir, { recursive: true, force: true })));
  }
  return shared;
}

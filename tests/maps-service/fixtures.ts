// Galaxies with stored results and layer files for the map-service tests: results written as
// packed blocks (encodeBlock) straight into a real SQLite database, layers as real FITS files.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { FitsHeader, wcsCards, writeFitsFile } from "@/lib/fits";
import { parseGalaxyWcs } from "@/lib/maps/service/galaxy-wcs";
import { MAP_VALUES, PARAMETER_COUNT, Statistic, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { encodeBlock, type PixelResult } from "@/lib/survey/result-block";
import { encodeAreaMask } from "@/lib/survey/area-mask";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";

export type MapValues = { mu: number; m: number; ldust: number; sfr: number };
export type ValueAt = (x: number, y: number) => MapValues | null;

/** A pixel's 16 × 7 statistics: NaN but for the four map parameters (median ± 0.1 at p16/p84). */
export function pixelStatistics(v: MapValues): number[][] {
  const stats = Array.from({ length: PARAMETER_COUNT }, () => new Array<number>(STATISTIC_COUNT).fill(NaN));
  for (const m of MAP_VALUES) {
    const s = stats[m.parameterId - 1];
    s[Statistic.PERCENTILE_50] = v[m.key];
    s[Statistic.PERCENTILE_16] = v[m.key] - 0.1;
    s[Statistic.PERCENTILE_84] = v[m.key] + 0.1;
  }
  return stats;
}

export type AreaRow = { id: number; x0: number; y0: number; x1: number; y1: number; pixelCount: number };

/** Areas tiling the image: strips `rowHeight` high cut every `areaWidth` columns. */
export function gridAreas(width: number, height: number, areaWidth: number, rowHeight = 7, firstPixelId = 1) {
  const areas = [];
  let next = firstPixelId;
  for (let y0 = 0; y0 < height; y0 += rowHeight)
    for (let x0 = 0; x0 < width; x0 += areaWidth) {
      const a = {
        x0,
        y0,
        x1: Math.min(width, x0 + areaWidth),
        y1: Math.min(height, y0 + rowHeight),
        firstPixelId: next,
      };
      next += (a.x1 - a.x0) * (a.y1 - a.y0);
      areas.push(a);
    }
  return areas;
}

export async function ensureUsers(db: Db, ids: number[]): Promise<void> {
  for (const id of ids) {
    await db.boincUser.upsert({
      where: { id },
      create: { id, name: `Volunteer ${id}`, createTime: new Date("2026-01-01T00:00:00Z") },
      update: {},
    });
  }
}

/**
 * Stores results for `areas` (the pixels where `value` is not null), credits `users`, bumps the
 * galaxy's results version by one and updates its progress, as an ingest transaction does.
 */
export async function storeResults(
  db: Db,
  galaxyId: number,
  areas: AreaRow[],
  value: ValueAt,
  { users = [7], processedAt = new Date("2026-11-20T10:00:00Z") }: { users?: number[]; processedAt?: Date } = {},
): Promise<number> {
  await ensureUsers(db, users);
  const galaxy = await db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
  const version = galaxy.resultsVersion + 1;
  const areaIds = areas.map((a) => a.id);
  const blocks = areas.map((area) => {
    const pixels: PixelResult[] = [];
    for (let y = area.y0; y < area.y1; y++)
      for (let x = area.x0; x < area.x1; x++) {
        const v = value(x, y);
        if (v)
          pixels.push({
            x,
            y,
            statistics: pixelStatistics(v),
            bestFitModel: { iSfh: 1, iIr: 1, chi2: 1, redshift: 0.01 },
          });
      }
    const block = encodeBlock(pixels);
    return {
      areaId: area.id,
      galaxyId,
      pixelCount: block.pixelCount,
      xy: block.xy,
      stats: block.stats,
      display: block.display,
      bestFit: block.bestFit,
      histograms: null,
      sourceSha256: `test-${version}-${area.id}`,
      resultsVersion: version,
      ingestedAt: processedAt,
    };
  });
  await db.$transaction(async (tx) => {
    await tx.pixelResultBlock.deleteMany({ where: { areaId: { in: areaIds } } });
    for (let i = 0; i < blocks.length; i += 500)
      await tx.pixelResultBlock.createMany({ data: blocks.slice(i, i + 500) });
    await tx.area.updateMany({ where: { id: { in: areaIds } }, data: { processedAt } });
    await tx.areaUser.deleteMany({ where: { areaId: { in: areaIds }, userId: { in: users } } });
    await tx.areaUser.createMany({ data: areaIds.flatMap((areaId) => users.map((userId) => ({ areaId, userId }))) });
    const done = await tx.area.aggregate({
      where: { galaxyId, processedAt: { not: null } },
      _count: { _all: true },
      _sum: { pixelCount: true },
    });
    await tx.galaxy.update({
      where: { id: galaxyId },
      data: {
        resultsVersion: version,
        areasProcessed: done._count._all,
        pixelsProcessed: done._sum.pixelCount ?? 0,
        status: done._count._all >= galaxy.areaCount ? "processed" : "computing",
      },
    });
  });
  return version;
}

/** A smooth, position-dependent value for every pixel, so a misplaced pixel shows. */
export function rampValues(width: number, height: number): ValueAt {
  return (x, y) => ({
    mu: (x + 0.5) / width,
    m: 4 + (5 * (y + 0.5)) / height,
    ldust: 4 + (5 * (x + y + 1)) / (width + height),
    sfr: -6 + (5 * (x + 0.5)) / width,
  });
}

/** A registered galaxy whose areas tile the whole image (every pixel usable), made in bulk. */
export async function createResultsGalaxy(
  db: Db,
  { name, width, height, areaWidth = 5 }: { name: string; width: number; height: number; areaWidth?: number },
) {
  const first = (await db.area.aggregate({ _max: { firstPixelId: true } }))._max.firstPixelId ?? 0;
  const { galaxy } = await createTestGalaxy(db, { name, width, height, areas: [] });
  const planned = gridAreas(width, height, areaWidth, 7, first + 1_000_000);
  const rows = planned.map((a) => ({ ...a, galaxyId: galaxy.id, ...encodeAreaMask(a, () => true) }));
  for (let i = 0; i < rows.length; i += 1000) await db.area.createMany({ data: rows.slice(i, i + 1000) });
  const pixelCount = rows.reduce((s, a) => s + a.pixelCount, 0);
  const updated = await db.galaxy.update({ where: { id: galaxy.id }, data: { pixelCount, areaCount: rows.length } });
  const areas: AreaRow[] = await db.area.findMany({
    where: { galaxyId: galaxy.id },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, pixelCount: true },
    orderBy: { id: "asc" },
  });
  return { galaxy: updated, areas };
}

/** Writes layer FITS files (IMAGE extension) for SDSS i, r, g and the composite triple i, r, g. */
export async function writeCompositeLayers(
  db: Db,
  dataDir: string,
  galaxy: { id: number; width: number; height: number; wcs: string },
  channel: (band: "i" | "r" | "g", x: number, y: number) => number,
): Promise<Record<"i" | "r" | "g", Float32Array>> {
  const dir = path.join(dataDir, "galaxies", String(galaxy.id), "layers");
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<"i" | "r" | "g", Float32Array>;
  const wcs = parseGalaxyWcs(galaxy.wcs);
  for (const band of ["i", "r", "g"] as const) {
    const data = new Float32Array(galaxy.width * galaxy.height);
    for (let y = 0; y < galaxy.height; y++)
      for (let x = 0; x < galaxy.width; x++) data[x + galaxy.width * y] = channel(band, x, y);
    const header = new FitsHeader();
    for (const card of wcsCards(wcs)) header.append(card);
    const file = path.join(dir, `SDSS${band}.fits`);
    await writeFitsFile(file, [
      { header: new FitsHeader() },
      { name: "IMAGE", header, data, shape: [galaxy.width, galaxy.height] },
    ]);
    const filter = await db.filter.findUniqueOrThrow({ where: { name: `SDSS${band}` } });
    await db.layer.create({
      data: {
        galaxyId: galaxy.id,
        filterId: filter.id,
        imagePath: `galaxies/${galaxy.id}/layers/SDSS${band}.fits`,
        sourceFile: `${band}.fits`,
      },
    });
    out[band] = data;
  }
  const id = async (band: string) => (await db.filter.findUniqueOrThrow({ where: { name: `SDSS${band}` } })).id;
  await db.rgbTriple.create({
    data: {
      galaxyId: galaxy.id,
      imageNumber: 1,
      redFilterId: await id("i"),
      greenFilterId: await id("r"),
      blueFilterId: await id("g"),
    },
  });
  return out;
}

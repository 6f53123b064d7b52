// Writes one area's results: the packed pixel results, the credited users, the area's and the
// galaxy's progress. Runs inside the caller's transaction, so an area is stored whole or not at all.
import type { Db } from "@/lib/db/client";
import type { ParsedFitFile } from "@/lib/ingest/magphys";
import { usablePixels } from "@/lib/survey/area-mask";
import { encodeBlock } from "@/lib/survey/result-block";
import type { AreaForResults } from "./locate-area";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type StoreAreaArgs = {
  area: AreaForResults;
  fit: ParsedFitFile;
  sha256: string;
  userIds: number[];
  workunitId?: number;
  receivedAt: Date;
  resultsVersion: number;
};

/** Returns whether the area already had results (a re-ingest). */
export async function storeAreaResults(tx: Tx, a: StoreAreaArgs): Promise<boolean> {
  const { x, y } = usablePixels(a.area, a.area.mask);
  const block = encodeBlock(
    a.fit.pixels.map((p) => {
      const k = p.pixelId - a.area.firstPixelId;
      return {
        x: x[k], y: y[k], statistics: p.statistics, bestFitModel: p.bestFitModel,
        histograms: p.pdfs.map((pdf) => ({ x: pdf.histogram.map((h) => h[0]), p: pdf.histogram.map((h) => h[1]) })),
      };
    }).sort((p, q) => p.y - q.y || p.x - q.x),
  );
  const existing = await tx.pixelResultBlock.findUnique({ where: { areaId: a.area.id }, select: { areaId: true } });
  const data = {
    galaxyId: a.area.galaxyId, pixelCount: block.pixelCount, xy: block.xy, stats: block.stats, display: block.display,
    bestFit: block.bestFit, histograms: block.histograms, sourceSha256: a.sha256, resultsVersion: a.resultsVersion, ingestedAt: a.receivedAt,
  } as const;
  await tx.pixelResultBlock.upsert({ where: { areaId: a.area.id }, create: { areaId: a.area.id, ...data }, update: data });
  await tx.area.update({
    where: { id: a.area.id },
    data: { processedAt: a.receivedAt, updatedAt: a.receivedAt, ...(a.workunitId !== undefined ? { workunitId: a.workunitId } : {}) },
  });
  await creditUsers(tx, a.area, a.userIds, a.receivedAt);
  return existing !== null;
}

/** Replaces the area's credited users and keeps each user's per-galaxy counts in step. */
async function creditUsers(tx: Tx, area: AreaForResults, userIds: number[], at: Date): Promise<void> {
  const before = new Set((await tx.areaUser.findMany({ where: { areaId: area.id }, select: { userId: true } })).map((u) => u.userId));
  const after = new Set(userIds);
  const removed = [...before].filter((u) => !after.has(u));
  const added = [...after].filter((u) => !before.has(u));
  if (removed.length) {
    await tx.areaUser.deleteMany({ where: { areaId: area.id, userId: { in: removed } } });
    await tx.galaxyUser.updateMany({
      where: { galaxyId: area.galaxyId, userId: { in: removed } },
      data: { areaCount: { decrement: 1 }, pixelCount: { decrement: area.pixelCount } },
    });
    await tx.galaxyUser.deleteMany({ where: { galaxyId: area.galaxyId, userId: { in: removed }, areaCount: { lte: 0 } } });
  }
  for (const userId of added) {
    await tx.areaUser.create({ data: { areaId: area.id, userId, createdAt: at } });
    await tx.galaxyUser.upsert({
      where: { galaxyId_userId: { galaxyId: area.galaxyId, userId } },
      create: { galaxyId: area.galaxyId, userId, areaCount: 1, pixelCount: area.pixelCount, createdAt: at },
      update: { areaCount: { increment: 1 }, pixelCount: { increment: area.pixelCount } },
    });
  }
}

/** Recomputes a galaxy's progress and status after results changed, and sets its version. */
export async function updateGalaxyProgress(tx: Tx, galaxyId: number, resultsVersion: number, at: Date): Promise<void> {
  const [done, galaxy] = await Promise.all([
    tx.area.aggregate({ where: { galaxyId, processedAt: { not: null } }, _count: { _all: true }, _sum: { pixelCount: true } }),
    tx.galaxy.findUniqueOrThrow({ where: { id: galaxyId }, select: { status: true, areaCount: true } }),
  ]);
  const areasProcessed = done._count._all;
  // New results make an archive stale, so an archived galaxy goes back to processed.
  const status = areasProcessed >= galaxy.areaCount ? "processed" : "computing";
  await tx.galaxy.update({
    where: { id: galaxyId },
    data: {
      areasProcessed,
      pixelsProcessed: done._sum.pixelCount ?? 0,
      resultsVersion,
      ...(status !== galaxy.status ? { status, statusTime: at } : {}),
    },
  });
}

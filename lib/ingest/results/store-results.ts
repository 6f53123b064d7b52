// Writes a batch of areas' results: the packed pixel results, the credited users, the areas' and
// the galaxies' progress. Runs inside the caller's transaction, so a batch is stored whole or not
// at all. Rows are written per batch (createMany, one read of what exists) rather than per area,
// because per-query overhead dominates an ingest of many small work units.
import type { Db } from "@/lib/db/client";
import type { ParsedFitFile } from "@/lib/ingest/magphys";
import { usablePixels } from "@/lib/survey/area-mask";
import { encodeBlock } from "@/lib/survey/result-block";
import type { AreaForResults } from "./locate-area";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type AreaResults = {
  area: AreaForResults;
  fit: ParsedFitFile;
  sha256: string;
  userIds: number[];
  workunitId?: number;
  receivedAt: Date;
};

function blockRow(a: AreaResults, resultsVersion: number) {
  const { x, y } = usablePixels(a.area, a.area.mask);
  const block = encodeBlock(
    a.fit.pixels
      .map((p) => {
        const k = p.pixelId - a.area.firstPixelId;
        return {
          x: x[k],
          y: y[k],
          statistics: p.statistics,
          bestFitModel: p.bestFitModel,
          histograms: p.pdfs.map((pdf) => ({ x: pdf.histogram.map((h) => h[0]), p: pdf.histogram.map((h) => h[1]) })),
          fluxes: { filters: p.filterNames, observed: p.observedFlux, sigma: p.observedSigma, model: p.modelFlux },
        };
      })
      .sort((p, q) => p.y - q.y || p.x - q.x),
  );
  return {
    areaId: a.area.id,
    galaxyId: a.area.galaxyId,
    pixelCount: block.pixelCount,
    xy: block.xy,
    stats: block.stats,
    display: block.display,
    bestFit: block.bestFit,
    histograms: block.histograms,
    fluxFilters: block.fluxFilters,
    fluxes: block.fluxes,
    sourceSha256: a.sha256,
    resultsVersion,
    ingestedAt: a.receivedAt,
  };
}

/** Stores the areas (at most one entry per area) and returns the ids of those that had results before. */
export async function storeAreas(
  tx: Tx,
  batch: AreaResults[],
  versionOf: (galaxyId: number) => number,
): Promise<Set<number>> {
  const areaIds = batch.map((a) => a.area.id);
  const existing = new Set(
    (await tx.pixelResultBlock.findMany({ where: { areaId: { in: areaIds } }, select: { areaId: true } })).map(
      (b) => b.areaId,
    ),
  );
  const rows = batch.map((a) => blockRow(a, versionOf(a.area.galaxyId)));
  await tx.pixelResultBlock.createMany({ data: rows.filter((r) => !existing.has(r.areaId)) });
  for (const { areaId, ...row } of rows.filter((r) => existing.has(r.areaId)))
    await tx.pixelResultBlock.update({ where: { areaId }, data: row });
  for (const a of batch)
    await tx.area.update({
      where: { id: a.area.id },
      data: {
        processedAt: a.receivedAt,
        updatedAt: a.receivedAt,
        ...(a.workunitId !== undefined ? { workunitId: a.workunitId } : {}),
      },
    });
  await creditUsers(tx, batch);
  return existing;
}

/** Replaces each area's credited users and keeps the per-galaxy counts of each user in step. */
async function creditUsers(tx: Tx, batch: AreaResults[]): Promise<void> {
  const before = new Map<number, Set<number>>();
  for (const row of await tx.areaUser.findMany({
    where: { areaId: { in: batch.map((a) => a.area.id) } },
    select: { areaId: true, userId: true },
  })) {
    if (!before.has(row.areaId)) before.set(row.areaId, new Set());
    before.get(row.areaId)!.add(row.userId);
  }
  const delta = new Map<string, { galaxyId: number; userId: number; areas: number; pixels: number; at: Date }>();
  const bump = (galaxyId: number, userId: number, sign: 1 | -1, pixels: number, at: Date) => {
    const key = `${galaxyId}:${userId}`;
    const d = delta.get(key) ?? { galaxyId, userId, areas: 0, pixels: 0, at };
    d.areas += sign;
    d.pixels += sign * pixels;
    delta.set(key, d);
  };
  const added: { areaId: number; userId: number; createdAt: Date }[] = [];
  for (const a of batch) {
    const had = before.get(a.area.id) ?? new Set<number>();
    const now = new Set(a.userIds);
    const removed = [...had].filter((u) => !now.has(u));
    if (removed.length) await tx.areaUser.deleteMany({ where: { areaId: a.area.id, userId: { in: removed } } });
    for (const u of removed) bump(a.area.galaxyId, u, -1, a.area.pixelCount, a.receivedAt);
    for (const u of now)
      if (!had.has(u)) {
        added.push({ areaId: a.area.id, userId: u, createdAt: a.receivedAt });
        bump(a.area.galaxyId, u, 1, a.area.pixelCount, a.receivedAt);
      }
  }
  await tx.areaUser.createMany({ data: added });
  for (const d of delta.values()) {
    if (d.areas === 0 && d.pixels === 0) continue;
    await tx.galaxyUser.upsert({
      where: { galaxyId_userId: { galaxyId: d.galaxyId, userId: d.userId } },
      create: { galaxyId: d.galaxyId, userId: d.userId, areaCount: d.areas, pixelCount: d.pixels, createdAt: d.at },
      update: { areaCount: { increment: d.areas }, pixelCount: { increment: d.pixels } },
    });
  }
  await tx.galaxyUser.deleteMany({
    where: { galaxyId: { in: [...new Set(batch.map((a) => a.area.galaxyId))] }, areaCount: { lte: 0 } },
  });
}

/** Recomputes a galaxy's progress and status after results changed, and sets its version. */
export async function updateGalaxyProgress(tx: Tx, galaxyId: number, resultsVersion: number, at: Date): Promise<void> {
  const [done, galaxy] = await Promise.all([
    tx.area.aggregate({
      where: { galaxyId, processedAt: { not: null } },
      _count: { _all: true },
      _sum: { pixelCount: true },
    }),
    tx.galaxy.findUniqueOrThrow({ where: { id: galaxyId }, select: { status: true, areaCount: true } }),
  ]);
  const areasProcessed = done._count._all;
  // New results make an archive stale, so an archived galaxy goes back to processed and forgets its
  // archive. The file stays on disk until `npm run archive` sweeps it (lib/hdf5/README.md): removing
  // it here, inside the transaction, would leave an archived galaxy without its file on a rollback.
  // A deleted galaxy's results live in its stored archive only: ingest refuses it before this.
  if (galaxy.status === "deleted")
    throw new Error(`galaxy ${galaxyId} is deleted: its results are archived, not ingested`);
  const status = areasProcessed >= galaxy.areaCount ? "processed" : "computing";
  await tx.galaxy.update({
    where: { id: galaxyId },
    data: {
      areasProcessed,
      pixelsProcessed: done._sum.pixelCount ?? 0,
      resultsVersion,
      ...(status !== galaxy.status ? { status, statusTime: at } : {}),
      // A stored galaxy's copy in the store is stale too (left there; lib/archive-store/README.md).
      ...(galaxy.status === "archived" || galaxy.status === "stored"
        ? {
            archivePath: null,
            archiveSha256: null,
            archiveSize: null,
            archivedAt: null,
            storedPath: null,
            storedAt: null,
          }
        : {}),
    },
  });
}

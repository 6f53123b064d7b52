// The result blocks of a deleted galaxy for a file being written (a subset), from its stored
// archive: the same rows as sqlite-rows.ts / prisma-rows.ts read from the database.
import type { Db } from "@/lib/db/client";
import type { ArchiveResults } from "./archive-results";
import type { PixelBox } from "./pixel-selection";
import type { ResultRow } from "./result-rows";

export async function archiveBlocks(
  db: Db,
  archive: ArchiveResults,
  galaxyId: number,
  box: PixelBox,
  withHistograms: boolean,
): Promise<ResultRow[]> {
  const areas = await db.area.findMany({
    where: { galaxyId, x0: { lt: box.x1 }, x1: { gt: box.x0 }, y0: { lt: box.y1 }, y1: { gt: box.y0 } },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, firstPixelId: true, mask: true },
    orderBy: { id: "asc" },
  });
  const byId = new Map(areas.map((a) => [a.id, a]));
  const rows = await archive.rows(
    areas.map((a) => a.id),
    withHistograms ? ["xy", "stats", "bestFit", "histograms"] : ["xy", "stats", "bestFit"],
  );
  return rows.map((r) => {
    const a = byId.get(r.areaId)!;
    return {
      areaId: r.areaId,
      pixelCount: r.pixelCount,
      xy: r.xy,
      stats: r.stats,
      bestFit: r.bestFit,
      histograms: r.histograms,
      area: { x0: a.x0, y0: a.y0, x1: a.x1, y1: a.y1, firstPixelId: a.firstPixelId, mask: a.mask },
    };
  });
}

// GalaxyRows through Prisma, for PostgreSQL (result-rows.ts says why SQLite reads directly).
import type { Db } from "@/lib/db/client";
import type { PixelBox } from "./pixel-selection";
import type { GalaxyRows, ResultRow } from "./result-rows";

export function prismaRows(db: Db, galaxyId: number, withHistograms: boolean): GalaxyRows {
  const inBox = (b: PixelBox) => ({ galaxyId, x0: { lt: b.x1 }, x1: { gt: b.x0 }, y0: { lt: b.y1 }, y1: { gt: b.y0 } });
  return {
    async countAreas(box) {
      const [areas, areaUsers] = await Promise.all([
        db.area.count({ where: inBox(box) }),
        db.areaUser.count({ where: { area: inBox(box) } }),
      ]);
      return { areas, areaUsers };
    },
    areas: (box, afterId, limit) =>
      db.area.findMany({
        where: { ...inBox(box), id: { gt: afterId } },
        orderBy: { id: "asc" },
        take: limit,
        select: {
          id: true,
          x0: true,
          y0: true,
          x1: true,
          y1: true,
          pixelCount: true,
          firstPixelId: true,
          workunitId: true,
          updatedAt: true,
        },
      }),
    areaUsers: (box, afterId, lastId) =>
      db.areaUser.findMany({
        where: { area: inBox(box), areaId: { gt: afterId, lte: lastId } },
        orderBy: [{ areaId: "asc" }, { userId: "asc" }],
        select: { areaId: true, userId: true, createdAt: true },
      }),
    async blocks(box) {
      const rows = await db.pixelResultBlock.findMany({
        where: { galaxyId, area: inBox(box) },
        select: {
          areaId: true,
          pixelCount: true,
          xy: true,
          stats: true,
          bestFit: true,
          histograms: withHistograms,
          area: { select: { x0: true, y0: true, x1: true, y1: true, firstPixelId: true, mask: true } },
        },
        orderBy: { areaId: "asc" },
      });
      return rows.map((r): ResultRow => ({ ...r, histograms: r.histograms ?? null }));
    },
    close: () => {},
  };
}

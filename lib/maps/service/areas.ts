/**
 * The work-unit rectangles drawn over the maps: those a chosen volunteer processed (any BOINC
 * user, as the original site allowed), and all of a galaxy's areas with when they were processed.
 * Rectangles are half-open FITS pixel boxes [x0, y0, x1, y1].
 */
import type { Db } from "@/lib/db/client";
import { SqlParams } from "@/lib/credit/sql";
import type { MapsContext } from "./context";

export { getAreaProgress, type AreaProgress } from "./area-progress";

export type AreaBox = [x0: number, y0: number, x1: number, y1: number];

export interface VolunteerAreas {
  /** The volunteer, or null for the areas of all volunteers (no `user` given). */
  user: { id: number; name: string } | null;
  areaCount: number;
  /** Usable pixels of those areas (the pixels their computers fitted). */
  pixelCount: number;
  areas: AreaBox[];
}

export type VolunteerAreasResult =
  { kind: "ok"; areas: VolunteerAreas } | { kind: "galaxy-not-found" } | { kind: "user-not-found"; userId: number };

export async function getVolunteerAreas(
  { db }: MapsContext,
  galaxyId: number,
  userId: number | null,
): Promise<VolunteerAreasResult> {
  const galaxy = await db.galaxy.findUnique({ where: { id: galaxyId }, select: { id: true } });
  if (!galaxy) return { kind: "galaxy-not-found" };
  let user: VolunteerAreas["user"] = null;
  if (userId !== null) {
    user = await db.boincUser.findUnique({ where: { id: userId }, select: { id: true, name: true } });
    if (!user) return { kind: "user-not-found", userId };
  }
  const rows =
    userId === null
      ? await db.area.findMany({
          where: { galaxyId, processedAt: { not: null } },
          select: { x0: true, y0: true, x1: true, y1: true, pixelCount: true },
          orderBy: [{ y0: "asc" }, { x0: "asc" }],
        })
      : await volunteerAreaRows(db, galaxyId, userId);
  return {
    kind: "ok",
    areas: {
      user,
      areaCount: rows.length,
      pixelCount: rows.reduce((s, a) => s + a.pixelCount, 0),
      areas: rows.map((a) => [a.x0, a.y0, a.x1, a.y1]),
    },
  };
}

type AreaRow = { x0: number; y0: number; x1: number; y1: number; pixelCount: number };

/**
 * One volunteer's areas of one galaxy, in (y0, x0) order. Read from the volunteer's side: their
 * area_user rows (the (userId, areaId) index) inside the galaxy's range of area ids (two steps
 * along the (galaxyId, id) index), then those areas. Asking the galaxy's areas whether the
 * volunteer is among their users instead read every area of the galaxy: 67,000 for the largest.
 * A galaxy's area ids are consecutive when it is registered in one go; where two galaxies' ids
 * interleave, the range holds the other's too and the test of galaxy_id leaves them out.
 */
export async function volunteerAreaRows(db: Db, galaxyId: number, userId: number): Promise<AreaRow[]> {
  const p = new SqlParams(db);
  const rows = await db.$queryRawUnsafe<Record<keyof AreaRow, number | bigint>[]>(
    `SELECT a."x0", a."y0", a."x1", a."y1", a."pixel_count" AS "pixelCount" FROM "area_user" au ` +
      `JOIN "area" a ON a."id" = au."area_id" WHERE au."user_id" = ${p.add(userId)} ` +
      `AND au."area_id" >= (SELECT MIN("id") FROM "area" WHERE "galaxy_id" = ${p.add(galaxyId)}) ` +
      `AND au."area_id" <= (SELECT MAX("id") FROM "area" WHERE "galaxy_id" = ${p.add(galaxyId)}) ` +
      `AND a."galaxy_id" = ${p.add(galaxyId)} ORDER BY a."y0", a."x0"`,
    ...p.values,
  );
  return rows.map((r) => ({
    x0: Number(r.x0),
    y0: Number(r.y0),
    x1: Number(r.x1),
    y1: Number(r.y1),
    pixelCount: Number(r.pixelCount),
  }));
}

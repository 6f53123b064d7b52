/**
 * The work-unit rectangles drawn over the maps: those a chosen volunteer processed (any BOINC
 * user, as the original site allowed), and all of a galaxy's areas with when they were processed.
 * Rectangles are half-open FITS pixel boxes [x0, y0, x1, y1].
 */
import type { MapsContext } from "./context";

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
  const rows = await db.area.findMany({
    where: userId === null ? { galaxyId, processedAt: { not: null } } : { galaxyId, users: { some: { userId } } },
    select: { x0: true, y0: true, x1: true, y1: true, pixelCount: true },
    orderBy: [{ y0: "asc" }, { x0: "asc" }],
  });
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

export type ProgressBox = [x0: number, y0: number, x1: number, y1: number, processedAt: number | null];

export interface AreaProgress {
  /** Every area, with when its results were stored (Unix seconds), null while outstanding. */
  areas: ProgressBox[];
  /** Earliest and latest processing time (Unix seconds), null when nothing is processed. */
  first: number | null;
  last: number | null;
}

export async function getAreaProgress({ db }: MapsContext, galaxyId: number): Promise<AreaProgress | null> {
  const galaxy = await db.galaxy.findUnique({ where: { id: galaxyId }, select: { id: true } });
  if (!galaxy) return null;
  const rows = await db.area.findMany({
    where: { galaxyId },
    select: { x0: true, y0: true, x1: true, y1: true, processedAt: true },
    orderBy: [{ y0: "asc" }, { x0: "asc" }],
  });
  let first: number | null = null;
  let last: number | null = null;
  const areas = rows.map((a): ProgressBox => {
    const t = a.processedAt === null ? null : Math.floor(a.processedAt.getTime() / 1000);
    if (t !== null) {
      if (first === null || t < first) first = t;
      if (last === null || t > last) last = t;
    }
    return [a.x0, a.y0, a.x1, a.y1, t];
  });
  return { areas, first, last };
}

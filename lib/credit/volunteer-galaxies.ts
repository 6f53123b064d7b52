// The galaxies a volunteer contributed to (GalaxyUser: per-galaxy counts the ingest keeps), most
// pixels first, a page at a time, with their totals.
import type { Db } from "@/lib/db/client";

export const GALAXIES_PER_PAGE = 24;

export interface VolunteerGalaxy {
  galaxyId: number;
  name: string;
  status: string;
  hubbleType: string;
  areaCount: number;
  pixelCount: number;
}

export interface VolunteerGalaxies {
  page: number;
  pageCount: number;
  totals: { galaxies: number; areas: number; pixels: number };
  rows: VolunteerGalaxy[];
}

export async function volunteerGalaxies(db: Db, userId: number, page: number): Promise<VolunteerGalaxies> {
  const [sums, rows] = await Promise.all([
    db.galaxyUser.aggregate({ where: { userId }, _sum: { areaCount: true, pixelCount: true }, _count: { _all: true } }),
    db.galaxyUser.findMany({
      where: { userId },
      orderBy: [{ pixelCount: "desc" }, { galaxyId: "asc" }],
      skip: (page - 1) * GALAXIES_PER_PAGE,
      take: GALAXIES_PER_PAGE,
      select: {
        galaxyId: true,
        areaCount: true,
        pixelCount: true,
        galaxy: { select: { name: true, status: true, hubbleType: true } },
      },
    }),
  ]);
  const galaxies = sums._count._all;
  return {
    page,
    pageCount: Math.max(1, Math.ceil(galaxies / GALAXIES_PER_PAGE)),
    totals: { galaxies, areas: sums._sum.areaCount ?? 0, pixels: sums._sum.pixelCount ?? 0 },
    rows: rows.map((r) => ({
      galaxyId: r.galaxyId,
      name: r.galaxy.name,
      status: r.galaxy.status,
      hubbleType: r.galaxy.hubbleType,
      areaCount: r.areaCount,
      pixelCount: r.pixelCount,
    })),
  };
}

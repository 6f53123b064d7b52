// Reads of the survey (galaxies, layers, areas) for pages and the API. Pages never query Prisma.
import { creditTotals } from "@/lib/credit/credit-totals";
import { db } from "@/lib/db/client";
import { FINISHED_STATUSES, type GalaxyStatus } from "./status";

export const GALAXY_SORTS = ["name", "redshift", "ra", "dec", "status", "progress", "size", "created"] as const;
export type GalaxySort = (typeof GALAXY_SORTS)[number];

export type GalaxyListQuery = {
  page: number;
  pageSize: number;
  sort: GalaxySort;
  dir: "asc" | "desc";
  status?: GalaxyStatus;
  q?: string;
};

function orderBy(sort: GalaxySort, dir: "asc" | "desc") {
  switch (sort) {
    case "progress":
      return [{ pixelsProcessed: dir }, { name: "asc" as const }];
    case "size":
      return [{ pixelCount: dir }, { name: "asc" as const }];
    case "created":
      return [{ createdAt: dir }, { id: dir }];
    default:
      return [{ [sort]: dir }, { id: "asc" as const }];
  }
}

export async function listGalaxies(query: GalaxyListQuery) {
  const where = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { name: { contains: query.q } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().galaxy.count({ where }),
    db().galaxy.findMany({
      where,
      orderBy: orderBy(query.sort, query.dir),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        ra: true,
        dec: true,
        redshift: true,
        hubbleType: true,
        status: true,
        width: true,
        height: true,
        pixelCount: true,
        pixelsProcessed: true,
      },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

export async function getGalaxy(id: number) {
  return db().galaxy.findUnique({
    where: { id },
    include: {
      run: { select: { id: true, name: true } },
      layers: { include: { filter: true }, orderBy: { filter: { effLambda: "asc" } } },
      rgbTriples: { include: { red: true, green: true, blue: true }, orderBy: { imageNumber: "asc" } },
    },
  });
}

/**
 * A galaxy's work units, those processed, and the volunteers credited. The first two are the
 * galaxy's own counts, set by its registration and recounted by every ingest that stores results
 * (counting 67,000 work units of the largest galaxy on each view cost more than the rest of its page).
 */
export async function getGalaxyAreaSummary(galaxyId: number) {
  const [galaxy, users] = await Promise.all([
    db().galaxy.findUnique({ where: { id: galaxyId }, select: { areaCount: true, areasProcessed: true } }),
    db().galaxyUser.count({ where: { galaxyId } }),
  ]);
  return { total: galaxy?.areaCount ?? 0, processed: galaxy?.areasProcessed ?? 0, users };
}

/**
 * The most recently processed areas, then outstanding ones by id. Two reads rather than one
 * ORDER BY … NULLS LAST, which neither engine can take from the (galaxyId, processedAt) index:
 * on a galaxy of 90,000 work units that sorted them all on every view.
 */
export async function getGalaxyAreas(galaxyId: number, take = 50) {
  const include = { users: { include: { user: { select: { id: true, name: true } } } } };
  const processed = await db().area.findMany({
    where: { galaxyId, processedAt: { not: null } },
    orderBy: [{ processedAt: "desc" }, { id: "asc" }],
    take,
    include,
  });
  if (processed.length === take) return processed;
  const outstanding = await db().area.findMany({
    where: { galaxyId, processedAt: null },
    orderBy: { id: "asc" },
    take: take - processed.length,
    include,
  });
  return [...processed, ...outstanding];
}

export async function getTopContributors(galaxyId: number, take = 10) {
  return db().galaxyUser.findMany({
    where: { galaxyId },
    orderBy: [{ pixelCount: "desc" }, { userId: "asc" }],
    take,
    include: { user: { select: { id: true, name: true, country: true } } },
  });
}

/** The home page's totals: galaxies summed now (a few thousand rows), credit kept by its events. */
export async function getSurveyTotals() {
  const [galaxies, byStatus, pixels, credit] = await Promise.all([
    db().galaxy.count(),
    db().galaxy.groupBy({ by: ["status"], _count: { _all: true } }),
    db().galaxy.aggregate({ _sum: { pixelCount: true, pixelsProcessed: true, areaCount: true, areasProcessed: true } }),
    creditTotals(db()),
  ]);
  return {
    galaxies,
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<
      Record<GalaxyStatus, number>
    >,
    pixels: pixels._sum.pixelCount ?? 0,
    pixelsProcessed: pixels._sum.pixelsProcessed ?? 0,
    areas: pixels._sum.areaCount ?? 0,
    areasProcessed: pixels._sum.areasProcessed ?? 0,
    users: credit.users,
    teams: credit.teams,
    totalCredit: credit.totalCredit,
    totalRac: credit.totalRac,
  };
}

export async function getRecentlyProcessedGalaxies(take = 6) {
  return db().galaxy.findMany({
    where: { status: { in: ["computing", ...FINISHED_STATUSES] } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      name: true,
      status: true,
      hubbleType: true,
      redshift: true,
      pixelCount: true,
      pixelsProcessed: true,
    },
  });
}

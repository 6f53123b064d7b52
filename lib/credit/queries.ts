// Reads of volunteers and teams for pages and the API.
import { db } from "@/lib/db/client";

export async function getBoincUser(id: number) {
  return db().boincUser.findUnique({
    where: { id },
    include: { team: { select: { id: true, name: true } } },
  });
}

/** Rank by total credit: 1 + the number of users with more credit. */
export async function getUserRank(totalCredit: number) {
  return 1 + (await db().boincUser.count({ where: { totalCredit: { gt: totalCredit } } }));
}

export async function getUserGalaxies(userId: number, take = 100) {
  return db().galaxyUser.findMany({
    where: { userId },
    orderBy: [{ pixelCount: "desc" }, { galaxyId: "asc" }],
    take,
    include: { galaxy: { select: { id: true, name: true, status: true, hubbleType: true, redshift: true } } },
  });
}

export async function getUserContributionTotals(userId: number) {
  const sums = await db().galaxyUser.aggregate({
    where: { userId },
    _sum: { areaCount: true, pixelCount: true },
    _count: { _all: true },
  });
  return { galaxies: sums._count._all, areas: sums._sum.areaCount ?? 0, pixels: sums._sum.pixelCount ?? 0 };
}

export async function getTeam(id: number) {
  return db().team.findUnique({ where: { id } });
}

export async function getTeamMembers(teamId: number, take = 200) {
  return db().boincUser.findMany({
    where: { teamId },
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      name: true,
      country: true,
      totalCredit: true,
      expavgCredit: true,
      expavgTime: true,
      createTime: true,
    },
  });
}

export async function getTeamMemberCount(teamId: number) {
  return db().boincUser.count({ where: { teamId } });
}

export async function getTeamRank(totalCredit: number) {
  return 1 + (await db().team.count({ where: { totalCredit: { gt: totalCredit } } }));
}

export async function getTopUsers(take = 10) {
  return db().boincUser.findMany({
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, country: true, totalCredit: true, expavgCredit: true, expavgTime: true },
  });
}

export async function getTopTeams(take = 10) {
  return db().team.findMany({
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      name: true,
      country: true,
      totalCredit: true,
      expavgCredit: true,
      expavgTime: true,
      _count: { select: { members: true } },
    },
  });
}

// Small reads of volunteers and teams for the home page (and older callers); the volunteer, team,
// leaderboard and trophy pages have their own modules beside this one.
import { db } from "@/lib/db/client";
import { LISTED_USER, hiddenUserKeys } from "./listed";
import { userOrder } from "./leaderboard-users";
import { racFromOrder } from "./rac";
import { listedRank } from "./ranked-order";

export async function getBoincUser(id: number) {
  return db().boincUser.findUnique({
    where: { id },
    include: { team: { select: { id: true, name: true } } },
  });
}

/** Rank by total credit among listed volunteers: 1 + the number of them with more credit. */
export async function getUserRank(totalCredit: number) {
  return listedRank(db(), userOrder("credit"), totalCredit, await hiddenUserKeys(db(), "total_credit"));
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

/** A team's listed members, most credit first. */
export async function getTeamMembers(teamId: number, take = 200) {
  return db().boincUser.findMany({
    where: { teamId, ...LISTED_USER },
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, country: true, totalCredit: true, racOrder: true, createTime: true },
  });
}

export async function getTeamRank(totalCredit: number) {
  return 1 + (await db().team.count({ where: { totalCredit: { gt: totalCredit } } }));
}

/** The listed volunteers with the most credit, with their RAC now. */
export async function getTopUsers(take = 10, nowMs = Date.now()) {
  const users = await db().boincUser.findMany({
    where: LISTED_USER,
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, country: true, totalCredit: true, racOrder: true },
  });
  return users.map((u) => ({ ...u, rac: racFromOrder(u.racOrder, nowMs / 1000) }));
}

export async function getTopTeams(take = 10) {
  return db().team.findMany({
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, country: true, totalCredit: true, racOrder: true, memberCount: true },
  });
}

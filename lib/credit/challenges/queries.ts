// Reads of challenges for the pages, the home page and the API.
import { db, type Db } from "@/lib/db/client";
import { challengeTeams, topContributors } from "./detail-reads";
import { challengePhase, type ChallengePhase } from "./window";

/** Standings rows a page lists (and the API returns); a larger race lists its leaders. */
export const STANDINGS_SHOWN = 100;

const SUMMARY = {
  id: true,
  name: true,
  description: true,
  startsAt: true,
  endsAt: true,
  openToAll: true,
  standingsUpdatedAt: true,
  frozenAt: true,
  _count: { select: { teams: true } },
  standings: {
    where: { rank: 1, credit: { gt: 0 } },
    orderBy: { teamId: "asc" },
    take: 1,
    select: { credit: true, team: { select: { id: true, name: true } } },
  },
} as const;

export type ChallengeSummary = Awaited<ReturnType<typeof challengeSummaries>>[number] & { phase: ChallengePhase };

async function challengeSummaries(where: object = {}) {
  return db().challenge.findMany({ where, select: SUMMARY, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
}

/** Every challenge by phase: running (ending soonest first), upcoming (soonest first), finished (latest first). */
export async function listChallenges(now = new Date()) {
  const all = (await challengeSummaries()).map((c) => ({ ...c, phase: challengePhase(c, now) }));
  return {
    running: all.filter((c) => c.phase === "running").sort((a, b) => +a.endsAt - +b.endsAt),
    upcoming: all.filter((c) => c.phase === "upcoming"),
    finished: all.filter((c) => c.phase === "finished").sort((a, b) => +b.endsAt - +a.endsAt || b.id - a.id),
  };
}

/** Running challenges with their three leading teams, for the home page. */
export async function getRunningChallenges(now = new Date()) {
  return db().challenge.findMany({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      startsAt: true,
      endsAt: true,
      openToAll: true,
      standingsUpdatedAt: true,
      standings: {
        orderBy: [{ rank: "asc" }, { teamId: "asc" }],
        take: 3,
        select: { rank: true, credit: true, team: { select: { id: true, name: true } } },
      },
    },
  });
}

/** One challenge with everything its page shows, or null (`client` for tests on another database). */
export async function getChallengeDetail(id: number, now = new Date(), client: Db = db()) {
  const challenge = await client.challenge.findUnique({ where: { id } });
  if (!challenge) return null;
  const [teams, standingCount, standings, points, zero, final] = await Promise.all([
    challengeTeams(client, id),
    client.challengeStanding.count({ where: { challengeId: id } }),
    client.challengeStanding.findMany({
      where: { challengeId: id },
      orderBy: [{ rank: "asc" }, { teamId: "asc" }],
      take: STANDINGS_SHOWN,
      select: { teamId: true, credit: true, rank: true, members: true, team: { select: { name: true } } },
    }),
    client.challengePoint.findMany({
      where: { challengeId: id },
      orderBy: [{ teamId: "asc" }, { time: "asc" }],
      select: { teamId: true, time: true, credit: true },
    }),
    exportAtOrAfter(client, challenge.startsAt),
    exportAtOrAfter(client, challenge.endsAt),
  ]);
  const contributors = await topContributors(
    client,
    id,
    standings.map((s) => s.teamId),
  );
  return {
    ...challenge,
    teams,
    _count: { standings: standingCount },
    phase: challengePhase(challenge, now),
    /** time zero and the final export, when imported */
    zeroExport: zero,
    finalExport: final,
    teamCount: challenge.openToAll ? standingCount : teams.length,
    standings: standings.map((s) => ({ ...s, name: s.team.name, topContributors: contributors.get(s.teamId) ?? [] })),
    points,
  };
}

export type ChallengeDetail = NonNullable<Awaited<ReturnType<typeof getChallengeDetail>>>;

async function exportAtOrAfter(client: Db, time: Date): Promise<Date | null> {
  const row = await client.statsExport.findFirst({
    where: { exportTime: { gte: time } },
    orderBy: { exportTime: "asc" },
    select: { exportTime: true },
  });
  return row?.exportTime ?? null;
}

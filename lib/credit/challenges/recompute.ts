/**
 * Recomputes challenge standings from the credit history (snapshots and team_delta rows): after
 * every statistics import for each challenge that has started and is not frozen, and on demand
 * for one challenge. Standings freeze when the final export (the first at or after the end) is
 * in, so later imports change nothing.
 */
import type { Db } from "@/lib/db/client";
import { withLargerSqliteCache } from "@/lib/db/sqlite-cache";
import { candidateVolunteers } from "./candidates";
import { toMs } from "./raw-sql";
import type { ScoringWindow } from "./scoring";
import { reusableRacePoints } from "./race";
import { racePoints, rankStandings } from "./standings";
import { storeStandings } from "./store-standings";
import { raceTally, tallyChallenge } from "./tally-challenge";
import { challengeWindow, teamZero } from "./window";

export interface RecomputeResult {
  challengeId: number;
  name: string;
  /** "waiting": no export at or after the start yet, nothing stored */
  outcome: "updated" | "frozen" | "waiting";
  teams: number;
  contributors: number;
}

type ChallengeToScore = {
  id: number;
  name: string;
  startsAt: Date;
  endsAt: Date;
  openToAll: boolean;
  teams: { teamId: number; joinedAt: Date }[];
};

const WITH_TEAMS = { teams: { select: { teamId: true, joinedAt: true } } } as const;

/** Every started, unfrozen challenge (the call after each statistics import). */
export async function recomputeChallengeStandings(db: Db, now = new Date()): Promise<RecomputeResult[]> {
  const exportTimes = await allExportTimes(db);
  if (!exportTimes.length) return [];
  const challenges = await db.challenge.findMany({
    where: { frozenAt: null, startsAt: { lte: new Date(exportTimes.at(-1)!) } },
    include: WITH_TEAMS,
    orderBy: { id: "asc" },
  });
  const results: RecomputeResult[] = [];
  await withLargerSqliteCache(db, async () => {
    for (const c of challenges) results.push(await scoreChallenge(db, c, exportTimes, now, false));
  });
  return results;
}

/**
 * One challenge, frozen or not, its race drawn again from the histories (an operator's recompute
 * after fixing the history, a challenge just defined or given other teams); null if unknown.
 */
export async function recomputeChallenge(db: Db, id: number, now = new Date()): Promise<RecomputeResult | null> {
  const challenge = await db.challenge.findUnique({ where: { id }, include: WITH_TEAMS });
  if (!challenge) return null;
  const exportTimes = await allExportTimes(db);
  return withLargerSqliteCache(db, () => scoreChallenge(db, challenge, exportTimes, now, true));
}

async function allExportTimes(db: Db): Promise<number[]> {
  const rows = await db.statsExport.findMany({ select: { exportTime: true }, orderBy: { exportTime: "asc" } });
  return rows.map((r) => toMs(r.exportTime));
}

async function storedRacePoints(db: Db, challengeId: number) {
  const rows = await db.challengePoint.findMany({
    where: { challengeId },
    select: { teamId: true, time: true, credit: true },
  });
  return rows.map((r) => ({ teamId: r.teamId, time: r.time.getTime(), credit: r.credit }));
}

/** `replayRace`: draw the race from the histories, not from the points of earlier recomputes. */
async function scoreChallenge(
  db: Db,
  c: ChallengeToScore,
  exportTimes: number[],
  now: Date,
  replayRace: boolean,
): Promise<RecomputeResult> {
  const window = challengeWindow(exportTimes, c.startsAt.getTime(), c.endsAt.getTime());
  const result = { challengeId: c.id, name: c.name, teams: 0, contributors: 0 };
  if (window.zero === null) return { ...result, outcome: "waiting" };
  const zeros = new Map(c.teams.map((t) => [t.teamId, teamZero(window, c.startsAt.getTime(), t.joinedAt.getTime())]));
  const scoring: ScoringWindow = {
    exports: window.exports,
    zeroOf: c.openToAll ? () => window.zero : (teamId) => zeros.get(teamId) ?? null,
  };
  const from = new Date(window.zero);
  const to = new Date(window.exports.at(-1)!);
  const candidates = await candidateVolunteers(db, c.openToAll ? "all" : [...zeros.keys()], from, to);
  const late = new Set([...zeros].filter(([, zero]) => zero !== window.zero).map(([teamId]) => teamId));
  const tally = await tallyChallenge(db, scoring, candidates, late);
  const standings = rankStandings(tally, c.openToAll ? [] : zeros.keys());
  const stored = replayRace ? [] : await storedRacePoints(db, c.id);
  const { points, replay } = reusableRacePoints(scoring, standings, stored);
  if (replay.length) points.push(...racePoints(await raceTally(db, scoring, tally, replay), scoring, replay));
  const frozen = window.final !== null;
  await storeStandings(
    db,
    c.id,
    { standings, contributions: tally.contributions.values(), points },
    { updatedAt: now, frozen },
  );
  return {
    ...result,
    outcome: frozen ? "frozen" : "updated",
    teams: standings.length,
    contributors: new Set([...tally.contributions.values()].filter((x) => x.credit > 0).map((x) => x.userId)).size,
  };
}

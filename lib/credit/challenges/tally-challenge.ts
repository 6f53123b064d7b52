/**
 * Tallies a challenge from the credit history, reading no more of it than the scores need:
 *
 * - a volunteer who stayed in one team through the window (no team_delta row inside it, the same
 *   team at both ends) scored the difference of their two ends (volunteer-ends.ts);
 * - everyone else (who moved, was first seen inside the window, or is in a team added late) is
 *   replayed step by step (scoring.ts);
 * - the race needs a leading team's credit at every export: when it cannot keep the points of
 *   earlier recomputes (race.ts), the team's contributors alone are replayed once more.
 */
import type { Db } from "@/lib/db/client";
import { volunteerHistories } from "./histories";
import { ChallengeTally, type ScoringWindow } from "./scoring";
import type { TeamStanding } from "./standings";
import { volunteerEnds } from "./volunteer-ends";

const bounds = (scoring: ScoringWindow) => [new Date(scoring.exports[0]), new Date(scoring.exports.at(-1)!)] as const;

async function replay(db: Db, tally: ChallengeTally, scoring: ScoringWindow, userIds: readonly number[]) {
  const [from, to] = bounds(scoring);
  for await (const histories of volunteerHistories(db, userIds, from, to))
    for (const history of histories) tally.add(history);
}

/** `lateTeams`: teams whose time zero is after the window's (their stayers need the steps too). */
export async function tallyChallenge(
  db: Db,
  scoring: ScoringWindow,
  candidates: readonly number[],
  lateTeams: ReadonlySet<number>,
): Promise<ChallengeTally> {
  const [from, to] = bounds(scoring);
  const tally = new ChallengeTally(scoring);
  const replayed: number[] = [];
  for await (const { ends, deltas } of volunteerEnds(db, candidates, from, to)) {
    for (const { userId, baseline, end } of ends) {
      const stayed =
        baseline !== null && baseline.teamId === end.teamId && !deltas.has(userId) && !lateTeams.has(end.teamId ?? 0);
      if (!stayed) replayed.push(userId);
      else if (end.teamId !== null) tally.addGain(userId, end.teamId, end.time, end.credit - baseline.credit);
    }
  }
  await replay(db, tally, scoring, replayed);
  return tally;
}

/** The per-export credit of `teams`, from their contributors' whole histories. */
export async function raceTally(db: Db, scoring: ScoringWindow, tally: ChallengeTally, teams: readonly TeamStanding[]) {
  const racing = new Set(teams.map((s) => s.teamId));
  const racers = new Set([...tally.contributions.values()].filter((c) => racing.has(c.teamId)).map((c) => c.userId));
  const race = new ChallengeTally(scoring);
  await replay(
    db,
    race,
    scoring,
    [...racers].sort((a, b) => a - b),
  );
  return race;
}

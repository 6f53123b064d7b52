/**
 * The race chart's points: each leading team's cumulative challenge credit at every export of the
 * window. A team's credit at an export is its standing at that export, which the recompute after
 * that export's import stored; so a recompute keeps the earlier points, adds the newest export's
 * (the standings just computed), and replays contributors' histories (raceTally) only for a
 * leading team missing an earlier point: new to the lead, a challenge scored for the first time,
 * an export imported into the window out of order, or every team on an operator's recompute.
 */
import type { ScoringWindow } from "./scoring";
import { RACE_TEAMS, type RacePoint, type TeamStanding } from "./standings";

export function reusableRacePoints(
  scoring: ScoringWindow,
  standings: readonly TeamStanding[],
  stored: readonly RacePoint[],
): { points: RacePoint[]; replay: TeamStanding[] } {
  const byTeam = new Map<number, Map<number, number>>();
  for (const p of stored) {
    if (!byTeam.has(p.teamId)) byTeam.set(p.teamId, new Map());
    byTeam.get(p.teamId)!.set(p.time, p.credit);
  }
  const points: RacePoint[] = [];
  const replay: TeamStanding[] = [];
  for (const s of standings.slice(0, RACE_TEAMS)) {
    const zero = scoring.zeroOf(s.teamId);
    if (zero === null) continue;
    const times = scoring.exports.filter((t) => t >= zero);
    const earlier = times.slice(0, -1);
    const kept = byTeam.get(s.teamId);
    if (!earlier.every((t) => kept?.has(t))) {
      replay.push(s);
      continue;
    }
    for (const time of earlier) points.push({ teamId: s.teamId, time, credit: kept!.get(time)! });
    points.push({ teamId: s.teamId, time: times.at(-1)!, credit: s.credit });
  }
  return { points, replay };
}

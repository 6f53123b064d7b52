/**
 * From a tally to what is stored: the ranked standings, and the race points (each leading team's
 * cumulative credit at every export of the window) that the race chart draws.
 */
import type { ChallengeTally, ScoringWindow } from "./scoring";

/** Teams whose race is kept: a chart of more lines is unreadable, the table lists every team. */
export const RACE_TEAMS = 15;

export interface TeamStanding {
  teamId: number;
  credit: number;
  /** 1 + the number of teams with more credit: tied teams share a rank */
  rank: number;
  /** volunteers who added credit for the team inside the window */
  members: number;
}

export interface RacePoint {
  teamId: number;
  time: number;
  credit: number;
}

/**
 * Every team in `entrants` (the teams named for the challenge, listed even at 0) and every other
 * team that scored, best first.
 */
export function rankStandings(tally: ChallengeTally, entrants: Iterable<number>): TeamStanding[] {
  const byTeam = new Map<number, { credit: number; members: number }>();
  for (const teamId of entrants) byTeam.set(teamId, { credit: 0, members: 0 });
  for (const c of tally.contributions.values()) {
    const t = byTeam.get(c.teamId) ?? { credit: 0, members: 0 };
    t.credit += c.credit;
    if (c.credit > 0) t.members++;
    byTeam.set(c.teamId, t);
  }
  const sorted = [...byTeam]
    .map(([teamId, t]) => ({ teamId, credit: t.credit, members: t.members, rank: 0 }))
    .sort((a, b) => b.credit - a.credit || a.teamId - b.teamId);
  sorted.forEach((s, i) => (s.rank = i > 0 && sorted[i - 1].credit === s.credit ? sorted[i - 1].rank : i + 1));
  return sorted;
}

/** Cumulative credit of the leading teams at each export from their time zero. */
export function racePoints(tally: ChallengeTally, window: ScoringWindow, standings: TeamStanding[]): RacePoint[] {
  const points: RacePoint[] = [];
  for (const s of standings.slice(0, RACE_TEAMS)) {
    const zero = window.zeroOf(s.teamId);
    if (zero === null) continue;
    const gains = tally.gainsByExport.get(s.teamId);
    let sum = 0;
    window.exports.forEach((time, i) => {
      sum += gains?.[i] ?? 0;
      if (time >= zero) points.push({ teamId: s.teamId, time, credit: sum });
    });
  }
  return points;
}

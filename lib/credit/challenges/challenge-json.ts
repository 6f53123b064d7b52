// The JSON of /api/challenges/<id>: the challenge, its standings (the leading 100 teams) with
// their top contributors, and the race.
import type { ChallengeDetail } from "./queries";

export function challengeJson(c: ChallengeDetail) {
  const names = new Map(c.standings.map((s) => [s.teamId, s.name]));
  const race = new Map<number, { time: Date; credit: number }[]>();
  for (const p of c.points) race.set(p.teamId, [...(race.get(p.teamId) ?? []), { time: p.time, credit: p.credit }]);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    openToAll: c.openToAll,
    phase: c.phase,
    final: c.frozenAt !== null,
    /** the first statistics export at or after the start, from which credit counts */
    timeZero: c.zeroExport,
    /** the first export at or after the end, once imported: the standings are then frozen */
    finalExport: c.finalExport,
    standingsUpdatedAt: c.standingsUpdatedAt,
    teams: c.teams.map((t) => ({ id: t.team.id, name: t.team.name, joinedAt: t.joinedAt })),
    teamCount: c.teamCount,
    standings: c.standings.map((s) => ({
      rank: s.rank,
      team: { id: s.teamId, name: s.name },
      credit: s.credit,
      volunteers: s.members,
      topContributors: s.topContributors,
    })),
    race: [...race].map(([teamId, points]) => ({ team: { id: teamId, name: names.get(teamId) ?? "" }, points })),
  };
}

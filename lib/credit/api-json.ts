/**
 * The JSON the credit API answers (/api/users, /api/teams, /api/leaderboards, /api/trophies): the
 * pages' data with times as ISO 8601 UTC and nothing of the portal account but whether the
 * volunteer is hidden from lists (no e-mail, no password hash: they are never read).
 */
import type { Leaderboard } from "./leaderboards";
import { teamTypeName } from "./team-types";
import type { getTeam, getTeamDetails } from "./team-page";
import type { TrophyWithHolders } from "./trophies/queries";
import type { VolunteerPage } from "./volunteer-page";

const iso = (d: Date) => d.toISOString();
const history = (points: readonly { time: number; totalCredit: number; rac: number }[]) =>
  points.map((p) => ({ time: iso(new Date(p.time * 1000)), totalCredit: p.totalCredit, rac: p.rac }));

export function volunteerJson({ volunteer: v, details }: VolunteerPage) {
  const boinc = {
    id: v.id,
    name: v.name,
    country: v.country,
    joined: iso(v.createTime),
    totalCredit: v.totalCredit,
    rac: v.rac,
    team: v.team,
    hiddenFromLists: v.hidden,
  };
  if (!details) return boinc;
  return {
    ...boinc,
    ranks: {
      credit: details.standing.creditRank,
      rac: details.standing.racRank,
      of: details.standing.listed,
      team: details.standing.team,
    },
    trophies: details.trophies.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      threshold: t.threshold,
      metal: t.metal,
      rule: t.rule,
      awardedAt: iso(t.awardedAt),
    })),
    contributions: details.galaxies.totals,
    galaxies: {
      page: details.galaxies.page,
      pageCount: details.galaxies.pageCount,
      rows: details.galaxies.rows.map((g) => ({
        id: g.galaxyId,
        name: g.name,
        status: g.status,
        workUnits: g.areaCount,
        pixels: g.pixelCount,
      })),
    },
    history: history(details.history),
    computers: details.computers.map((c) => ({ ...c, lastContact: c.lastContact && iso(c.lastContact) })),
  };
}

type Team = NonNullable<Awaited<ReturnType<typeof getTeam>>>;
type TeamDetails = Awaited<ReturnType<typeof getTeamDetails>>;

export function teamJson(team: Team, details: TeamDetails) {
  return {
    id: team.id,
    name: team.name,
    type: team.type,
    typeName: teamTypeName(team.type),
    country: team.country,
    founded: iso(team.createTime),
    founder: team.founder,
    description: team.description,
    url: team.url,
    totalCredit: team.totalCredit,
    rac: team.rac,
    memberCount: team.memberCount,
    ranks: { credit: details.creditRank, rac: details.racRank },
    members: {
      page: details.members.page,
      pageCount: details.members.pageCount,
      total: details.members.total,
      rows: details.members.members,
    },
    history: history(details.history),
  };
}

export function leaderboardJson(board: Leaderboard) {
  const { kind, by, q } = board.query;
  return {
    kind,
    by,
    ...(q ? { q } : {}),
    exportTime: board.exportTime ? iso(board.exportTime) : null,
    page: board.page,
    pageCount: board.pageCount,
    total: board.total,
    ...(board.marked !== null ? { marked: board.marked } : {}),
    rows: board.rows.map((r) => ({
      rank: r.rank,
      id: r.id,
      name: r.name,
      ...(kind === "countries" ? {} : { country: r.country }),
      ...(kind === "users" ? { team: r.team } : { [kind === "teams" ? "members" : "volunteers"]: r.members }),
      totalCredit: r.totalCredit,
      rac: r.rac,
    })),
  };
}

export function trophiesJson(trophies: readonly TrophyWithHolders[]) {
  return { trophies: trophies.map((t) => ({ ...t, holdersUrl: `/trophies/${t.id}` })) };
}

/**
 * Teams by total credit, RAC (ranked by `rac_order`, as volunteers are: leaderboard-users.ts) or
 * members, with a name search: the team leaderboard and the /teams directory. Team.memberCount is
 * the member count the statistics import wrote for the newest export.
 */
import type { Db } from "@/lib/db/client";
import { racFromOrder } from "./rac";
import { pageCountOf, type LeaderboardPage, type LeaderboardRow } from "./leaderboard-types";
import { countRows, listedPosition, listedRowAt, ranksFrom, type OrderedTable } from "./ranked-order";
import { searchTeams, type TeamMatch } from "./team-search";

export const TEAM_ORDERS = ["credit", "rac", "members"] as const;
export type TeamOrder = (typeof TEAM_ORDERS)[number];

const COLUMN = { credit: "total_credit", rac: "rac_order", members: "member_count" } as const;
const FIELD = { credit: "totalCredit", rac: "racOrder", members: "memberCount" } as const;

export interface TeamListQuery {
  by: TeamOrder;
  page: number;
  pageSize: number;
  q?: string;
  around?: number;
}

export interface TeamListRow extends LeaderboardRow {
  /** BOINC team type 1–12 */
  type: number;
}

export interface TeamListPage extends LeaderboardPage {
  rows: TeamListRow[];
}

const ROW = {
  id: true,
  name: true,
  type: true,
  country: true,
  totalCredit: true,
  racOrder: true,
  memberCount: true,
} as const;

type TeamRow = Omit<TeamMatch, "rank">;

export async function listTeams(db: Db, query: TeamListQuery, now: number): Promise<TeamListPage> {
  const t: OrderedTable = { table: "team", key: COLUMN[query.by] };
  const field = FIELD[query.by];
  const size = query.pageSize;
  const toRow = (team: TeamRow, rank: number): TeamListRow => ({
    rank,
    id: team.id,
    name: team.name,
    type: team.type,
    country: team.country,
    team: null,
    totalCredit: team.totalCredit,
    rac: racFromOrder(team.racOrder, now),
    members: team.memberCount,
  });

  if (query.q) {
    const found = await searchTeams(db, t.key, query.q, { skip: (query.page - 1) * size, take: size });
    return {
      page: query.page,
      pageCount: pageCountOf(found.total, size),
      total: found.total,
      rows: found.matches.map((m) => toRow(m, m.rank)),
      marked: null,
      aroundNotListed: false,
    };
  }

  let page = query.page;
  let marked: number | null = null;
  let aroundNotListed = false;
  if (query.around !== undefined) {
    const team = await db.team.findUnique({ where: { id: query.around }, select: ROW });
    if (team) {
      page = Math.floor((await listedPosition(db, t, { key: team[field], id: team.id }, [])) / size) + 1;
      marked = team.id;
    } else aroundNotListed = true;
  }
  const total = await countRows(db, t);
  const start = await listedRowAt(db, t, (page - 1) * size, []);
  const teams = start
    ? await db.team.findMany({
        where: { [field]: { lte: start.key }, NOT: { [field]: start.key, id: { lt: start.id } } },
        orderBy: [{ [field]: "desc" }, { id: "asc" }],
        take: size,
        select: ROW,
      })
    : [];
  const keys = teams.map((team) => team[field]);
  const ranks = start ? ranksFrom(start, keys, (page - 1) * size, []) : [];
  const rows = teams.map((team, i) => toRow(team, ranks[i]));
  return { page, pageCount: pageCountOf(total, size), total, rows, marked, aroundNotListed };
}

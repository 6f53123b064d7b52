/**
 * Volunteers by total credit or by RAC, listed volunteers only (listed.ts).
 *
 * RAC order: BOINC exports each volunteer's RAC as of their own expavg_time, so the stored
 * expavg_credit values do not compare (a volunteer idle for a month keeps last month's RAC).
 * Ranking by RAC decayed to one common time would do, but then every row must be decayed to it
 * first. The import stores `rac_order` = log2(RAC) + expavg_time / 7 days instead: RAC at any time T
 * is 2^(rac_order − T / 7 days), so one indexed column orders volunteers by RAC at every common
 * time at once, and stays right for anyone missing from the newest export. Pages show RAC decayed
 * to the moment they are shown, from the same number.
 */
import type { Db } from "@/lib/db/client";
import { racFromOrder } from "./rac";
import { hiddenUserKeys, listedUserSql } from "./listed";
import type { LeaderboardOrder, LeaderboardQuery } from "./leaderboard-params";
import { pageCountOf, type LeaderboardPage, type LeaderboardRow } from "./leaderboard-types";
import { searchByName } from "./name-search";
import { countRows, listedPosition, listedRowAt, ranksFrom, ranksOfKeys, type OrderedTable } from "./ranked-order";
import { userPageFrom, usersByIds, type UserRow } from "./user-rows";

const COLUMN = { credit: "total_credit", rac: "rac_order" } as const;

export function userOrder(by: LeaderboardOrder): OrderedTable & { key: "total_credit" | "rac_order" } {
  return { table: "boinc_user", key: COLUMN[by] };
}

function keyOf(u: { totalCredit: number; racOrder: number }, by: LeaderboardOrder): number {
  return by === "credit" ? u.totalCredit : u.racOrder;
}

export async function userLeaderboard(db: Db, query: LeaderboardQuery, now: number): Promise<LeaderboardPage> {
  const t = userOrder(query.by);
  const size = query.size;
  const hidden = await hiddenUserKeys(db, t.key);
  const toRow = (u: UserRow, rank: number): LeaderboardRow => ({
    rank,
    id: u.id,
    name: u.name,
    country: u.country,
    team: u.team,
    totalCredit: u.totalCredit,
    rac: racFromOrder(u.racOrder, now),
    members: null,
  });

  if (query.q) {
    const search = { table: "boinc_user", name: "name", key: t.key, id: "id", where: listedUserSql() } as const;
    const found = await searchByName<number>(db, search, query.q, { skip: (query.page - 1) * size, take: size });
    const users = await usersByIds(
      db,
      found.matches.map((m) => m.id),
    );
    const ranks = await ranksOfKeys(
      db,
      t,
      users.map((u) => keyOf(u, query.by)),
      hidden,
    );
    const rows = users.map((u, i) => toRow(u, ranks[i]));
    const pageCount = pageCountOf(found.total, size);
    return { page: query.page, pageCount, total: found.total, rows, marked: null, aroundNotListed: false };
  }

  let page = query.page;
  let marked: number | null = null;
  let aroundNotListed = false;
  if (query.around !== undefined) {
    const [u] = await usersByIds(db, [query.around]);
    if (u && !hidden.some((h) => h.id === u.id)) {
      page = Math.floor((await listedPosition(db, t, { key: keyOf(u, query.by), id: u.id }, hidden)) / size) + 1;
      marked = u.id;
    } else aroundNotListed = true;
  }
  const total = (await countRows(db, t)) - hidden.length;
  const first = (page - 1) * size;
  const start = await listedRowAt(db, t, first, hidden);
  const users = start ? await userPageFrom(db, t, start, size) : [];
  const ranks = start
    ? ranksFrom(
        start,
        users.map((u) => keyOf(u, query.by)),
        first,
        hidden,
      )
    : [];
  const rows = users.map((u, i) => toRow(u, ranks[i]));
  return { page, pageCount: pageCountOf(total, size), total, rows, marked, aroundNotListed };
}

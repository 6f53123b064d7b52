/**
 * Countries by their volunteers' total credit or RAC, from CountryTotal (written by each
 * statistics import: a few hundred rows, so they are ranked in memory). CountryTotal.rac is the
 * sum of RAC at the newest export's time; shown decayed to now like every RAC.
 */
import type { Db } from "@/lib/db/client";
import { decayRac } from "./rac";
import type { LeaderboardQuery } from "./leaderboard-params";
import { pageCountOf, type LeaderboardPage, type LeaderboardRow } from "./leaderboard-types";

export async function countryLeaderboard(
  db: Db,
  query: LeaderboardQuery,
  now: number,
  exportTime: number | null,
): Promise<LeaderboardPage> {
  const field = query.by === "credit" ? "totalCredit" : "rac";
  const all = await db.countryTotal.findMany({ orderBy: [{ [field]: "desc" }, { country: "asc" }] });
  const ranked: LeaderboardRow[] = [];
  for (const [i, c] of all.entries()) {
    const rank = i > 0 && c[field] === all[i - 1][field] ? ranked[i - 1].rank : i + 1;
    ranked.push({
      rank,
      id: c.country,
      name: c.country,
      country: c.country,
      team: null,
      totalCredit: c.totalCredit,
      rac: exportTime === null ? c.rac : decayRac(c.rac, exportTime, now),
      members: c.users,
    });
  }
  const needle = query.q?.toLowerCase();
  const matching = needle ? ranked.filter((r) => r.name.toLowerCase().includes(needle)) : ranked;
  const size = query.size;
  const rows = matching.slice((query.page - 1) * size, query.page * size);
  return {
    page: query.page,
    pageCount: pageCountOf(matching.length, size),
    total: matching.length,
    rows,
    marked: null,
    aroundNotListed: false,
  };
}

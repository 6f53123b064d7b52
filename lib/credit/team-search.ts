/**
 * The team name search of /teams and the team leaderboard: one page of matches with their
 * competition ranks among all teams, in one statement. The ranks are a window over every team
 * (5,000 in the 2012–13 survey, one pass of the key's index), where counting the teams above each
 * match took a statement per match, and the count of matches rides along on each row.
 */
import type { Db } from "@/lib/db/client";
import { likePattern } from "./name-search";
import { SqlParams, toNumber } from "./sql";

export interface TeamMatch {
  id: number;
  name: string;
  type: number;
  country: string;
  totalCredit: number;
  racOrder: number;
  memberCount: number;
  rank: number;
}

type Raw = {
  id: number;
  name: string;
  type: number;
  country: string;
  total_credit: number;
  rac_order: number;
  member_count: number;
  rnk: unknown;
  total: unknown;
};

/** Matches of `text` (name contains, any case), key descending then id, with ranks and the match count. */
export async function searchTeams(
  db: Db,
  key: "total_credit" | "rac_order" | "member_count",
  text: string,
  page: { skip: number; take: number },
): Promise<{ total: number; matches: TeamMatch[] }> {
  const q = new SqlParams(db);
  const ranked =
    `SELECT "id", "name", "type", "country", "total_credit", "rac_order", "member_count", ` +
    `RANK() OVER (ORDER BY "${key}" DESC) AS "rnk" FROM "team"`;
  const matching = `LOWER(r."name") LIKE ${q.add(likePattern(text))} ESCAPE '\\'`;
  const rows = await db.$queryRawUnsafe<Raw[]>(
    `SELECT r.*, COUNT(*) OVER () AS "total" FROM (${ranked}) r WHERE ${matching} ` +
      `ORDER BY r."${key}" DESC, r."id" ASC LIMIT ${q.add(page.take)} OFFSET ${q.add(page.skip)}`,
    ...q.values,
  );
  // A page past the last match has no row to carry the count.
  const total = rows.length ? toNumber(rows[0].total) : page.skip ? await countMatches(db, text) : 0;
  const matches = rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    type: Number(r.type),
    country: r.country,
    totalCredit: Number(r.total_credit),
    racOrder: Number(r.rac_order),
    memberCount: Number(r.member_count),
    rank: toNumber(r.rnk),
  }));
  return { total, matches };
}

async function countMatches(db: Db, text: string): Promise<number> {
  const q = new SqlParams(db);
  const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(
    `SELECT COUNT(*) AS n FROM "team" WHERE LOWER("name") LIKE ${q.add(likePattern(text))} ESCAPE '\\'`,
    ...q.values,
  );
  return toNumber(row.n);
}

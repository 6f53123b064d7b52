/**
 * Volunteer rows of the leaderboards, with their team's name, in one statement: a page from a
 * row found by position (ranked-order.ts), or the rows of a search's matches.
 */
import type { Db } from "@/lib/db/client";
import { listedUserSql } from "./listed";
import type { FoundRow, OrderedTable } from "./ranked-order";
import { placeholder, placeholders } from "./sql";

export interface UserRow {
  id: number;
  name: string;
  country: string;
  totalCredit: number;
  racOrder: number;
  team: { id: number; name: string } | null;
}

interface RawUserRow {
  id: number;
  name: string;
  country: string;
  total_credit: number;
  rac_order: number;
  team_id: number | null;
  team_name: string | null;
}

const SELECT =
  `SELECT u."id", u."name", u."country", u."total_credit", u."rac_order", t."id" AS team_id, t."name" AS team_name ` +
  `FROM "boinc_user" u LEFT JOIN "team" t ON t."id" = u."team_id"`;

function toUserRow(r: RawUserRow): UserRow {
  return {
    id: Number(r.id),
    name: r.name,
    country: r.country,
    totalCredit: Number(r.total_credit),
    racOrder: Number(r.rac_order),
    team: r.team_id === null ? null : { id: Number(r.team_id), name: r.team_name ?? "" },
  };
}

/** Up to `take` listed volunteers from `start` on, in list order. */
export async function userPageFrom(db: Db, t: OrderedTable, start: FoundRow, take: number): Promise<UserRow[]> {
  const k = `u."${t.key}"`;
  const p = (n: number) => placeholder(db, n);
  const rows = await db.$queryRawUnsafe<RawUserRow[]>(
    `${SELECT} WHERE ${k} <= ${p(1)} AND NOT (${k} = ${p(2)} AND u."id" < ${p(3)}) AND ${listedUserSql(`u."id"`)} ` +
      `ORDER BY ${k} DESC, u."id" ASC LIMIT ${p(4)}`,
    start.key,
    start.key,
    start.id,
    take,
  );
  return rows.map(toUserRow);
}

/** The volunteers with these ids, in the order of the ids. */
export async function usersByIds(db: Db, ids: readonly number[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRawUnsafe<RawUserRow[]>(
    `${SELECT} WHERE u."id" IN (${placeholders(db, ids.length)})`,
    ...ids,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), toUserRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

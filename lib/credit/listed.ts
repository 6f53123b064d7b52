/**
 * Who appears in public lists. A volunteer whose portal account asks to be left out of lists
 * (Account.hideFromLists) is in no leaderboard, team roster or trophy-holder list, and has no
 * rank: ranks count listed volunteers only, so the numbers have no gaps that would give a hidden
 * volunteer away. They are few (an account setting), so they are read whole and subtracted from
 * counts made over the indexes of every volunteer.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

/** A Prisma filter keeping listed volunteers only. */
export const LISTED_USER: Prisma.BoincUserWhereInput = { NOT: { account: { is: { hideFromLists: true } } } };

/** The same in SQL, for the volunteer table's `id` column (or `alias.id`). */
export function listedUserSql(idColumn = `"id"`): string {
  return `${idColumn} NOT IN (SELECT "boinc_user_id" FROM "account" WHERE "hide_from_lists" = TRUE AND "boinc_user_id" IS NOT NULL)`;
}

/** A hidden volunteer's position in an order: the order's key (credit, RAC order) and id. */
export interface HiddenKey {
  id: number;
  key: number;
}

export type UserKeyColumn = "total_credit" | "rac_order";

/** Hidden volunteers with their key, in list order (key descending, id ascending). */
export async function hiddenUserKeys(db: Db, column: UserKeyColumn): Promise<HiddenKey[]> {
  return hiddenKeysBy(await hiddenUsers(db), column);
}

export interface HiddenUser {
  id: number;
  totalCredit: number;
  racOrder: number;
  teamId: number | null;
}

export async function hiddenUsers(db: Db): Promise<HiddenUser[]> {
  const rows = await db.$queryRawUnsafe<{ id: number; c: number; r: number; t: number | null }[]>(
    `SELECT u."id" AS id, u."total_credit" AS c, u."rac_order" AS r, u."team_id" AS t FROM "account" a ` +
      `JOIN "boinc_user" u ON u."id" = a."boinc_user_id" WHERE a."hide_from_lists" = TRUE`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    totalCredit: Number(r.c),
    racOrder: Number(r.r),
    teamId: r.t === null ? null : Number(r.t),
  }));
}

export function hiddenKeysBy(hidden: readonly HiddenUser[], column: UserKeyColumn): HiddenKey[] {
  return hidden
    .map((u) => ({ id: u.id, key: column === "total_credit" ? u.totalCredit : u.racOrder }))
    .sort((a, b) => b.key - a.key || a.id - b.id);
}

/** How many of `hidden` come before the row (key, id) in list order; with no id, before every row of that key. */
export function hiddenBefore(hidden: readonly HiddenKey[], key: number, id = 0): number {
  let n = 0;
  for (const h of hidden) if (h.key > key || (h.key === key && h.id < id)) n++;
  return n;
}

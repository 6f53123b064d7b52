/**
 * Who may have scored in a challenge: for an open one, every volunteer with a snapshot or a team
 * change inside the window; otherwise the teams' current members and everyone who joined or left
 * one of them since time zero (a member at time zero who left since has a leave row).
 */
import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/credit/sql";
import { BoundParams, chunks } from "./raw-sql";

type Row = Record<string, unknown>;

export async function candidateVolunteers(db: Db, teamIds: readonly number[] | "all", from: Date, to: Date) {
  const ids = new Set<number>();
  const add = (rows: Row[]) => rows.forEach((r) => ids.add(toNumber(r.user_id)));
  if (teamIds === "all") {
    const p = new BoundParams(db);
    const inWindow = () => `"time" > ${p.time(from)} AND "time" <= ${p.time(to)}`;
    const sql =
      `SELECT DISTINCT "user_id" FROM "user_credit_snapshot" WHERE ${inWindow()} ` +
      `UNION SELECT "user_id" FROM "team_delta" WHERE ${inWindow()}`;
    add(await db.$queryRawUnsafe<Row[]>(sql, ...p.values));
  } else {
    for (const teams of chunks(teamIds)) {
      const p = new BoundParams(db);
      const sql =
        `SELECT "id" AS "user_id" FROM "boinc_user" WHERE "team_id" IN (${p.list(teams)}) ` +
        `UNION SELECT "user_id" FROM "team_delta" WHERE "team_id" IN (${p.list(teams)}) AND "time" > ${p.time(from)}`;
      add(await db.$queryRawUnsafe<Row[]>(sql, ...p.values));
    }
  }
  return [...ids].sort((a, b) => a - b);
}

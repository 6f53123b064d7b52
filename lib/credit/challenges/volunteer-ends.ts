/**
 * The two ends of each volunteer's credit inside a challenge window: the last snapshot at or
 * before time zero and the last at or before the newest export counted, for the volunteers with a
 * snapshot inside the window, with their team_delta rows there. A volunteer who stayed in one team
 * scored the difference, whatever the window's length: two rows instead of one per export.
 */
import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/credit/sql";
import { deltaSteps } from "./histories";
import { BoundParams, chunks, toMs } from "./raw-sql";
import type { CreditStep } from "./scoring";

export interface VolunteerEnds {
  userId: number;
  baseline: { credit: number; teamId: number | null } | null;
  end: { time: number; credit: number; teamId: number | null };
}

type Row = Record<string, unknown>;
const team = (value: unknown) => (value === null ? null : toNumber(value));

export async function* volunteerEnds(
  db: Db,
  userIds: readonly number[],
  from: Date,
  to: Date,
): AsyncGenerator<{ ends: VolunteerEnds[]; deltas: Map<number, CreditStep[]> }> {
  for (const chunk of chunks(userIds)) {
    const p = new BoundParams(db);
    const last = (alias: string, at: Date) =>
      `${alias}."user_id" = u."id" AND ${alias}."time" = (SELECT MAX(q."time") FROM "user_credit_snapshot" q ` +
      `WHERE q."user_id" = u."id" AND q."time" <= ${p.time(at)})`;
    const sql =
      `SELECT u."id", b."total_credit" AS "base_credit", b."team_id" AS "base_team", b."user_id" AS "base_user", ` +
      `e."time", e."total_credit", e."team_id" FROM "boinc_user" u ` +
      // The end first: volunteers without a snapshot inside the window drop out before the baseline.
      `JOIN "user_credit_snapshot" e ON ${last("e", to)} ` +
      `LEFT JOIN "user_credit_snapshot" b ON ${last("b", from)} ` +
      `WHERE e."time" > ${p.time(from)} AND u."id" IN (${p.list(chunk)})`;
    const rows = await db.$queryRawUnsafe<Row[]>(sql, ...p.values);
    const ends = rows.map((r) => ({
      userId: toNumber(r.id),
      baseline: r.base_user === null ? null : { credit: Number(r.base_credit), teamId: team(r.base_team) },
      end: { time: toMs(r.time), credit: Number(r.total_credit), teamId: team(r.team_id) },
    }));
    yield { ends, deltas: await deltaSteps(db, chunk, from, to) };
  }
}

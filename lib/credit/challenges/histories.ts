/**
 * Reads volunteers' whole credit histories around a challenge window, a chunk of volunteers at a
 * time: their snapshots and team_delta rows inside the window and their last snapshot at time
 * zero. Raw SQL that runs on SQLite and PostgreSQL alike: one indexed statement per chunk instead
 * of a Prisma query per volunteer.
 */
import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/credit/sql";
import { BoundParams, chunks, toMs } from "./raw-sql";
import type { CreditStep, VolunteerHistory } from "./scoring";

type Row = Record<string, unknown>;

/** The histories of `userIds` with at least one step in (from, to], a chunk at a time. */
export async function* volunteerHistories(
  db: Db,
  userIds: readonly number[],
  from: Date,
  to: Date,
): AsyncGenerator<VolunteerHistory[]> {
  for (const chunk of chunks(userIds)) {
    const steps = await windowSteps(db, chunk, from, to);
    if (steps.size === 0) continue;
    const baselines = await baselineSnapshots(db, [...steps.keys()], from);
    yield [...steps].map(([userId, s]) => ({ userId, baseline: baselines.get(userId) ?? null, steps: s }));
  }
}

const stepsIn = async (db: Db, columns: string, table: string, userIds: readonly number[], from: Date, to: Date) => {
  const p = new BoundParams(db);
  const where = `"user_id" IN (${p.list(userIds)}) AND "time" > ${p.time(from)} AND "time" <= ${p.time(to)}`;
  return db.$queryRawUnsafe<Row[]>(`SELECT ${columns} FROM "${table}" WHERE ${where}`, ...p.values);
};

function push(byUser: Map<number, CreditStep[]>, userId: number, step: CreditStep) {
  const list = byUser.get(userId);
  if (list) list.push(step);
  else byUser.set(userId, [step]);
}

/** The team_delta rows of `userIds` in (from, to], as steps by volunteer. */
export async function deltaSteps(
  db: Db,
  userIds: readonly number[],
  from: Date,
  to: Date,
  into = new Map<number, CreditStep[]>(),
) {
  const rows = await stepsIn(
    db,
    `"user_id", "time", "total_credit", "team_id", "joining"`,
    "team_delta",
    userIds,
    from,
    to,
  );
  for (const r of rows)
    push(into, toNumber(r.user_id), {
      time: toMs(r.time),
      kind: r.joining === true || Number(r.joining) === 1 ? "join" : "leave",
      credit: Number(r.total_credit),
      teamId: toNumber(r.team_id),
    });
  return into;
}

async function windowSteps(db: Db, userIds: number[], from: Date, to: Date): Promise<Map<number, CreditStep[]>> {
  const byUser = new Map<number, CreditStep[]>();
  const rows = await stepsIn(
    db,
    `"user_id", "time", "total_credit", "team_id"`,
    "user_credit_snapshot",
    userIds,
    from,
    to,
  );
  for (const r of rows)
    push(byUser, toNumber(r.user_id), {
      time: toMs(r.time),
      kind: "snapshot",
      credit: Number(r.total_credit),
      teamId: r.team_id === null ? null : toNumber(r.team_id),
    });
  return deltaSteps(db, userIds, from, to, byUser);
}

/** Each volunteer's last snapshot at or before `at` (one index seek per volunteer). */
async function baselineSnapshots(db: Db, userIds: number[], at: Date) {
  const p = new BoundParams(db);
  const sql =
    `SELECT s."user_id", s."total_credit", s."team_id" FROM "boinc_user" u JOIN "user_credit_snapshot" s ` +
    `ON s."user_id" = u."id" AND s."time" = (SELECT MAX(q."time") FROM "user_credit_snapshot" q ` +
    `WHERE q."user_id" = u."id" AND q."time" <= ${p.time(at)}) WHERE u."id" IN (${p.list(userIds)})`;
  const rows = await db.$queryRawUnsafe<Row[]>(sql, ...p.values);
  return new Map(
    rows.map((r) => [
      toNumber(r.user_id),
      { credit: Number(r.total_credit), teamId: r.team_id === null ? null : toNumber(r.team_id) },
    ]),
  );
}

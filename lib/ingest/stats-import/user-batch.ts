/**
 * Stores one batch of users of an export: looks up what the database already holds for them (their
 * team, their latest snapshot before the export time), then writes the user rows, the snapshots of
 * the users whose credit or team changed, and the team deltas of the users who changed team — four
 * statements for a few hundred users.
 */
import type { BoincUserRecord } from "@/lib/ingest/boinc-stats";
import { TEAM_DELTA_TABLE, USER_SNAPSHOT_TABLE, USER_TABLE, pushUserRow } from "./credit-rows";
import type { ImportTarget } from "./import-target";
import type { SqlDialect, SqlLiteral } from "./sql-dialect";
import type { ImportMode } from "./types";

export interface UserBatchContext {
  /** Reads the stored users; takes the rows (the tables themselves, or staging). */
  target: ImportTarget;
  dialect: SqlDialect;
  mode: ImportMode;
  /** Export time, Unix seconds, bound for the dialect, and as SQL text. */
  exportTimeValue: unknown;
  exportTimeLiteral: SqlLiteral;
  updatedAtLiteral: SqlLiteral;
  /**
   * An earlier export was imported: a user seen for the first time in a team joined it since
   * (on the first import nobody's join time is known, so no deltas are invented).
   */
  hasEarlierImport: boolean;
  /** False when the user table was empty when the import began: nothing to look up. */
  anyUserStored: boolean;
  /** Users whose team changes the source logged at their real times (BOINC's team_delta): not guessed here. */
  loggedTeamChanges: ReadonlySet<number>;
}

export interface UserToStore {
  record: BoincUserRecord;
  /** The record's team when team.gz has it, else null. */
  teamId: number | null;
  /** RAC decayed to the export time. */
  rac: number;
}

export interface UserBatchResult {
  userSnapshots: number;
  teamDeltas: number;
}

interface StoredUser {
  teamId: number | null;
  snapshot: { totalCredit: number; teamId: number | null } | null;
}

export async function storeUserBatch(ctx: UserBatchContext, users: readonly UserToStore[]): Promise<UserBatchResult> {
  if (users.length === 0) return { userSnapshots: 0, teamDeltas: 0 };
  const { target, dialect } = ctx;
  const stored = ctx.anyUserStored ? await lookUpUsers(ctx, users) : new Map<number, StoredUser>();
  const userValues: unknown[] = [];
  const snapshotValues: unknown[] = [];
  const deltaValues: unknown[] = [];
  for (const { record: u, teamId, rac } of users) {
    pushUserRow(userValues, dialect, u, teamId, ctx.updatedAtLiteral);
    const before = stored.get(u.id);
    const snapshot = before?.snapshot;
    // Unchanged credit and team: the previous snapshot still holds (charts carry it forward, and
    // RAC without new credit is exactly that snapshot's RAC decayed).
    if (!snapshot || snapshot.totalCredit !== u.totalCredit || snapshot.teamId !== teamId) {
      snapshotValues.push(u.id, ctx.exportTimeLiteral, u.totalCredit, rac, teamId);
    }
    if (ctx.mode !== "current") continue;
    const oldTeam = before ? before.teamId : null;
    if (oldTeam === teamId || (!before && !ctx.hasEarlierImport) || ctx.loggedTeamChanges.has(u.id)) continue;
    if (oldTeam !== null) deltaValues.push(u.id, oldTeam, ctx.exportTimeLiteral, false, u.totalCredit);
    if (teamId !== null) deltaValues.push(u.id, teamId, ctx.exportTimeLiteral, true, u.totalCredit);
  }
  // Users first: snapshots and deltas reference them.
  await target.write(USER_TABLE, userValues, ctx.mode === "current" ? "update" : "ignore");
  const userSnapshots = await target.write(USER_SNAPSHOT_TABLE, snapshotValues, "ignore");
  const teamDeltas = await target.write(TEAM_DELTA_TABLE, deltaValues, "ignore");
  return { userSnapshots, teamDeltas };
}

const lookupCache = new Map<string, string>();

function lookupStatement(dialect: SqlDialect, count: number): string {
  const cacheKey = `${dialect.provider}|${count}`;
  let sql = lookupCache.get(cacheKey);
  if (sql) return sql;
  const ids = Array.from({ length: count }, (_, i) => dialect.placeholder(i + 1)).join(", ");
  sql =
    `SELECT u."id" AS id, u."team_id" AS team_id, s."user_id" AS snap_user, s."total_credit" AS snap_credit, s."team_id" AS snap_team ` +
    `FROM "boinc_user" u LEFT JOIN "user_credit_snapshot" s ON s."user_id" = u."id" AND s."time" = ` +
    `(SELECT MAX(p."time") FROM "user_credit_snapshot" p WHERE p."user_id" = u."id" AND p."time" < ${dialect.placeholder(0)}) ` +
    `WHERE u."id" IN (${ids})`;
  if (lookupCache.size > 50) lookupCache.clear();
  lookupCache.set(cacheKey, sql);
  return sql;
}

interface LookupRow {
  id: number;
  team_id: number | null;
  snap_user: number | null;
  snap_credit: number | null;
  snap_team: number | null;
}

async function lookUpUsers(ctx: UserBatchContext, users: readonly UserToStore[]): Promise<Map<number, StoredUser>> {
  const found = new Map<number, StoredUser>();
  // The batch is far below every parameter limit (one id per user).
  const rows = await ctx.target.reader.$queryRawUnsafe<LookupRow[]>(
    lookupStatement(ctx.dialect, users.length),
    ctx.exportTimeValue,
    ...users.map((u) => u.record.id),
  );
  for (const row of rows) {
    found.set(Number(row.id), {
      teamId: row.team_id === null ? null : Number(row.team_id),
      snapshot:
        row.snap_user === null
          ? null
          : { totalCredit: Number(row.snap_credit), teamId: row.snap_team === null ? null : Number(row.snap_team) },
    });
  }
  return found;
}

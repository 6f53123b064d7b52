/**
 * From export records to table rows: the column lists of the tables the import writes, RAC decayed
 * to the export time, and the checks a record must pass before it can be stored (the reader has
 * already checked that the fields are numbers; the database adds 32-bit ids and a date range).
 */
import { decayRac, racOrder } from "@/lib/credit/rac";
import type { BoincHostRecord, BoincTeamRecord, BoincUserRecord } from "@/lib/ingest/boinc-stats";
import type { TableShape } from "./batch-insert";
import type { SqlDialect } from "./sql-dialect";

export const TEAM_TABLE: TableShape = {
  table: "team",
  columns: [
    "id",
    "name",
    "name_html",
    "type",
    "founder_id",
    "founder_name",
    "country",
    "url",
    "description",
    "create_time",
    "total_credit",
    "expavg_credit",
    "expavg_time",
    "rac_order",
    "updated_at",
  ],
  key: ["id"],
  bookkeeping: ["updated_at"],
};

export const USER_TABLE: TableShape = {
  table: "boinc_user",
  columns: [
    "id",
    "name",
    "country",
    "url",
    "create_time",
    "total_credit",
    "expavg_credit",
    "expavg_time",
    "rac_order",
    "cpid",
    "has_profile",
    "team_id",
    "updated_at",
  ],
  key: ["id"],
  bookkeeping: ["updated_at"],
};

export const USER_SNAPSHOT_TABLE: TableShape = {
  table: "user_credit_snapshot",
  columns: ["user_id", "time", "total_credit", "expavg_credit", "team_id"],
  key: ["user_id", "time"],
};

export const TEAM_SNAPSHOT_TABLE: TableShape = {
  table: "team_credit_snapshot",
  columns: ["team_id", "time", "total_credit", "expavg_credit", "member_count"],
  key: ["team_id", "time"],
};

export const TEAM_DELTA_TABLE: TableShape = {
  table: "team_delta",
  columns: ["user_id", "team_id", "time", "joining", "total_credit"],
  key: ["user_id", "team_id", "time", "joining"],
};

/** BOINCstats (and BCS) show RAC below this as 0 once decayed. */
export const RAC_ZERO_BELOW = 0.009;

/** RAC exported "as of expavgTime", decayed to the export time by BOINC's formula. */
export function racAtExport(rac: number, racTime: number, exportTime: number): number {
  const decayed = decayRac(rac, racTime, exportTime);
  return decayed < RAC_ZERO_BELOW ? 0 : decayed;
}

const MAX_INT32 = 2_147_483_647;
// 9999-12-31T23:59:59Z: DateTimes are written as four-digit-year ISO text.
const MAX_UNIX_SECONDS = 253_402_300_799;

/** Why a user record cannot be stored, or null when it can. */
export function userProblem(u: BoincUserRecord): string | null {
  if (u.id > MAX_INT32) return `<user> id ${u.id} is beyond the 32-bit ids the database holds`;
  if (u.createTime > MAX_UNIX_SECONDS) return `<user> ${u.id} with <create_time> out of range`;
  return null;
}

export function teamProblem(t: BoincTeamRecord): string | null {
  if (t.id > MAX_INT32) return `<team> id ${t.id} is beyond the 32-bit ids the database holds`;
  if (t.createTime > MAX_UNIX_SECONDS) return `<team> ${t.id} with <create_time> out of range`;
  if (Math.abs(t.type) > MAX_INT32 || Math.abs(t.founderId) > MAX_INT32)
    return `<team> ${t.id} with <type> or <userid> out of range`;
  return null;
}

/** PostgreSQL text cannot hold NUL; XML can carry it as a character reference. */
function text(value: string | null): string {
  if (value === null) return "";
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

export function pushTeamRow(values: unknown[], d: SqlDialect, t: BoincTeamRecord, updatedAt: unknown): void {
  values.push(
    t.id,
    text(t.name),
    text(t.nameHtml),
    t.type,
    t.founderId > 0 ? t.founderId : null,
    text(t.founderName),
    text(t.country),
    text(t.url),
    text(t.description),
    d.dateTimeLiteral(new Date(t.createTime * 1000)),
    t.totalCredit,
    t.expavgCredit,
    t.expavgTime,
    racOrder(t.expavgCredit, t.expavgTime),
    updatedAt,
  );
}

export function pushUserRow(
  values: unknown[],
  d: SqlDialect,
  u: BoincUserRecord,
  teamId: number | null,
  updatedAt: unknown,
): void {
  values.push(
    u.id,
    text(u.name),
    text(u.country),
    text(u.url),
    d.dateTimeLiteral(new Date(u.createTime * 1000)),
    u.totalCredit,
    u.expavgCredit,
    u.expavgTime,
    racOrder(u.expavgCredit, u.expavgTime),
    text(u.cpid),
    u.hasProfile,
    teamId,
    updatedAt,
  );
}

export const HOST_TABLE: TableShape = {
  table: "host",
  columns: [
    "id",
    "user_id",
    "create_time",
    "rpc_time",
    "total_credit",
    "expavg_credit",
    "expavg_time",
    "cpu_count",
    "cpu_vendor",
    "cpu_model",
    "p_fpops",
    "os_name",
    "os_version",
    "updated_at",
  ],
  key: ["id"],
  bookkeeping: ["updated_at"],
};

export function hostProblem(h: BoincHostRecord): string | null {
  if (h.id > MAX_INT32) return `<host> id ${h.id} is beyond the 32-bit ids the database holds`;
  if (h.createTime > MAX_UNIX_SECONDS || (h.rpcTime ?? 0) > MAX_UNIX_SECONDS)
    return `<host> ${h.id} with <create_time> or <rpc_time> out of range`;
  if (h.cpuCount > MAX_INT32) return `<host> ${h.id} with <ncpus> out of range`;
  return null;
}

/** `ownerId`: the host's user when that user is stored, else null (the owner hides their hosts). */
export function pushHostRow(
  values: unknown[],
  d: SqlDialect,
  h: BoincHostRecord,
  ownerId: number | null,
  updatedAt: unknown,
): void {
  values.push(
    h.id,
    ownerId,
    d.dateTimeLiteral(new Date(h.createTime * 1000)),
    h.rpcTime ? d.dateTimeLiteral(new Date(h.rpcTime * 1000)) : null,
    h.totalCredit,
    h.expavgCredit,
    h.expavgTime,
    h.cpuCount,
    text(h.cpuVendor),
    text(h.cpuModel),
    h.pFpops,
    text(h.osName),
    text(h.osVersion),
    updatedAt,
  );
}

/**
 * A BOINC project's own MySQL/MariaDB database as a CreditSource: the `user`, `team`, `host` and
 * `team_delta` tables read directly (read-only), as the original POGS site did, so standings can be
 * updated hourly rather than with the daily export. It gives exactly what db_dump would export at
 * this moment (users, teams and hosts with credit; a host's owner only when they show their
 * computers), so the import stores the same rows as from an export, and BOINC's real team changes.
 *
 * BOINC's tables are usually Latin-1 columns holding UTF-8 bytes: every text is read back through
 * repairBoincText, as the export's are.
 */
import mysql, { type Connection as StreamingConnection, type RowDataPacket } from "mysql2";
import type { Connection } from "mysql2/promise";
import type { BoincHostRecord, BoincTables, BoincTeamRecord, BoincUserRecord } from "@/lib/ingest/boinc-stats";
import { emptyTextRepairCounts, repairBoincTextOutcome } from "@/lib/ingest/boinc-stats/boinc-text";
import { ExportLocationError } from "./export-files";
import type { CreditSource, RecordSource, TeamChangeRow } from "./types";

export function isBoincDatabaseUrl(location: string): boolean {
  return /^(mysql|mariadb):\/\//i.test(location);
}

type Phase = "teams" | "users" | "hosts";

const QUERIES: Record<Phase, string> = {
  teams:
    "SELECT t.id, t.type, t.name, t.userid, t.total_credit, t.expavg_credit, t.expavg_time, t.create_time, " +
    "t.url, t.name_html, t.description, t.country, u.name AS founder_name " +
    "FROM team t LEFT JOIN user u ON u.id = t.userid WHERE t.total_credit > 0 ORDER BY t.id",
  users:
    "SELECT id, name, create_time, total_credit, expavg_credit, expavg_time, " +
    "MD5(CONCAT(cross_project_id, email_addr)) AS cpid, country, url, teamid, has_profile " +
    "FROM user WHERE total_credit > 0 AND (authenticator IS NULL OR authenticator NOT LIKE 'deleted%') ORDER BY id",
  hosts:
    "SELECT h.id, IF(u.show_hosts <> 0 AND u.total_credit > 0, h.userid, 0) AS userid, h.create_time, h.rpc_time, " +
    "h.total_credit, h.expavg_credit, h.expavg_time, h.p_ncpus, h.p_vendor, h.p_model, h.p_fpops, h.os_name, " +
    "h.os_version FROM host h LEFT JOIN user u ON u.id = h.userid WHERE h.total_credit > 0 ORDER BY h.id",
};

const COUNTS: Record<Phase, string> = {
  teams: "SELECT COUNT(*) AS n FROM team WHERE total_credit > 0",
  users:
    "SELECT COUNT(*) AS n FROM user WHERE total_credit > 0 AND (authenticator IS NULL OR authenticator NOT LIKE 'deleted%')",
  hosts: "SELECT COUNT(*) AS n FROM host WHERE total_credit > 0",
};

/** The database URL without its password, as recorded with the import. */
function safeLocation(url: URL): string {
  const copy = new URL(url.href);
  copy.password = "";
  return copy.href;
}

export async function boincDatabaseSource(location: string, options: { now?: Date } = {}): Promise<CreditSource> {
  const url = new URL(location.replace(/^mariadb:/i, "mysql:"));
  let streaming: StreamingConnection;
  let connection: Connection;
  try {
    // utf8mb4 on the wire: Latin-1 columns arrive as the characters of their bytes, which the
    // repair turns back into the UTF-8 text BOINC stored in them.
    streaming = mysql.createConnection({ uri: url.href, charset: "utf8mb4", supportBigNumbers: true });
    connection = streaming.promise();
    await connection.connect();
  } catch (error) {
    throw new ExportLocationError(`cannot connect to ${safeLocation(url)}: ${(error as Error).message}`);
  }
  try {
    const totals = await count(connection);
    const time = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const tables: BoincTables = {
      updateTime: time,
      creditByApp: false,
      nusersTotal: totals.allUsers,
      nteamsTotal: totals.allTeams,
      nhostsTotal: totals.allHosts,
      nusersDeletedTotal: 0,
      nhostsDeletedTotal: 0,
      totalCredit: totals.credit,
      applications: [],
      badges: [],
    };
    const read: Record<Phase, number> = { teams: 0, users: 0, hosts: 0 };
    const rows = <T>(phase: Phase, build: (r: RowDataPacket, text: Text) => T) =>
      tableRecords(streaming, QUERIES[phase], build, () => read[phase]++);
    return {
      location: safeLocation(url),
      tables,
      names: { teams: "team table", users: "user table", hosts: "host table" },
      teams: () => rows("teams", teamRecord),
      users: () => rows("users", userRecord),
      hosts: () => rows("hosts", hostRecord),
      position: (phase) => ({ done: read[phase], total: totals.rows[phase] }),
      teamChanges: (after, until) => teamChanges(connection, after, until),
      close: () => connection.end(),
    };
  } catch (error) {
    await connection.end().catch(() => undefined);
    if ((error as { sqlMessage?: string }).sqlMessage)
      throw new ExportLocationError(`${safeLocation(url)} is not a BOINC database: ${(error as Error).message}`);
    throw error;
  }
}

async function count(connection: Connection) {
  const one = async (sql: string) => Number(((await connection.query<RowDataPacket[]>(sql))[0][0] as { n: number }).n);
  return {
    allUsers: await one("SELECT COUNT(*) AS n FROM user"),
    allTeams: await one("SELECT COUNT(*) AS n FROM team"),
    allHosts: await one("SELECT COUNT(*) AS n FROM host"),
    // As db_dump prints it in tables.xml (%f), so both sources record the same total.
    credit: Number((await one("SELECT COALESCE(SUM(total_credit), 0) AS n FROM user")).toFixed(6)),
    rows: { teams: await one(COUNTS.teams), users: await one(COUNTS.users), hosts: await one(COUNTS.hosts) },
  };
}

/** Text of a column: repaired, counted; empty and NULL as null (BOINC leaves empty values out). */
type Text = (value: unknown) => string | null;

function tableRecords<T>(
  connection: StreamingConnection,
  sql: string,
  build: (row: RowDataPacket, text: Text) => T,
  onRow: () => void,
): RecordSource<T> {
  const texts = emptyTextRepairCounts();
  const text: Text = (value) => {
    if (value === null || value === undefined || String(value).trim() === "") return null;
    const { text: repaired, outcome } = repairBoincTextOutcome(String(value));
    if (outcome === "repaired") texts.repaired++;
    if (outcome === "latin1") {
      texts.latin1++;
      if (texts.latin1Examples.length < 5) texts.latin1Examples.push(repaired.slice(0, 40));
    }
    return repaired;
  };
  return {
    skipped: { count: 0, examples: [] },
    texts,
    async *[Symbol.asyncIterator]() {
      // Streamed row by row: a million users never sit in memory.
      const stream = connection.query(sql).stream({ highWaterMark: 500 });
      for await (const row of stream as AsyncIterable<RowDataPacket>) {
        onRow();
        yield build(row, text);
      }
    },
  };
}

const num = (v: unknown) => Number(v ?? 0);

function teamRecord(r: RowDataPacket, text: Text): BoincTeamRecord {
  return {
    id: num(r.id),
    type: num(r.type),
    name: text(r.name) ?? "",
    founderId: num(r.userid),
    totalCredit: num(r.total_credit),
    expavgCredit: num(r.expavg_credit),
    expavgTime: num(r.expavg_time),
    founderName: text(r.founder_name),
    createTime: num(r.create_time),
    url: text(r.url),
    nameHtml: text(r.name_html),
    description: text(r.description),
    country: text(r.country),
  };
}

function userRecord(r: RowDataPacket, text: Text): BoincUserRecord {
  return {
    id: num(r.id),
    name: text(r.name) ?? "",
    createTime: num(r.create_time),
    totalCredit: num(r.total_credit),
    expavgCredit: num(r.expavg_credit),
    expavgTime: num(r.expavg_time),
    cpid: String(r.cpid ?? ""),
    country: text(r.country),
    url: text(r.url),
    teamId: num(r.teamid) > 0 ? num(r.teamid) : null,
    hasProfile: num(r.has_profile) !== 0,
  };
}

function hostRecord(r: RowDataPacket, text: Text): BoincHostRecord {
  return {
    id: num(r.id),
    userId: num(r.userid) > 0 ? num(r.userid) : null,
    createTime: num(r.create_time),
    rpcTime: num(r.rpc_time) > 0 ? num(r.rpc_time) : null,
    totalCredit: num(r.total_credit),
    expavgCredit: num(r.expavg_credit),
    expavgTime: num(r.expavg_time),
    cpuCount: num(r.p_ncpus),
    cpuVendor: text(r.p_vendor),
    cpuModel: text(r.p_model),
    pFpops: num(r.p_fpops),
    osName: text(r.os_name),
    osVersion: text(r.os_version),
  };
}

async function teamChanges(connection: Connection, after: number, until: number): Promise<TeamChangeRow[]> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT userid, teamid, timestamp, joining, total_credit FROM team_delta " +
      "WHERE timestamp > ? AND timestamp <= ? ORDER BY timestamp, userid",
    [after, until],
  );
  return rows.map((r) => ({
    userId: num(r.userid),
    teamId: num(r.teamid),
    time: num(r.timestamp),
    joining: num(r.joining) !== 0,
    totalCredit: num(r.total_credit),
  }));
}

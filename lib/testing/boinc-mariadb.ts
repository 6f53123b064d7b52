// A BOINC project's database for tests and benches: a fresh database on the MariaDB server given by
// POGS_TEST_MYSQL_URL (CI and developers' machines run one), loaded with BOINC's own schema.sql and
// constraints.sql (../shared/fixtures/boinc) and filled with users, teams, hosts and team changes
// as BOINC stores them: in Latin-1 columns, UTF-8 names as their bytes (the usual case), or in
// utf8mb4 columns.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { SHARED_DIR } from "./shared-dir";

const SCHEMA_DIR = path.join(SHARED_DIR, "fixtures/boinc");

export const testMysqlUrl = process.env.POGS_TEST_MYSQL_URL;
export const hasBoincSchema = existsSync(path.join(SCHEMA_DIR, "schema.sql"));

export interface BoincDbUser {
  id: number;
  name: string;
  createTime: number;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  teamId: number;
  country: string;
  url: string;
  showHosts: boolean;
  hasProfile: boolean;
  emailAddr: string;
  crossProjectId: string;
}

export interface BoincDbTeam {
  id: number;
  name: string;
  founderId: number;
  type: number;
  createTime: number;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  country: string;
  url: string;
  description: string;
}

export interface BoincDbHost {
  id: number;
  userId: number;
  createTime: number;
  rpcTime: number;
  totalCredit: number;
  expavgCredit: number;
  expavgTime: number;
  cpuCount: number;
  cpuVendor: string;
  cpuModel: string;
  pFpops: number;
  osName: string;
  osVersion: string;
}

export interface BoincDbTeamDelta {
  userId: number;
  teamId: number;
  time: number;
  joining: boolean;
  totalCredit: number;
}

export interface BoincDbContent {
  users: BoincDbUser[];
  teams: BoincDbTeam[];
  hosts: BoincDbHost[];
  teamDeltas: BoincDbTeamDelta[];
}

/** The exported cross-project id, as db_dump computes it. */
export const exportedCpid = (u: BoincDbUser) =>
  createHash("md5")
    .update(u.crossProjectId + u.emailAddr)
    .digest("hex");

export interface BoincTestDatabase {
  /** mysql://… of the new database, for `npm run import-stats`. */
  url: string;
  fill(content: BoincDbContent): Promise<void>;
  drop(): Promise<void>;
}

/** A new, empty BOINC database; `charset` of its text columns as BOINC's tables would have them. */
export async function createBoincDatabase(charset: "latin1" | "utf8mb4" = "latin1"): Promise<BoincTestDatabase> {
  if (!testMysqlUrl) throw new Error("POGS_TEST_MYSQL_URL is not set");
  const server = new URL(testMysqlUrl);
  const name = `pogs_boinc_${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection({ uri: server.href, multipleStatements: true });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET ${charset}`);
  await admin.end();
  const url = new URL(server.href);
  url.pathname = `/${name}`;
  // Latin-1 on the wire too: a JS string of UTF-8 bytes stores exactly those bytes, as BOINC's PHP does.
  const connect = () => mysql.createConnection({ uri: url.href, multipleStatements: true, charset });
  const db = await connect();
  for (const file of ["schema.sql", "constraints.sql"])
    await db.query(readFileSync(path.join(SCHEMA_DIR, file), "utf8"));
  await db.end();
  const stored = (text: string) => (charset === "latin1" ? String.fromCharCode(...Buffer.from(text, "utf8")) : text);
  return {
    url: url.href,
    async fill(content) {
      const c = await connect();
      try {
        await insert(c, "team", content.teams, (t) => ({
          id: t.id,
          create_time: t.createTime,
          userid: t.founderId,
          name: stored(t.name),
          name_lc: stored(t.name.toLowerCase()),
          url: stored(t.url),
          type: t.type,
          name_html: "",
          description: stored(t.description),
          nusers: 0,
          country: stored(t.country),
          total_credit: t.totalCredit,
          expavg_credit: t.expavgCredit,
          expavg_time: t.expavgTime,
        }));
        await insert(c, "user", content.users, (u) => ({
          ...USER_DEFAULTS,
          id: u.id,
          create_time: u.createTime,
          email_addr: u.emailAddr,
          name: stored(u.name),
          authenticator: randomBytes(16).toString("hex"),
          country: stored(u.country),
          total_credit: u.totalCredit,
          expavg_credit: u.expavgCredit,
          expavg_time: u.expavgTime,
          teamid: u.teamId,
          url: stored(u.url),
          show_hosts: u.showHosts ? 1 : 0,
          has_profile: u.hasProfile ? 1 : 0,
          cross_project_id: u.crossProjectId,
        }));
        await insert(c, "host", content.hosts, (h) => ({
          ...HOST_DEFAULTS,
          id: h.id,
          create_time: h.createTime,
          userid: h.userId,
          rpc_time: h.rpcTime,
          total_credit: h.totalCredit,
          expavg_credit: h.expavgCredit,
          expavg_time: h.expavgTime,
          p_ncpus: h.cpuCount,
          p_vendor: stored(h.cpuVendor),
          p_model: stored(h.cpuModel),
          p_fpops: h.pFpops,
          os_name: stored(h.osName),
          os_version: stored(h.osVersion),
        }));
        await insert(c, "team_delta", content.teamDeltas, (d) => ({
          userid: d.userId,
          teamid: d.teamId,
          timestamp: d.time,
          joining: d.joining ? 1 : 0,
          total_credit: d.totalCredit,
        }));
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = await mysql.createConnection({ uri: server.href });
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

const USER_DEFAULTS = {
  postal_code: "",
  global_prefs: "",
  project_prefs: "",
  venue: "",
  send_email: 1,
  posts: 0,
  seti_id: 0,
  seti_nresults: 0,
  seti_last_result_time: 0,
  seti_total_cpu: 0,
  signature: "",
  passwd_hash: "",
  email_validated: 1,
  donated: 0,
};

const HOST_DEFAULTS = {
  rpc_seqno: 0,
  timezone: 0,
  nsame_ip_addr: 0,
  on_frac: 1,
  connected_frac: 1,
  active_frac: 1,
  cpu_efficiency: 1,
  duration_correction_factor: 1,
  p_iops: 0,
  p_membw: 0,
  m_nbytes: 0,
  m_cache: 0,
  m_swap: 0,
  d_total: 0,
  d_free: 0,
  d_boinc_used_total: 0,
  d_boinc_used_project: 0,
  d_boinc_max: 0,
  n_bwup: 0,
  n_bwdown: 0,
  credit_per_cpu_sec: 0,
  venue: "",
  nresults_today: 0,
  avg_turnaround: 0,
  max_results_day: 0,
  product_name: "",
  gpu_active_frac: 0,
  p_ngpus: 0,
  p_gpu_fpops: 0,
  misc: "",
};

/** Multi-row inserts of a few hundred rows each. */
async function insert<T>(
  c: mysql.Connection,
  table: string,
  rows: readonly T[],
  toColumns: (row: T) => Record<string, unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map(toColumns);
    if (!batch.length) continue;
    const columns = Object.keys(batch[0]);
    await c.query(`INSERT INTO \`${table}\` (${columns.map((k) => `\`${k}\``).join(", ")}) VALUES ?`, [
      batch.map((r) => columns.map((k) => r[k])),
    ]);
  }
}

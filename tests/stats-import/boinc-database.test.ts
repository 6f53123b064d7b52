// BOINC's own MySQL/MariaDB database as a credit source: the same rows as from the export db_dump
// would write of it at that moment, names repaired from Latin-1 columns, BOINC's real team
// changes, and the same replay safety. Runs against the MariaDB server of POGS_TEST_MYSQL_URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { writeHostExport, writeTablesXml, writeTeamExport, writeUserExport } from "@/lib/ingest/boinc-stats";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { PROJECT_ROOT } from "@/lib/project-root";
import {
  createBoincDatabase,
  exportedCpid,
  hasBoincSchema,
  testMysqlUrl,
  type BoincDbContent,
  type BoincTestDatabase,
} from "@/lib/testing/boinc-mariadb";
import { seededRandom } from "@/lib/testing/seeded-random";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { removeTempFolders, tempFolder } from "./helpers";

const T = 1_790_000_000;
const HOUR = 3600;
const NAMES = ["中国队", "Команда «Ω»", "Łukasz", "Zoë", "🚀 rocket", "Ada & <Bob>", "plain"];

function content(): BoincDbContent {
  const random = seededRandom(5);
  const teams = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1,
    name: `${NAMES[i % NAMES.length]} team ${i + 1}`,
    founderId: i + 1,
    type: 1 + (i % 12),
    createTime: T - 300 * 86_400 + i * 86_400,
    // two teams without credit: not exported
    totalCredit: i < 10 ? 1000 * (i + 1) : 0,
    expavgCredit: i < 10 ? 50 + i : 0,
    expavgTime: T - 7200,
    country: i % 3 ? "Россия" : "Deutschland",
    url: "",
    description: "A team",
  }));
  const users = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    name: `${NAMES[i % NAMES.length]} ${i + 1}`,
    createTime: T - 400 * 86_400 + i * 3600,
    // every tenth user has no credit: not exported
    totalCredit: i % 10 === 9 ? 0 : Math.round(random() * 100_000) / 100,
    expavgCredit: i % 10 === 9 ? 0 : Math.round(random() * 5000) / 100,
    expavgTime: T - Math.round(random() * 86_400),
    teamId: i % 4 === 0 ? 0 : 1 + (i % 12),
    country: ["Россия", "中国", "Polska", ""][i % 4],
    url: i % 5 === 0 ? "https://example.org/?a=1&b=2" : "",
    showHosts: i % 3 !== 0,
    hasProfile: i % 7 === 0,
    emailAddr: `user${i + 1}@example.org`,
    crossProjectId: (i + 1).toString(16).padStart(32, "0"),
  }));
  const hosts = Array.from({ length: 400 }, (_, i) => ({
    id: i + 1,
    userId: 1 + (i % 300),
    createTime: T - 200 * 86_400,
    rpcTime: T - 3600,
    totalCredit: i % 20 === 19 ? 0 : 100 + i,
    expavgCredit: 1 + (i % 9),
    expavgTime: T - 3600,
    cpuCount: [2, 4, 8, 16][i % 4],
    cpuVendor: "GenuineIntel",
    cpuModel: "Intel(R) Core(TM) i7 — “quotes”",
    pFpops: 3e9 + i * 1e6,
    osName: ["Microsoft Windows 11", "Linux Ubuntu", "Darwin"][i % 3],
    osVersion: "ß-version",
  }));
  return { users, teams, hosts, teamDeltas: [] };
}

/** The export db_dump would write of `c` at time `time`, written with the portal's own writers. */
async function writeExportOf(c: BoincDbContent, time: number): Promise<string> {
  const dir = tempFolder("pogs-boinc-db-export-");
  const exported = c.users.filter((u) => u.totalCredit > 0);
  const names = new Map(c.users.map((u) => [u.id, u.name]));
  await writeUserExport(
    exported.map((u) => ({
      id: u.id,
      name: u.name,
      createTime: u.createTime,
      totalCredit: u.totalCredit,
      expavgCredit: u.expavgCredit,
      expavgTime: u.expavgTime,
      cpid: exportedCpid(u),
      country: u.country || null,
      url: u.url || null,
      teamId: u.teamId || null,
      hasProfile: u.hasProfile,
    })),
    path.join(dir, "user.gz"),
    { byteWiseText: () => true },
  );
  await writeTeamExport(
    c.teams
      .filter((t) => t.totalCredit > 0)
      .map((t) => ({
        id: t.id,
        type: t.type,
        name: t.name,
        founderId: t.founderId,
        totalCredit: t.totalCredit,
        expavgCredit: t.expavgCredit,
        expavgTime: t.expavgTime,
        founderName: names.get(t.founderId) ?? null,
        createTime: t.createTime,
        url: t.url || null,
        nameHtml: null,
        description: t.description || null,
        country: t.country || null,
      })),
    path.join(dir, "team.gz"),
    { byteWiseText: () => true },
  );
  const shows = new Map(c.users.map((u) => [u.id, u.showHosts && u.totalCredit > 0]));
  await writeHostExport(
    c.hosts
      .filter((h) => h.totalCredit > 0)
      .map((h) => ({
        ...h,
        userId: shows.get(h.userId) ? h.userId : null,
        rpcTime: h.rpcTime,
      })),
    path.join(dir, "host.gz"),
    { byteWiseText: () => true },
  );
  await writeTablesXml(
    {
      updateTime: time,
      creditByApp: false,
      nusersTotal: c.users.length,
      nteamsTotal: c.teams.length,
      nhostsTotal: c.hosts.length,
      nusersDeletedTotal: 0,
      nhostsDeletedTotal: 0,
      totalCredit: c.users.reduce((s, u) => s + u.totalCredit, 0),
      applications: [],
      badges: [],
    },
    path.join(dir, "tables.xml"),
  );
  return dir;
}

/** What both paths must agree on, read raw; bookkeeping columns (updated_at, imported_at, source, id) aside. */
async function storedRows(db: Db): Promise<Record<string, unknown[]>> {
  const read = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const drop = (rows: Record<string, unknown>[], ...columns: string[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !columns.includes(k))));
  return {
    users: drop(await read(`SELECT * FROM "boinc_user" ORDER BY "id"`), "updated_at"),
    teams: drop(await read(`SELECT * FROM "team" ORDER BY "id"`), "updated_at"),
    hosts: drop(await read(`SELECT * FROM "host" ORDER BY "id"`), "updated_at"),
    userSnapshots: await read(`SELECT * FROM "user_credit_snapshot" ORDER BY "user_id", "time"`),
    teamSnapshots: await read(`SELECT * FROM "team_credit_snapshot" ORDER BY "team_id", "time"`),
    countries: drop(await read(`SELECT * FROM "country_total" ORDER BY "country"`), "updated_at"),
    exports: drop(await read(`SELECT * FROM "stats_export" ORDER BY "id"`), "id", "imported_at", "source"),
  };
}

describe.runIf(testMysqlUrl && hasBoincSchema)("BOINC's database as a credit source", () => {
  let boinc: BoincTestDatabase;
  let fromDatabase: TempDatabase;
  let fromExport: TempDatabase;
  const data = content();

  beforeAll(async () => {
    boinc = await createBoincDatabase("latin1");
    await boinc.fill(data);
    fromDatabase = await createTempDatabase();
    fromExport = await createTempDatabase();
  });
  afterAll(async () => {
    await boinc?.drop();
    await fromDatabase?.cleanup();
    await fromExport?.cleanup();
    removeTempFolders();
  });

  it("stores the same rows as the export db_dump would write at the same moment", async () => {
    const a = await importStatsExport(fromDatabase.db, boinc.url, { sourceTime: new Date(T * 1000) });
    const b = await importStatsExport(fromExport.db, await writeExportOf(data, T));
    expect(a).toMatchObject({ status: "imported", users: 270, teams: 10, hosts: 380, skipped: 0, textsKeptLatin1: 0 });
    expect({
      ...b,
      source: a.source,
      seconds: a.seconds,
      writeLockSeconds: a.writeLockSeconds,
      latin1Examples: a.latin1Examples,
    }).toEqual(a);
    expect(await storedRows(fromDatabase.db)).toEqual(await storedRows(fromExport.db));
  });

  it("repairs the UTF-8 names BOINC keeps in Latin-1 columns", async () => {
    const user = await fromDatabase.db.boincUser.findUniqueOrThrow({ where: { id: 1 } });
    expect(user.name).toBe("中国队 1");
    expect((await fromDatabase.db.boincUser.findUniqueOrThrow({ where: { id: 6 } })).name).toBe("Ada & <Bob> 6");
    expect((await fromDatabase.db.team.findUniqueOrThrow({ where: { id: 2 } })).name).toBe("Команда «Ω» team 2");
    const host = await fromDatabase.db.host.findUniqueOrThrow({ where: { id: 1 } });
    expect(host).toMatchObject({ cpuModel: "Intel(R) Core(TM) i7 — “quotes”", osVersion: "ß-version" });
  });

  it("never records the password in the import's source", async () => {
    const exported = await fromDatabase.db.statsExport.findFirstOrThrow();
    expect(exported.source).toMatch(/^mysql:\/\/root@127\.0\.0\.1:3306\/pogs_boinc_/);
  });

  it("keeps BOINC's real team changes, and replays change nothing", async () => {
    // Within the next hour: user 2 leaves team 3 for team 5; user 3 leaves its team.
    const later = structuredClone(data);
    later.users[1].teamId = 5;
    later.users[2].teamId = 0;
    later.users[1].totalCredit += 100;
    later.teamDeltas = [
      { userId: 2, teamId: 3, time: T + 600, joining: false, totalCredit: data.users[1].totalCredit },
      { userId: 2, teamId: 5, time: T + 601, joining: true, totalCredit: data.users[1].totalCredit },
      { userId: 3, teamId: 4, time: T + 1200, joining: false, totalCredit: data.users[2].totalCredit },
      // before the previous import: already history, not read again
      { userId: 9, teamId: 10, time: T - 600, joining: true, totalCredit: 1 },
    ];
    await boinc.drop();
    boinc = await createBoincDatabase("latin1");
    await boinc.fill(later);
    const next = await importStatsExport(fromDatabase.db, boinc.url, { sourceTime: new Date((T + HOUR) * 1000) });
    expect(next).toMatchObject({ status: "imported", mode: "current", teamDeltas: 3 });
    const deltas = await fromDatabase.db.teamDelta.findMany({ orderBy: [{ time: "asc" }, { userId: "asc" }] });
    expect(deltas.map((d) => [d.userId, d.teamId, d.time.getTime() / 1000, d.joining])).toEqual([
      [2, 3, T + 600, false],
      [2, 5, T + 601, true],
      [3, 4, T + 1200, false],
    ]);
    expect((await fromDatabase.db.boincUser.findUniqueOrThrow({ where: { id: 2 } })).teamId).toBe(5);
    const again = await importStatsExport(fromDatabase.db, boinc.url, { sourceTime: new Date((T + HOUR) * 1000) });
    expect(again.status).toBe("already imported");
    const snapshots = await fromDatabase.db.userCreditSnapshot.count();
    const hourLater = await importStatsExport(fromDatabase.db, boinc.url, {
      sourceTime: new Date((T + 2 * HOUR) * 1000),
    });
    expect(hourLater).toMatchObject({ status: "imported", userSnapshots: 0, teamDeltas: 0 });
    expect(await fromDatabase.db.userCreditSnapshot.count()).toBe(snapshots);
  });

  it("runs from the command line: npm run import-stats -- mysql://…", async () => {
    const temp = await createTempDatabase();
    await temp.db.$disconnect();
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/import-stats.ts", boinc.url], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: temp.databaseUrl, POGS_DEBUG: "" },
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Imported the export of .* UTC: 270 users, 10 teams, 380 computers, 0 skipped/);
    } finally {
      await temp.cleanup();
    }
  });

  it("reads utf8mb4 tables as they are", async () => {
    const modern = await createBoincDatabase("utf8mb4");
    const temp = await createTempDatabase();
    try {
      await modern.fill(data);
      const r = await importStatsExport(temp.db, modern.url, { sourceTime: new Date(T * 1000) });
      expect(r.textsRepaired).toBe(0);
      expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 5 } })).name).toBe("🚀 rocket 5");
    } finally {
      await modern.drop();
      await temp.cleanup();
    }
  });

  it("says what is wrong with a database it cannot read, and changes nothing", async () => {
    const temp = await createTempDatabase();
    try {
      const missing = new URL(boinc.url);
      missing.pathname = "/no_such_boinc_db";
      await expect(importStatsExport(temp.db, missing.href)).rejects.toThrow(/cannot connect to .*no_such_boinc_db/);
      const notBoinc = new URL(boinc.url);
      notBoinc.pathname = "/mysql";
      await expect(importStatsExport(temp.db, notBoinc.href)).rejects.toThrow(/is not a BOINC database/);
      const down = new URL(boinc.url);
      down.port = "1";
      await expect(importStatsExport(temp.db, down.href)).rejects.toThrow(/cannot connect to/);
      expect(await temp.db.statsExport.count()).toBe(0);
    } finally {
      await temp.cleanup();
    }
  });
});

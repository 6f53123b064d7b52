// An export written by BOINC's own db_dump from BOINC's schema (../shared/fixtures/boinc/db_dump):
// every name arrives byte by byte (`&#228;&#184;&#173;…`) and must be stored as the UTF-8 text it
// encodes, as read back from the project's database (expected_names.json).
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { volunteerComputers } from "@/lib/credit/volunteer-computers";
import { importStatsExport, type StatsImportResult } from "@/lib/ingest/stats-import";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { removeTempFolders, tempFolder } from "./helpers";

const DUMP = path.join(SHARED_DIR, "fixtures/boinc/db_dump");
const expected = existsSync(DUMP)
  ? (JSON.parse(readFileSync(path.join(DUMP, "expected_names.json"), "utf8")) as {
      users: Record<string, string>;
      teams: Record<string, string>;
    })
  : null;

describe.runIf(expected)("an export written by BOINC's db_dump", () => {
  let temp: TempDatabase;
  let result: StatsImportResult;
  beforeAll(async () => {
    temp = await createTempDatabase();
    result = await importStatsExport(temp.db, DUMP);
  });
  afterAll(async () => {
    await temp.cleanup();
    removeTempFolders();
  });

  it("stores every user and team name as the project's database holds it", async () => {
    const users = await temp.db.boincUser.findMany({ select: { id: true, name: true } });
    const teams = await temp.db.team.findMany({ select: { id: true, name: true } });
    const stored = (rows: { id: number; name: string }[]) =>
      Object.fromEntries(rows.map((r) => [String(r.id), r.name]));
    expect(stored(users)).toEqual(expected!.users);
    expect(stored(teams)).toEqual(expected!.teams);
    expect(users.length + teams.length).toBe(2_253);
    expect(stored(users)["10"]).toBe("中国队 10");
    expect(stored(teams)["6"]).toBe("Команда 6 «Ω»");
  });

  it("reports what it repaired, and keeps nothing as Latin-1", () => {
    expect(result.status).toBe("imported");
    expect(result).toMatchObject({ users: 2_223, teams: 30, hosts: 1_200, skipped: 0, textsKeptLatin1: 0 });
    // at least every non-ASCII name
    const nonAscii = [...Object.values(expected!.users), ...Object.values(expected!.teams)].filter((n) =>
      /[^\x00-\x7f]/.test(n),
    ).length;
    expect(result.textsRepaired).toBeGreaterThanOrEqual(nonAscii);
  });

  it("stores the computers, with their owner only where the owner shows them and is exported", async () => {
    const hosts = await temp.db.host.findMany({ orderBy: { id: "asc" } });
    expect(hosts).toHaveLength(1_200);
    const xml = gunzipSync(readFileSync(path.join(DUMP, "host.gz"))).toString("utf8");
    const owners = new Map(
      [...xml.matchAll(/<host>\s*<id>(\d+)<\/id>\s*(?:<userid>(\d+)<\/userid>)?/g)].map((m) => [
        Number(m[1]),
        m[2] ? Number(m[2]) : null,
      ]),
    );
    const exportedUsers = new Set(Object.keys(expected!.users).map(Number));
    for (const h of hosts) {
      const owner = owners.get(h.id) ?? null;
      expect(h.userId, `host ${h.id}`).toBe(owner !== null && exportedUsers.has(owner) ? owner : null);
    }
    expect(hosts.filter((h) => h.userId === null).length).toBeGreaterThan(0);
    expect(hosts[0]).toMatchObject({ cpuVendor: "GenuineIntel", cpuModel: "Intel(R) Core(TM) i7", cpuCount: 2 });
    expect(hosts[0].pFpops).toBeCloseTo(2_962_016_461, 0);
    expect(hosts.every((h) => h.osName !== "")).toBe(true);
  });

  it("lists an owner's shown computers on their page, and none for a volunteer who hides them", async () => {
    const owned = await temp.db.host.groupBy({
      by: ["userId"],
      where: { userId: { not: null } },
      _count: { _all: true },
    });
    const owner = owned[0];
    const computers = await volunteerComputers(temp.db, owner.userId!, Date.now());
    expect(computers).toHaveLength(Math.min(50, owner._count._all));
    expect(computers[0].cores).toBeGreaterThan(0);
    expect(computers[0].gflops).toBeGreaterThan(0);
    for (let i = 1; i < computers.length; i++) expect(computers[i - 1].rac).toBeGreaterThanOrEqual(computers[i].rac);
    const ownerIds = new Set(owned.map((o) => o.userId));
    const noHosts = Object.keys(expected!.users)
      .map(Number)
      .find((id) => !ownerIds.has(id))!;
    expect(await volunteerComputers(temp.db, noHosts, Date.now())).toEqual([]);
  });

  it("counts the members of each team, sums the countries and the export's totals", async () => {
    const teams = await temp.db.team.findMany({ select: { id: true, memberCount: true } });
    const members = await temp.db.boincUser.groupBy({ by: ["teamId"], _count: { _all: true } });
    const byTeam = new Map(members.map((m) => [m.teamId, m._count._all]));
    for (const t of teams) expect(t.memberCount, `team ${t.id}`).toBe(byTeam.get(t.id) ?? 0);
    const countries = await temp.db.countryTotal.findMany();
    const users = await temp.db.boincUser.findMany({ select: { country: true, totalCredit: true } });
    expect(countries.reduce((s, c) => s + c.users, 0)).toBe(
      users.filter((u) => u.country && u.country !== "None").length,
    );
    const stats = await temp.db.statsExport.findFirstOrThrow();
    expect(stats).toMatchObject({ registeredUsers: 2_223, hostCount: 1_200, userCount: 2_223 });
    expect(stats.activeUsers).toBeGreaterThan(0);
    expect(stats.totalRac).toBeGreaterThan(0);
  });

  it("repairs names stored garbled by an earlier import when the next export arrives", async () => {
    // What the import stored before it knew BOINC's escaping: the bytes as Latin-1 characters.
    const garbled = (s: string) => String.fromCharCode(...Buffer.from(s, "utf8"));
    await temp.db.boincUser.update({ where: { id: 10 }, data: { name: garbled("中国队 10") } });
    await temp.db.team.update({ where: { id: 6 }, data: { name: garbled("Команда 6 «Ω»") } });
    expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 10 } })).name).toBe(
      "ä¸\u00adå\u009b½é\u0098\u009f 10",
    );
    // The next day's export: the same users, teams and hosts with a later update_time.
    const next = tempFolder();
    cpSync(DUMP, next, { recursive: true });
    const tables = readFileSync(path.join(DUMP, "tables.xml"), "utf8");
    const time = Number(/<update_time>(\d+)</.exec(tables)![1]);
    writeFileSync(path.join(next, "tables.xml"), tables.replace(`${time}<`, `${time + 86_400}<`));
    const again = await importStatsExport(temp.db, next);
    expect(again.mode).toBe("current");
    expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 10 } })).name).toBe("中国队 10");
    expect((await temp.db.team.findUniqueOrThrow({ where: { id: 6 } })).name).toBe("Команда 6 «Ω»");
  });
});

// The same import on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI): a fresh database made for
// the test and dropped after it. Real TIMESTAMP(3) columns, $n placeholders, BOOLEAN, INTEGER.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import type { Db } from "@/lib/db/client";
import { decayRac } from "@/lib/credit/rac";
import { StatsExportError } from "@/lib/ingest/boinc-stats";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { at, importedTables, removeTempFolders, rowCounts, tempFolder } from "./helpers";
import { day0, day1, older } from "./scenario";
import { DAY, T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";

describe.runIf(TEST_POSTGRES_URL)("importing on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  let root: string;

  beforeAll(async () => {
    database = await createPostgresDatabase("stats_import");
    db = database.db;
    root = tempFolder();
  });
  afterAll(async () => {
    await database?.drop();
    removeTempFolders();
  });

  it("stores users, teams, snapshots and team deltas that Prisma reads back", async () => {
    const first = await importStatsExport(db, await writeDump(path.join(root, "day0"), day0));
    expect(first).toMatchObject({
      status: "imported",
      mode: "current",
      users: 6,
      teams: 3,
      usersWithoutTeam: 1,
      userSnapshots: 6,
      teamSnapshots: 3,
    });
    const second = await importStatsExport(db, await writeDump(path.join(root, "day1"), day1), { parseInWorker: true });
    expect(second).toMatchObject({ users: 7, userSnapshots: 4, teamDeltas: 4 });

    expect(await db.boincUser.findUnique({ where: { id: 6 } })).toMatchObject({
      name: "Zoë & <Bob>",
      createTime: at(1104210399),
      hasProfile: true,
      teamId: null,
    });
    expect(await db.team.findUnique({ where: { id: 2 } })).toMatchObject({
      name: "Renamed",
      founderId: null,
      createTime: at(day1.teams[1].createTime),
    });
    const snapshot = await db.userCreditSnapshot.findUnique({ where: { userId_time: { userId: 1, time: at(T0) } } });
    expect(snapshot!.expavgCredit).toBeCloseTo(decayRac(50, T0 - DAY, T0), 9);
    const deltas = await db.teamDelta.findMany({ orderBy: [{ userId: "asc" }, { joining: "asc" }] });
    expect(deltas.map((d) => [d.userId, d.teamId, d.joining, d.time])).toEqual([
      [2, 1, false, at(T0 + DAY)],
      [2, 2, true, at(T0 + DAY)],
      [5, 2, false, at(T0 + DAY)],
      [7, 3, true, at(T0 + DAY)],
    ]);
    const members = await db.teamCreditSnapshot.findMany({ where: { time: at(T0) }, orderBy: { teamId: "asc" } });
    expect(members.map((s) => s.memberCount)).toEqual([2, 1, 0]);
  });

  it("takes an older export as history and a replay as nothing", async () => {
    const history = await importStatsExport(db, await writeDump(path.join(root, "older"), older));
    expect(history).toMatchObject({ mode: "history", userSnapshots: 2 });
    expect(await db.team.findUnique({ where: { id: 1 }, select: { name: true } })).toEqual({ name: "ICRAR & friends" });
    const before = await importedTables(db);
    expect((await importStatsExport(db, path.join(root, "day0"))).status).toBe("already imported");
    expect(await importedTables(db)).toEqual(before);
  });

  it("rolls back a truncated user.gz after writing thousands of rows", async () => {
    const dir = await writeDump(path.join(root, "day2"), {
      updateTime: T0 + 2 * DAY,
      teams: [team(1), team(2), team(3)],
      users: Array.from({ length: 3000 }, (_, i) => user(i + 1, { teamId: 1 + (i % 3), totalCredit: 10 + i })),
    });
    const file = path.join(dir, "user.gz");
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.75)));
    const before = await importedTables(db);
    const counts = await rowCounts(db);
    await expect(importStatsExport(db, dir)).rejects.toThrow(StatsExportError);
    expect(await rowCounts(db)).toEqual(counts);
    expect(await importedTables(db)).toEqual(before);
    writeFileSync(file, bytes);
    expect(await importStatsExport(db, dir)).toMatchObject({ users: 3000, teamDeltas: expect.any(Number) });
    expect(await db.boincUser.count()).toBe(3000); // users 1–8 of the earlier exports are among them
  });
});

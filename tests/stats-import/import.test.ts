// Statistics import on a real SQLite file: users and teams, RAC decayed to the export time,
// snapshots only on change, team deltas, teams missing from team.gz, an older export as history.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decayRac } from "@/lib/credit/rac";
import { importStatsExport, type StatsImportResult } from "@/lib/ingest/stats-import";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { at, removeTempFolders, tempFolder } from "./helpers";
import { day0, day1, older } from "./scenario";
import { DAY, T0, writeDump } from "@/lib/testing/synthetic-dump";

const NOW0 = new Date("2025-08-22T03:00:00Z");
const NOW1 = new Date("2025-08-23T03:00:00Z");
const NOW_OLD = new Date("2025-08-23T04:00:00Z");

describe("importing a statistics export", () => {
  let temp: TempDatabase;
  let first: StatsImportResult;
  let second: StatsImportResult;
  let history: StatsImportResult;

  beforeAll(async () => {
    temp = await createTempDatabase();
    const root = tempFolder();
    first = await importStatsExport(temp.db, await writeDump(path.join(root, "day0"), day0), { now: NOW0 });
    second = await importStatsExport(temp.db, await writeDump(path.join(root, "day1"), day1), { now: NOW1 });
    history = await importStatsExport(temp.db, await writeDump(path.join(root, "older"), older), { now: NOW_OLD });
  });
  afterAll(async () => {
    await temp.cleanup();
    removeTempFolders();
  });

  it("reports what it stored", () => {
    expect(first).toMatchObject({
      status: "imported",
      mode: "current",
      users: 6,
      teams: 3,
      skipped: 0,
      usersWithoutTeam: 1,
      userSnapshots: 6,
      teamSnapshots: 3,
      teamDeltas: 0,
    });
    expect(first.exportTime).toEqual(at(T0));
    expect(second).toMatchObject({
      status: "imported",
      mode: "current",
      users: 7,
      teams: 3,
      userSnapshots: 4,
      teamSnapshots: 3,
      teamDeltas: 4,
    });
    expect(history).toMatchObject({
      status: "imported",
      mode: "history",
      users: 2,
      teams: 2,
      userSnapshots: 2,
      teamSnapshots: 2,
      teamDeltas: 0,
    });
  });

  it("stores users with every exported field, read back through Prisma", async () => {
    expect(await temp.db.boincUser.findUnique({ where: { id: 6 } })).toEqual({
      id: 6,
      name: "Zoë & <Bob>",
      country: "Trinidad & Tobago",
      url: "https://example.org/?a=1&b=2",
      createTime: at(1104210399),
      totalCredit: day0.users[5].totalCredit,
      expavgCredit: day0.users[5].expavgCredit,
      expavgTime: day0.users[5].expavgTime,
      racOrder: Math.log2(day0.users[5].expavgCredit) + day0.users[5].expavgTime / (7 * DAY),
      cpid: day0.users[5].cpid,
      hasProfile: true,
      teamId: null,
      // unchanged on day 1: the row was not rewritten
      updatedAt: NOW0,
    });
    // current values: the newest export's, raw RAC as of its expavg_time, as BOINC exports it
    expect(await temp.db.boincUser.findUnique({ where: { id: 1 } })).toMatchObject({
      totalCredit: 150,
      expavgCredit: 60,
      expavgTime: T0 + DAY - 3600,
      teamId: 1,
      updatedAt: NOW1,
    });
  });

  it("stores teams with every exported field; a founder of 0 is no founder", async () => {
    expect(await temp.db.team.findUnique({ where: { id: 1 } })).toEqual({
      id: 1,
      name: "ICRAR & friends",
      nameHtml: "",
      type: day1.teams[0].type,
      founderId: 1,
      founderName: "founder 1",
      country: "",
      url: "",
      description: "",
      createTime: at(day1.teams[0].createTime),
      totalCredit: 9000,
      expavgCredit: day1.teams[0].expavgCredit,
      expavgTime: day1.teams[0].expavgTime,
      racOrder: Math.log2(day1.teams[0].expavgCredit) + day1.teams[0].expavgTime / (7 * DAY),
      // the members of the newest export
      memberCount: 1,
      updatedAt: NOW1,
    });
    expect(await temp.db.team.findUnique({ where: { id: 2 } })).toMatchObject({
      name: "Renamed",
      founderId: null,
      founderName: "",
    });
  });

  it("gives a user whose team is not in team.gz no team", async () => {
    expect(await temp.db.boincUser.findUnique({ where: { id: 3 }, select: { teamId: true } })).toEqual({
      teamId: null,
    });
    expect(await temp.db.team.findUnique({ where: { id: 99 } })).toBeNull();
  });

  it("records one StatsExport per export time", async () => {
    const exports = await temp.db.statsExport.findMany({ orderBy: { exportTime: "asc" } });
    expect(exports.map((e) => [e.exportTime, e.userCount, e.teamCount, e.skipped, e.importedAt])).toEqual([
      [at(T0 - DAY), 2, 2, 0, NOW_OLD],
      [at(T0), 6, 3, 0, NOW0],
      [at(T0 + DAY), 7, 3, 0, NOW1],
    ]);
    expect(exports[1].source).toMatch(/day0$/);
    expect(exports[1].totalCredit).toBeCloseTo(
      day0.users.reduce((sum, u) => sum + u.totalCredit, 0),
      6,
    );
  });

  it("decays RAC to the export time in snapshots, and zeroes what decays below 0.009", async () => {
    const snapshot = (userId: number, time: number) =>
      temp.db.userCreditSnapshot.findUnique({ where: { userId_time: { userId, time: at(time) } } });
    expect((await snapshot(1, T0))!.expavgCredit).toBeCloseTo(decayRac(50, T0 - DAY, T0), 9);
    expect((await snapshot(1, T0))!.expavgCredit).toBeCloseTo(50 * 2 ** (-1 / 7), 9);
    expect((await snapshot(1, T0 + DAY))!.expavgCredit).toBeCloseTo(60 * 2 ** (-3600 / (7 * DAY)), 9);
    expect(decayRac(0.01, T0 - 30 * DAY, T0)).toBeGreaterThan(0);
    expect(await snapshot(4, T0)).toMatchObject({
      totalCredit: day0.users[3].totalCredit,
      expavgCredit: 0,
      teamId: null,
    });
    const teamSnapshot = await temp.db.teamCreditSnapshot.findUnique({
      where: { teamId_time: { teamId: 1, time: at(T0) } },
    });
    expect(teamSnapshot!.expavgCredit).toBeCloseTo(
      decayRac(day0.teams[0].expavgCredit, day0.teams[0].expavgTime, T0),
      9,
    );
  });

  it("writes a user snapshot only when credit or team changed since the previous one", async () => {
    const snapshots = await temp.db.userCreditSnapshot.findMany({ orderBy: [{ userId: "asc" }, { time: "asc" }] });
    const byUser = (id: number) =>
      snapshots.filter((s) => s.userId === id).map((s) => [s.time.getTime() / 1000 - T0, s.totalCredit, s.teamId]);
    expect(byUser(1)).toEqual([
      [-DAY, 80, 1],
      [0, 100, 1],
      [DAY, 150, 1],
    ]);
    expect(byUser(2)).toEqual([
      [0, 200, 1],
      [DAY, 200, 2],
    ]); // same credit, new team
    expect(byUser(3)).toEqual([[0, day0.users[2].totalCredit, null]]);
    expect(byUser(5)).toEqual([
      [0, day0.users[4].totalCredit, 2],
      [DAY, day0.users[4].totalCredit, null],
    ]);
    expect(byUser(6)).toHaveLength(1);
    expect(byUser(7)).toEqual([[DAY, 5, 3]]);
    expect(byUser(8)).toEqual([[-DAY, 1, 4]]);
  });

  it("writes a team snapshot for every team at every export, with its member count", async () => {
    const snapshots = await temp.db.teamCreditSnapshot.findMany({ orderBy: [{ time: "asc" }, { teamId: "asc" }] });
    expect(snapshots.map((s) => [s.time.getTime() / 1000 - T0, s.teamId, s.memberCount, s.totalCredit])).toEqual([
      [-DAY, 1, 1, 10],
      [-DAY, 4, 1, older.teams[1].totalCredit],
      [0, 1, 2, day0.teams[0].totalCredit],
      [0, 2, 1, day0.teams[1].totalCredit],
      [0, 3, 0, day0.teams[2].totalCredit],
      [DAY, 1, 1, 9000],
      [DAY, 2, 1, day1.teams[1].totalCredit],
      [DAY, 3, 1, day1.teams[2].totalCredit],
    ]);
  });

  it("logs leaving and joining teams at the export time with the user's total credit", async () => {
    const deltas = await temp.db.teamDelta.findMany({ orderBy: [{ userId: "asc" }, { joining: "asc" }] });
    expect(deltas.map((d) => [d.userId, d.teamId, d.joining, d.totalCredit, d.time])).toEqual([
      [2, 1, false, 200, at(T0 + DAY)],
      [2, 2, true, 200, at(T0 + DAY)],
      [5, 2, false, day0.users[4].totalCredit, at(T0 + DAY)],
      // a user first seen after an earlier import joined since then
      [7, 3, true, 5, at(T0 + DAY)],
    ]);
  });

  it("takes an older export as history only: current values stay the newest export's", async () => {
    expect(await temp.db.team.findUnique({ where: { id: 1 }, select: { name: true, totalCredit: true } })).toEqual({
      name: "ICRAR & friends",
      totalCredit: 9000,
    });
    expect(await temp.db.boincUser.findUnique({ where: { id: 1 }, select: { totalCredit: true } })).toEqual({
      totalCredit: 150,
    });
    // what only the older export knew is kept, so its snapshots have their user and team
    expect(await temp.db.boincUser.findUnique({ where: { id: 8 } })).toMatchObject({
      totalCredit: 1,
      teamId: 4,
      updatedAt: NOW_OLD,
    });
    expect(await temp.db.team.findUnique({ where: { id: 4 } })).toMatchObject({ name: "team 4" });
  });

  it("writes DateTime as the same ISO-8601 text Prisma writes (stats_export is written by Prisma)", () => {
    const file = new Database(temp.databaseUrl.slice("file:".length), { readonly: true });
    const raw = file
      .prepare(
        `SELECT s."time" AS snapshot, typeof(s."time") AS type, e."export_time" AS prisma, u."create_time" AS created
         FROM "user_credit_snapshot" s JOIN "stats_export" e ON e."export_time" = s."time" JOIN "boinc_user" u ON u."id" = 6
         WHERE s."user_id" = 1 AND e."user_count" = 6`,
      )
      .get();
    file.close();
    expect(raw).toEqual({
      snapshot: "2025-08-22T00:00:00.000+00:00",
      type: "text",
      prisma: "2025-08-22T00:00:00.000+00:00",
      created: "2004-12-28T05:06:39.000+00:00",
    });
  });
});

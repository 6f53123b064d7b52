// Statistics import safety: a replay changes nothing; a broken file (truncated, not gzip, bad XML,
// wrong root) rolls the whole import back; malformed records are skipped and counted.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { StatsExportError, userXml, type BoincUserRecord } from "@/lib/ingest/boinc-stats";
import { ExportLocationError, importStatsExport, type StatsImportOptions } from "@/lib/ingest/stats-import";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { importedTables, removeTempFolders, tempFolder } from "./helpers";
import { DAY, T0, team, user, writeDump } from "@/lib/testing/synthetic-dump";

// Several batches of 500, so a failure comes after rows were written inside the transaction.
const USERS = 2_000;
const teams = () => Array.from({ length: 20 }, (_, i) => team(i + 1));
const users = (day: number) =>
  Array.from({ length: USERS }, (_, i) =>
    user(i + 1, { teamId: i % 3 ? 1 + ((i + day) % 20) : null, totalCredit: 1000 + i + (i % 2) * day * 10 }),
  );

afterAll(removeTempFolders);

describe("safety of the statistics import", () => {
  let temp: TempDatabase;
  let root: string;
  beforeEach(async () => {
    temp = await createTempDatabase();
    root = tempFolder();
    await importStatsExport(
      temp.db,
      await writeDump(path.join(root, "day0"), { updateTime: T0, teams: teams(), users: users(0) }),
    );
  });
  afterEach(() => temp.cleanup());

  const day1 = () => writeDump(path.join(root, "day1"), { updateTime: T0 + DAY, teams: teams(), users: users(1) });

  it("changes nothing when the same export is imported again, from anywhere", async () => {
    const before = await importedTables(temp.db);
    const again = await importStatsExport(temp.db, path.join(root, "day0"));
    expect(again).toMatchObject({ status: "already imported", users: 0, userSnapshots: 0 });
    const copy = await writeDump(path.join(root, "copy"), { updateTime: T0, teams: teams(), users: users(0) });
    await importStatsExport(temp.db, copy);
    expect(await importedTables(temp.db)).toEqual(before);
  });

  it("changes nothing when the same export comes again after a newer one", async () => {
    await importStatsExport(temp.db, await day1());
    const before = await importedTables(temp.db);
    expect((await importStatsExport(temp.db, path.join(root, "day0"))).status).toBe("already imported");
    expect(await importedTables(temp.db)).toEqual(before);
  });

  for (const parseInWorker of [false, true]) {
    it(`rolls back everything when user.gz is truncated (parsed ${parseInWorker ? "in a worker" : "in this thread"})`, async () => {
      const dir = await day1();
      const file = path.join(dir, "user.gz");
      const bytes = readFileSync(file);
      // three quarters: the worker sends records in batches of 1000, so some reach the database
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.75)));
      const before = await importedTables(temp.db);
      let stored = 0;
      const options: StatsImportOptions = {
        parseInWorker,
        onProgress: (p) => void (p.phase === "users" && (stored = p.records)),
      };
      const error = await importStatsExport(temp.db, dir, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StatsExportError);
      expect((error as StatsExportError).failure).toBe("gzip");
      expect((error as Error).message).toMatch(/^user\.gz: the gzip data ends early/);
      expect(stored).toBeGreaterThanOrEqual(500); // batches were written, then rolled back
      expect(await importedTables(temp.db)).toEqual(before);
      // the complete file imports afterwards
      writeFileSync(file, bytes);
      expect(await importStatsExport(temp.db, dir, { parseInWorker })).toMatchObject({
        status: "imported",
        users: USERS,
      });
    });
  }

  const usersGz = (body: string) => gzipSync(`<?xml version="1.0" encoding="utf-8"?>\n${body}`);
  const goodUsers = () =>
    users(1)
      .slice(0, 1200)
      .map((u) => userXml(u))
      .join("");
  const brokenFiles: [string, string, (dir: string) => void, RegExp][] = [
    [
      "user.gz is not gzip",
      "user.gz",
      (dir) => writeFileSync(path.join(dir, "user.gz"), "<users></users>"),
      /user\.gz: not a gzip file/,
    ],
    [
      "user.gz has an XML error after many good users",
      "user.gz",
      (dir) =>
        writeFileSync(path.join(dir, "user.gz"), usersGz(`<users>\n${goodUsers()}<user><id>5</usr>\n</users>\n`)),
      /user\.gz:\d+: XML syntax error/,
    ],
    [
      "user.gz has the wrong root",
      "user.gz",
      (dir) => writeFileSync(path.join(dir, "user.gz"), usersGz("<teams></teams>\n")),
      /expected the root element <users>, found <teams>/,
    ],
    [
      "user.gz ends inside <users>",
      "user.gz",
      (dir) => writeFileSync(path.join(dir, "user.gz"), usersGz(`<users>\n${goodUsers()}`)),
      /ends inside <users> \(truncated\?\)/,
    ],
    [
      "team.gz is truncated",
      "team.gz",
      (dir) => truncate(path.join(dir, "team.gz")),
      /team\.gz: the gzip data ends early/,
    ],
    [
      "tables.xml has no update_time",
      "tables.xml",
      (dir) => writeFileSync(path.join(dir, "tables.xml"), "<tables><nusers_total>3</nusers_total></tables>"),
      /tables\.xml has no <update_time>/,
    ],
    [
      "tables.xml is not XML",
      "tables.xml",
      (dir) => writeFileSync(path.join(dir, "tables.xml"), "<tables><update_time>1</tables>"),
      /tables\.xml:\d+: XML syntax error/,
    ],
  ];
  it.each(brokenFiles)("changes nothing when %s", async (_name, _file, breakIt, message) => {
    const dir = await day1();
    breakIt(dir);
    const before = await importedTables(temp.db);
    const error = await importStatsExport(temp.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatsExportError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect(await importedTables(temp.db)).toEqual(before);
  });

  it.each(["tables.xml", "team.gz", "user.gz"])("stops before importing anything when %s is missing", async (name) => {
    const dir = await day1();
    rmSync(path.join(dir, name));
    const before = await importedTables(temp.db);
    await expect(importStatsExport(temp.db, dir)).rejects.toThrow(ExportLocationError);
    await expect(importStatsExport(temp.db, dir)).rejects.toThrow(`${path.join(dir, name)} not found`);
    await expect(importStatsExport(temp.db, path.join(root, "nowhere"))).rejects.toThrow(/nowhere does not exist/);
    expect(await importedTables(temp.db)).toEqual(before);
  });

  it("skips and counts malformed records, keeping the first reasons", async () => {
    const dir = await day1();
    const good = (id: number): BoincUserRecord => user(id, { totalCredit: 7 });
    const bad = [
      "<user><id>abc</id><name>x</name></user>\n",
      userXml(good(3)).replace(/<total_credit>[^<]*<\/total_credit>/, ""),
      userXml(good(1)), // listed twice
      userXml(user(3_000_000_000)), // beyond 32-bit ids
      userXml(good(4)).replace(/<expavg_credit>[^<]*</, "<expavg_credit>12abc<"),
    ];
    writeFileSync(
      path.join(dir, "user.gz"),
      usersGz(`<users>\n${userXml(good(1))}${userXml(good(2))}${bad.join("")}</users>\n`),
    );
    const result = await importStatsExport(temp.db, dir, { maxSkipExamples: 3 });
    expect(result).toMatchObject({ status: "imported", users: 2, skipped: 5 });
    expect(result.skipReasons).toHaveLength(3);
    expect(result.skipReasons).toEqual([
      "user.gz: user 1 is listed twice",
      "user.gz: <user> id 3000000000 is beyond the 32-bit ids the database holds",
      expect.stringMatching(/^user\.gz:\d+: <user> with invalid <id> 'abc'$/),
    ]);
    expect((await temp.db.statsExport.findFirst({ orderBy: { exportTime: "desc" } }))!.skipped).toBe(5);
    expect(await temp.db.boincUser.findUnique({ where: { id: 2 }, select: { totalCredit: true } })).toEqual({
      totalCredit: 7,
    });
  });
});

describe("parsing in a worker thread", () => {
  it("stores exactly what parsing in this thread stores", async () => {
    const root = tempFolder();
    const dir = await writeDump(path.join(root, "d"), { updateTime: T0, teams: teams(), users: users(0) });
    const now = new Date("2025-08-22T01:00:00Z");
    const tables = [];
    for (const parseInWorker of [false, true]) {
      const temp = await createTempDatabase();
      await importStatsExport(temp.db, dir, { parseInWorker, now });
      tables.push(await importedTables(temp.db));
      await temp.cleanup();
    }
    expect(tables[1]).toEqual(tables[0]);
    expect(tables[0].boinc_user).toHaveLength(USERS);
  });
});

function truncate(file: string): void {
  const bytes = readFileSync(file);
  writeFileSync(file, bytes.subarray(0, bytes.length - 20));
}

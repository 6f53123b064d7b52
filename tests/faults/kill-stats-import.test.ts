// kill -9 in the middle of a statistics import: the portal's database shows nothing of it (its rows
// were staged in SQLite's temporary database, which dies with the process), no staging file is
// left anywhere, and running the import again completes. Killed while it rebuilds the volunteer
// table beside the live one, the live table is untouched and the next run clears the half-built one.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { T0, largeExport, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { rowCounts } from "@/tests/stats-import/helpers";
import { killWhen, runToEnd } from "./child-process";

describe("a statistics import killed mid-way", () => {
  let temp: TempDatabase;
  let work: string;
  beforeAll(async () => {
    temp = await createTempDatabase();
    work = mkdtempSync(path.join(os.tmpdir(), "pogs-fault-import-"));
  });
  afterAll(async () => {
    await temp.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it("leaves the database as it was, and completes when run again", async () => {
    const dump = await writeDump(path.join(work, "export"), largeExport(20_000, 100, T0));
    const sqliteTemp = path.join(work, "sqlite-temp");
    const tmp = mkdtempSync(sqliteTemp);
    const env = { DATABASE_URL: temp.databaseUrl, DATA_DIR: temp.dataDir, SQLITE_TMPDIR: tmp };
    const killedAt = await killWhen("tests/faults/children/import-stats.ts", [temp.databaseUrl, dump], env, /^stopped/);
    expect(killedAt).toBe("stopped in the users");

    const empty = { teams: 0, users: 0, exports: 0, userSnapshots: 0, teamSnapshots: 0, teamDeltas: 0 };
    expect(await rowCounts(temp.db)).toEqual(empty);
    expect(await temp.db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(readdirSync(tmp)).toEqual([]); // SQLite's temporary files go with the process
    expect(readdirSync(temp.dataDir).filter((f) => !/^pogs\.db(-wal|-shm)?$/.test(f))).toEqual([]);

    const run = await runToEnd("scripts/import-stats.ts", [dump], env);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported the export of .*: 20,000 users, 100 teams/);
    expect(await rowCounts(temp.db)).toMatchObject({ teams: 100, users: 20_000, exports: 1 });
  }, 180_000);

  it("leaves the volunteers as they were when killed rebuilding their table, and completes when run again", async () => {
    // runs after the test above: the next day's export over the first
    const dump = await writeDump(path.join(work, "next-day"), largeExport(20_000, 100, T0, 1));
    const env = { DATABASE_URL: temp.databaseUrl, DATA_DIR: temp.dataDir };
    const users = () => temp.db.$queryRawUnsafe(`SELECT * FROM "boinc_user" ORDER BY "id"`);
    const [counts, before] = [await rowCounts(temp.db), await users()];
    const killedAt = await killWhen(
      "tests/faults/children/import-stats.ts",
      [temp.databaseUrl, dump, "rebuild"],
      env,
      /^stopped/,
    );
    expect(killedAt).toBe("stopped in the rebuild");
    expect(await rowCounts(temp.db)).toEqual(counts);
    expect(await users()).toEqual(before);
    expect(await temp.db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);

    const run = await runToEnd("scripts/import-stats.ts", [dump], env);
    expect(run.code).toBe(0);
    expect(await rowCounts(temp.db)).toMatchObject({ users: 20_000, exports: 2 });
    expect(await users()).not.toEqual(before);
    const leftovers = await temp.db.$queryRawUnsafe(
      `SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name GLOB 'boinc_user__*'`,
    );
    expect(leftovers).toEqual([]);
  }, 180_000);
});

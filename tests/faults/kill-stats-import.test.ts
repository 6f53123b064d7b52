// kill -9 in the middle of a statistics import: the portal's database shows nothing of it (its rows
// were staged in SQLite's temporary database, which dies with the process), no staging file is
// left anywhere, and running the import again completes.
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
});

// `npm run archive -- --store | --delete | --verify` as an operator runs them, in a child process.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy } from "@/lib/hdf5";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { wideGalaxy } from "@/tests/hdf5/fixtures";

describe("npm run archive, the lifecycle steps", () => {
  let temp: TempDatabase;
  let store: string;
  let a: number, b: number;
  const archive = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/archive.ts", ...args],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: {
          ...process.env,
          DATA_DIR: temp.dataDir,
          DATABASE_URL: temp.databaseUrl,
          ARCHIVE_STORE: store,
          ARCHIVE_DELETE_AFTER_DAYS: "0",
          POGS_DEBUG: "",
        },
      },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
  };
  const status = async (id: number) => (await temp.db.galaxy.findUniqueOrThrow({ where: { id } })).status;

  beforeAll(async () => {
    temp = await createTempDatabase();
    store = path.join(temp.dataDir, "nfs");
    a = await wideGalaxy(temp.db, "NGC 309", 1_000);
    b = await wideGalaxy(temp.db, "UGC 5479", 2_000);
    await archiveGalaxy(temp.db, temp.dataDir, a);
    await archiveGalaxy(temp.db, temp.dataDir, b);
  }, 120_000);
  afterAll(() => temp.cleanup());

  it("refuses mixed modes and a store without galaxies, with the usage", () => {
    const r = archive("--store", "--delete", "1");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: --store and --delete cannot be combined; usage: npm run archive -- /);
    expect(archive("--store").stderr).toMatch(/^error: usage: /);
  }, 120_000);

  it("stores every archived galaxy into ARCHIVE_STORE, verifies, then deletes those due", async () => {
    const stored = archive("--all-archived");
    expect(stored.status, stored.stderr).toBe(0);
    expect(stored.stdout).toContain(`stored galaxy ${a} (NGC 309): ${store}/archives/${a}/`);
    expect(stored.stdout).toMatch(/sha256 [0-9a-f]{64} checked/);
    expect(existsSync(path.join(store, "archives", String(b)))).toBe(true);
    expect([await status(a), await status(b)]).toEqual(["stored", "stored"]);

    const verified = archive("--verify");
    expect(verified.status).toBe(0);
    expect(verified.stdout).toBe(`galaxy ${a} (NGC 309, stored): ok\ngalaxy ${b} (UGC 5479, stored): ok\n`);

    const deleted = archive("--delete", String(a));
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(
      new RegExp(`^deleted the per-pixel results of galaxy ${a} \\(NGC 309\\): \\d+ rows\n`),
    );
    expect([await status(a), await status(b)]).toEqual(["deleted", "stored"]);
    // Without ids: those stored ARCHIVE_DELETE_AFTER_DAYS (here 0) ago.
    expect(archive("--delete").stdout).toContain(`galaxy ${b} (UGC 5479)`);
    expect(await status(b)).toBe("deleted");
  }, 300_000);
});

// `npm run archive -- --store | --delete | --verify` as an operator runs them, in a child process;
// and every step under the galaxy's work claim, as another process (this one) may hold it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryClaimWork } from "@/lib/db/claim";
import { archiveGalaxy } from "@/lib/hdf5";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { wideGalaxy } from "@/tests/hdf5/fixtures";

describe("npm run archive, the lifecycle steps", () => {
  let temp: TempDatabase;
  let store: string;
  let a: number, b: number, c: number;
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
    c = await wideGalaxy(temp.db, "NGC 4030", 3_000);
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

  it("skips a galaxy whose claim another process holds in a sweep, refuses it when named", async () => {
    const held = "is being archived, stored or deleted by another process (it holds the galaxy's work claim)";
    const claim = (await tryClaimWork(temp.db, "archive", String(c)))!;
    try {
      const swept = archive("--all-processed");
      expect(swept.status, swept.stderr).toBe(0);
      expect(swept.stdout).toBe(`skipped: galaxy ${c} ${held}\n`);
      const named = archive(String(c));
      expect([named.status, named.stderr]).toEqual([1, `error: galaxy ${c} ${held}`]);
      expect(await status(c)).toBe("processed");
    } finally {
      await claim.release();
    }
    expect(archive("--all-processed").stdout).toContain(`archived galaxy ${c} (NGC 4030)`);

    const storing = (await tryClaimWork(temp.db, "archive", String(c)))!;
    try {
      expect(archive("--all-archived").stdout).toContain(`skipped: galaxy ${c} ${held}\n`);
      expect(archive("--store", String(c)).stderr).toBe(`error: galaxy ${c} ${held}`);
      expect(await status(c)).toBe("archived");
    } finally {
      await storing.release();
    }
    expect(archive("--store", String(c)).status).toBe(0);

    const deleting = (await tryClaimWork(temp.db, "archive", String(c)))!;
    try {
      const swept = archive("--delete");
      expect(swept.status, swept.stderr).toBe(0);
      expect(swept.stdout).toContain(`skipped: galaxy ${c} ${held}\n`);
      expect(archive("--delete", String(c)).stderr).toBe(`error: galaxy ${c} ${held}`);
      expect(await status(c)).toBe("stored");
      expect(await temp.db.pixelResultBlock.count({ where: { galaxyId: c } })).toBeGreaterThan(0);
    } finally {
      await deleting.release();
    }
    expect(archive("--delete", String(c)).status).toBe(0);
    expect(await status(c)).toBe("deleted");
    // Each step released its claim.
    expect(await temp.db.workClaim.count()).toBe(0);
  }, 300_000);
});

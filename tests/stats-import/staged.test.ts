// On SQLite an import stages its rows and swaps them in with one short transaction, so that an
// ingest started while a large import runs is not locked out until it ends; and what it stores is
// exactly what one long transaction stores.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatsExport, importStatsExportInWorker } from "@/lib/ingest/stats-import";
import { TagVersions } from "@/lib/cache/tag-versions";
import { ingestFits } from "@/lib/ingest/results";
import { DAY, T0, largeExport, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { fitInput } from "@/tests/hdf5/fixtures";
import { importedTables, removeTempFolders, tempFolder } from "./helpers";

const USERS = 100_000;

describe("a staged statistics import", () => {
  const temps: TempDatabase[] = [];
  let dumps: string[];
  beforeAll(async () => {
    const root = tempFolder();
    dumps = [
      await writeDump(path.join(root, "day0"), largeExport(3_000, 40, T0)),
      await writeDump(path.join(root, "day2"), largeExport(3_000, 40, T0, 2)),
      // older than day 2: imported as history
      await writeDump(path.join(root, "day1"), largeExport(3_200, 45, T0, 1)),
      await writeDump(path.join(root, "large"), largeExport(USERS, 2_000, T0 + 10 * DAY)),
    ];
  }, 120_000);
  afterAll(async () => {
    for (const t of temps) await t.cleanup();
    removeTempFolders();
  });

  it("stores exactly what one long transaction stores, and counts the same", async () => {
    const [staged, direct] = [await createTempDatabase(), await createTempDatabase()];
    temps.push(staged, direct);
    const now = new Date("2026-01-01T00:00:00Z");
    const credit = new TagVersions(staged.dataDir, 0);
    for (const dump of dumps.slice(0, 3)) {
      const before = credit.version("credit");
      const a = await importStatsExport(staged.db, dump, { now, dataDir: staged.dataDir });
      const b = await importStatsExport(direct.db, dump, { now, staged: false, dataDir: direct.dataDir });
      expect(a.writeLockSeconds).toBeGreaterThan(0);
      expect(b.writeLockSeconds).toBeUndefined();
      const counts = (r: typeof a) => ({ ...r, seconds: 0, writeLockSeconds: 0 });
      expect(counts(a)).toEqual(counts(b));
      expect(credit.version("credit"), "the credit pages are told").not.toBe(before);
    }
    const [a, b] = [await importedTables(staged.db), await importedTables(direct.db)];
    expect(a.team_delta.length).toBeGreaterThan(0);
    expect(a.user_credit_snapshot.length).toBeGreaterThan(5_000);
    expect(a).toEqual(b);
    // nothing of the staging is left on the import's connection
    const temporary = await staged.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM temp.sqlite_master");
    expect(temporary).toEqual([]);
  }, 120_000);

  it("lets an ingest started during the import finish within 5 s", async () => {
    const temp = await createTempDatabase();
    temps.push(temp);
    const { areas } = await createTestGalaxy(temp.db, {
      name: "Ingested during an import",
      width: 16,
      height: 10,
      areas: Array.from({ length: 4 }, (_, i) => ({
        x0: 4 * i,
        y0: 0,
        x1: 4 * i + 4,
        y1: 10,
        firstPixelId: 1 + 40 * i,
      })),
    });
    const inputs = (await temp.db.area.findMany({ where: { id: { in: areas.map((a) => a.id) } } })).map((a) =>
      fitInput(a),
    );

    let importDone = false;
    let ingest: Promise<{ seconds: number; stored: number; importDoneAfter: boolean }> | null = null;
    const imported = importStatsExportInWorker(temp.databaseUrl, dumps[3], {
      onProgress: (p) => {
        // Well into the users: the import has written tens of thousands of rows by now.
        if (p.phase !== "users" || p.records < 20_000 || ingest) return;
        const started = performance.now();
        ingest = ingestFits(temp.db, inputs).then((report) => ({
          seconds: (performance.now() - started) / 1000,
          stored: report.stored,
          importDoneAfter: importDone,
        }));
      },
    }).finally(() => (importDone = true));
    const result = await imported;
    expect(ingest, "the import ended before the ingest could start").not.toBeNull();
    const done = await ingest!;
    expect(done.stored).toBe(4);
    expect(done.importDoneAfter).toBe(false); // it ran beside the import, not after it
    expect(done.seconds).toBeLessThan(5);
    expect(result.users).toBe(USERS);
    // The lock is held for the swap alone, a small part of the import (its length depends on the
    // machine's load; the bench gives it at a million users).
    expect(result.writeLockSeconds).toBeLessThan(result.seconds / 3);
    console.log(
      `import of ${USERS} users: ${result.seconds.toFixed(1)} s, write lock ${result.writeLockSeconds!.toFixed(2)} s; ` +
        `ingest during it: ${done.seconds.toFixed(2)} s`,
    );
    // Both landed: the results, and the export over the placeholder users the ingest made.
    expect(await temp.db.pixelResultBlock.count()).toBe(4);
    expect((await temp.db.boincUser.findUniqueOrThrow({ where: { id: 5 } })).name).toBe("volunteer_5");
    expect(await temp.db.boincUser.count()).toBe(USERS);
  }, 180_000);
});

// On SQLite an import stages its rows and swaps them in with one short transaction, so that an
// ingest started while a large import runs is not locked out until it ends; and what it stores is
// exactly what one long transaction stores.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { applyMigrations, loadMigrations } from "@/lib/db/migrations";
import { sqlitePath } from "@/lib/db/provider";
import { importStatsExport, importStatsExportInWorker } from "@/lib/ingest/stats-import";
import { TagVersions } from "@/lib/cache/tag-versions";
import { ingestFits } from "@/lib/ingest/results";
import { DAY, T0, largeExport, writeDump } from "@/lib/testing/synthetic-dump";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { fitInput } from "@/tests/hdf5/fixtures";
import { importedTables, removeTempFolders, tempFolder } from "./helpers";

const USERS = 100_000;

/** Tables and triggers a rebuild of a table makes and removes (lib/db/table-swap.ts). */
const schemaLeftovers = async (db: Db) =>
  db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND (name GLOB '*__next' OR name GLOB '*__old' OR name GLOB '*__touched*')`,
  );

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
    // staged: swapped in by updates (the small imports' way); rebuilt: the volunteer table
    // written beside the live one and renamed into place (the large imports' way)
    const [staged, rebuilt, direct] = [
      await createTempDatabase(),
      await createTempDatabase(),
      await createTempDatabase(),
    ];
    temps.push(staged, rebuilt, direct);
    const now = new Date("2026-01-01T00:00:00Z");
    const credit = new TagVersions(staged.dataDir, 0);
    const rebuilds: string[] = [];
    for (const dump of dumps.slice(0, 3)) {
      const before = credit.version("credit");
      const a = await importStatsExport(staged.db, dump, { now, dataDir: staged.dataDir });
      const r = await importStatsExport(rebuilt.db, dump, {
        now,
        dataDir: rebuilt.dataDir,
        rebuildUsersAt: 0,
        rebuildChunk: 500, // several statements, over the gaps prune leaves in the staging
        onProgress: (p) => p.phase === "rebuild" && rebuilds.push(dump),
      });
      const b = await importStatsExport(direct.db, dump, { now, staged: false, dataDir: direct.dataDir });
      expect(a.writeLockSeconds).toBeGreaterThan(0);
      expect(b.writeLockSeconds).toBeUndefined();
      const counts = (r: typeof a) => ({ ...r, seconds: 0, writeLockSeconds: 0 });
      expect(counts(a)).toEqual(counts(b));
      expect(counts(r)).toEqual(counts(b));
      expect(credit.version("credit"), "the credit pages are told").not.toBe(before);
    }
    expect(new Set(rebuilds), "every import rebuilt the volunteer table").toEqual(new Set(dumps.slice(0, 3)));
    const [a, r, b] = [
      await importedTables(staged.db),
      await importedTables(rebuilt.db),
      await importedTables(direct.db),
    ];
    expect(a.team_delta.length).toBeGreaterThan(0);
    expect(a.user_credit_snapshot.length).toBeGreaterThan(5_000);
    expect(a).toEqual(b);
    expect(r).toEqual(b);
    // nothing of the staging is left on the import's connection
    const temporary = await staged.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM temp.sqlite_master");
    expect(temporary).toEqual([]);
    expect(await schemaLeftovers(rebuilt.db)).toEqual([]);
    expect(await rebuilt.db.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
  }, 120_000);

  it("rebuilding the volunteer table keeps what others write meanwhile, and the migrations' index names", async () => {
    const temp = await createTempDatabase();
    temps.push(temp);
    const now = new Date("2026-01-01T00:00:00Z");
    await importStatsExport(temp.db, dumps[0], { now, dataDir: temp.dataDir });
    // As if the last migration (it drops an index of boinc_user by name) were still to be applied.
    const last = loadMigrations("sqlite").migrationDirectories.at(-1)!.path;
    expect(last).toMatch(/drop_boinc_user_rac_value_index$/);
    await temp.db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${last}'`);
    await temp.db.$executeRawUnsafe(`CREATE INDEX "boinc_user_expavg_credit_idx" ON "boinc_user"("expavg_credit")`);
    const indexNames = async () =>
      (
        await temp.db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'boinc_user' AND sql IS NOT NULL ORDER BY name`,
        )
      ).map((i) => i.name);
    const before = await indexNames();

    // Another connection writes while the table is rebuilt: a placeholder volunteer the export
    // does not know (kept), one it does (the export's row wins), and a changed stored volunteer.
    const other = new Database(sqlitePath(temp.databaseUrl));
    const placeholder = other.prepare(`INSERT INTO "boinc_user" ("id", "name", "create_time") VALUES (?, ?, ?)`);
    let wrote = false;
    // dumps[2]: the next day after dumps[0], with 200 more volunteers
    const result = await importStatsExport(temp.db, dumps[2], {
      now,
      dataDir: temp.dataDir,
      rebuildUsersAt: 0,
      onProgress: (p) => {
        if (p.phase !== "rebuild" || wrote) return;
        wrote = true;
        placeholder.run(900_001, "BOINC user 900001", now.toISOString());
        placeholder.run(3_100, "BOINC user 3100", now.toISOString());
        other.prepare(`UPDATE "boinc_user" SET "url" = 'https://example.org/7' WHERE "id" = 7`).run();
      },
    });
    other.close();
    expect(wrote).toBe(true);
    expect(result.status).toBe("imported");
    const user = (id: number) => temp.db.boincUser.findUnique({ where: { id } });
    expect((await user(900_001))?.name).toBe("BOINC user 900001");
    expect((await user(3_100))?.name).toBe("volunteer_3100");
    expect((await user(7))?.url).toBe("https://example.org/7");
    expect(await temp.db.boincUser.count()).toBe(3_200 + 1);
    expect(await schemaLeftovers(temp.db)).toEqual([]);
    // the other tables still reference boinc_user (not the table it replaced)
    const references = await temp.db.$queryRawUnsafe<{ sql: string }[]>(
      `SELECT sql FROM sqlite_master WHERE sql LIKE '%REFERENCES%boinc_user%'`,
    );
    expect(references.length).toBeGreaterThan(5);
    for (const r of references) expect(r.sql).not.toMatch(/boinc_user__/);
    expect(await temp.db.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);

    // the rebuilt table's indexes have their other names; applying the migration restores them
    const rebuiltNames = await indexNames();
    expect(rebuiltNames).toEqual(before.map((n) => `${n}__next`));
    await temp.db.$disconnect();
    expect(await applyMigrations(temp.databaseUrl)).toEqual([last]);
    expect(await indexNames()).toEqual(before.filter((n) => n !== "boinc_user_expavg_credit_idx"));
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

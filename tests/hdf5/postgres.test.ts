// Archives and subsets on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI), where the areas and
// result blocks are read through Prisma rather than straight from a SQLite file: a fresh database
// made for the test and dropped after it; h5py reads what was written.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import type { Db } from "@/lib/db/client";
import { archiveGalaxy, writeHdf5Subset } from "@/lib/hdf5";
import { decodeBlock, pixelStatisticsAt } from "@/lib/survey/result-block";
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";
import { POGS_FIRST_ID, wideGalaxy } from "./fixtures";
import { readByName, toolsAvailable } from "./outside-tools";

describe.runIf(TEST_POSTGRES_URL && toolsAvailable)("archives and subsets on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  let dataDir: string;

  beforeAll(async () => {
    database = await createPostgresDatabase("hdf5");
    db = database.db;
    dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-hdf5-pg-"));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("hold the stored statistics, details and areas", async () => {
    const galaxyId = await wideGalaxy(db, "PGC1068443c", POGS_FIRST_ID);
    const archive = await archiveGalaxy(db, dataDir, galaxyId);
    const subset = await writeHdf5Subset(
      db,
      dataDir,
      { galaxyId, box: { x0: 5, y0: 0, x1: 1100, y1: 10 }, parameters: [6, 1], statistics: [1, 0] },
      "subset.h5",
    );
    const expected: { x: number; y: number; stats: number[][]; areaId: number }[] = [];
    for (const row of await db.pixelResultBlock.findMany({ where: { galaxyId } })) {
      const block = decodeBlock(row);
      for (let i = 0; i < block.pixelCount; i++)
        expected.push({ x: block.x[i], y: block.y[i], stats: pixelStatisticsAt(block, i), areaId: row.areaId });
    }
    const pixels = expected.map((e) => [e.x, e.y] as [number, number]);
    const whole = readByName(path.join(dataDir, archive.path), pixels);
    const cut = readByName(subset.file, pixels);
    expected.forEach((e, k) => {
      const a = whole.pixels[k];
      if (!a.inside) throw new Error(`(${e.x}, ${e.y}) missing from the archive`);
      PARAMETERS.forEach((p) =>
        STATISTICS.forEach((s) =>
          expect(a.values[p.hdf5Name][s.name]).toBe(
            Number.isNaN(e.stats[p.index][s.index]) ? null : e.stats[p.index][s.index],
          ),
        ),
      );
      expect(a.details.area_id).toBe(e.areaId);
      const c = cut.pixels[k];
      expect(c.inside).toBe(e.y < 10 && e.x >= 5);
      if (c.inside) {
        expect(c.values.M_STARS).toEqual({
          PERCENTILE_50: a.values.M_STARS.PERCENTILE_50,
          BEST_FIT: a.values.M_STARS.BEST_FIT,
        });
        expect(c.histograms!.F_MU_SFH).toEqual(a.histograms!.F_MU_SFH);
      }
    });
    const areas = await db.area.findMany({ where: { galaxyId }, orderBy: { id: "asc" } });
    expect(whole.tables["area/area"].map((a) => a.area_id)).toEqual(areas.map((a) => a.id));
    expect(whole.tables["area/area"][0].update_time).toBe(areas[0].updatedAt.toISOString());
    expect(whole.tables["area/area_user"]).toHaveLength(2 * areas.length);
    expect(cut.tables["area/area"].map((a) => a.area_id)).toEqual(
      areas.filter((a) => a.y0 < 10 && a.x1 > 5).map((a) => a.id),
    );
  });
});

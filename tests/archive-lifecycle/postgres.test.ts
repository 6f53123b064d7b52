// The lifecycle on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI), where the archive's copy of the
// rows is written from rows read through Prisma and the space is given back by VACUUM on the table:
// a galaxy answers the same readouts, inspections, grids and cutout values after deletion.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanResults } from "@/lib/access/subset/result-scan";
import { deleteResults, reclaimSpace, storeArchive } from "@/lib/archive-store";
import type { Db } from "@/lib/db/client";
import { archiveGalaxy } from "@/lib/hdf5";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { inspectPixel } from "@/lib/survey/pixel-inspection";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import { wideGalaxy } from "@/tests/hdf5/fixtures";

describe.runIf(TEST_POSTGRES_URL)("the archive lifecycle on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  let dataDir: string;

  beforeAll(async () => {
    database = await createPostgresDatabase("lifecycle");
    db = database.db;
    dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-lifecycle-pg-"));
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function answers(galaxyId: number) {
    const ctx = { db, dataDir };
    const g = await db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
    const pixels: unknown[] = [];
    for (const [x, y] of [
      [11, 5],
      [12, 6],
      [1019, 3],
      [1030, 10],
      [500, 7],
    ])
      pixels.push(await getPixelReadout(ctx, galaxyId, x, y), await inspectPixel(db, galaxyId, x, y));
    const grids = (await readResultGrids(ctx, galaxyId))!.values;
    const box = { x0: 0, y0: 0, x1: g.width, y1: g.height };
    const cubes = [new Float32Array(g.width * g.height * 7).fill(NaN)];
    await scanResults(db, galaxyId, g.resultsVersion, box, [6], [0, 1, 2, 3, 4, 5, 6], cubes);
    return { pixels, grids, cube: Buffer.from(cubes[0].buffer) };
  }

  it("answers the same after the rows are deleted, and deletes only them", async () => {
    const galaxyId = await wideGalaxy(db, "NGC 309", 1_000);
    await archiveGalaxy(db, dataDir, galaxyId);
    await storeArchive(db, dataDir, path.join(dataDir, "store"), galaxyId, { dataDir });
    const before = await answers(galaxyId);
    const areas = await db.area.count({ where: { galaxyId } });
    const r = await deleteResults(db, galaxyId, { dataDir });
    expect(r.rows).toBeGreaterThan(0);
    await reclaimSpace(db);
    expect(await db.pixelResultBlock.count({ where: { galaxyId } })).toBe(0);
    expect(await db.area.count({ where: { galaxyId } })).toBe(areas);
    const after = await answers(galaxyId);
    expect(JSON.stringify(before.pixels)).toContain('"values":{');
    expect(after).toEqual(before);
  });
});

// kill -9 in the middle of `npm run ingest`: every area is stored whole or not at all (results,
// credited users, the galaxy's progress agree), and running it again stores the rest.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { fitTextFor } from "@/tests/hdf5/fixtures";
import { killWhen, runToEnd } from "./child-process";

// 450 work units of 2 × 2 pixels: the CLI stores 200 a transaction.
const AREAS = 450;

describe("an ingest killed mid-way", () => {
  let temp: TempDatabase;
  let work: string;
  let galaxyId: number;
  beforeAll(async () => {
    temp = await createTempDatabase();
    work = mkdtempSync(path.join(os.tmpdir(), "pogs-fault-ingest-"));
    const { galaxy } = await createTestGalaxy(temp.db, {
      name: "Killed ingest",
      width: 90,
      height: 20,
      areas: Array.from({ length: AREAS }, (_, i) => {
        const [x0, y0] = [2 * (i % 45), 2 * Math.floor(i / 45)];
        return { x0, y0, x1: x0 + 2, y1: y0 + 2, firstPixelId: 1 + 4 * i };
      }),
    });
    galaxyId = galaxy.id;
    const areas = await temp.db.area.findMany({ where: { galaxyId }, orderBy: { id: "asc" } });
    for (const a of areas) writeFileSync(path.join(work, `area${a.id}.fit`), fitTextFor(a));
  }, 120_000);
  afterAll(async () => {
    await temp.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  async function stored() {
    const [blocks, credited, processed, galaxy] = await Promise.all([
      temp.db.pixelResultBlock.count(),
      temp.db.areaUser.count(),
      temp.db.area.count({ where: { galaxyId, processedAt: { not: null } } }),
      temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } }),
    ]);
    return { blocks, credited, processed, areasProcessed: galaxy.areasProcessed, status: galaxy.status };
  }

  it("leaves whole areas only, and stores the rest when run again", async () => {
    const env = { DATABASE_URL: temp.databaseUrl, DATA_DIR: temp.dataDir };
    const args = ["scripts/ingest.ts", work, "--users", "5,9"] as const;
    const killedAt = await killWhen(args[0], args.slice(1), env, /^Ingesting: 200\/450/);
    expect(killedAt).toMatch(/^Ingesting: 200\/450 files/);

    const after = await stored();
    expect([200, 400]).toContain(after.blocks); // whole transactions of 200 areas
    expect(after).toEqual({
      blocks: after.blocks,
      credited: 2 * after.blocks,
      processed: after.blocks,
      areasProcessed: after.blocks,
      status: "computing",
    });

    const run = await runToEnd(args[0], args.slice(1), env);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual([]);
    expect(run.code).toBe(0);
    expect(await stored()).toEqual({
      blocks: AREAS,
      credited: 2 * AREAS,
      processed: AREAS,
      areasProcessed: AREAS,
      status: "processed",
    });
  }, 240_000);
});

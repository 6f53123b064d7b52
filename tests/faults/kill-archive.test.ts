// kill -9 in the middle of an archive build: no file at the archive's path, the galaxy still
// processed, only a hidden temporary left (swept once old); archiving again completes.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy, removeStaleArchives } from "@/lib/hdf5";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { wideGalaxy } from "@/tests/hdf5/fixtures";
import { killWhen } from "./child-process";

describe("an archive build killed mid-way", () => {
  let temp: TempDatabase;
  let galaxyId: number;
  const files = () => {
    const dir = path.join(temp.dataDir, "archives", String(galaxyId));
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  beforeAll(async () => {
    temp = await createTempDatabase();
    galaxyId = await wideGalaxy(temp.db, "Killed archive", 1_000);
  });
  afterAll(() => temp.cleanup());

  it("leaves the galaxy processed and no archive, and archives it when run again", async () => {
    const args = ["tests/faults/children/archive.ts", temp.databaseUrl, temp.dataDir, String(galaxyId)];
    expect(await killWhen(args[0], args.slice(1), {}, /^band /)).toMatch(/^band 1\//);

    const galaxy = await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
    expect(galaxy).toMatchObject({ status: "processed", archivePath: null, archiveSha256: null });
    const litter = files();
    expect(litter.length).toBe(1);
    expect(litter[0]).toMatch(/^\..*\.tmp$/); // hidden, never at the archive's own name

    const result = await archiveGalaxy(temp.db, temp.dataDir, galaxyId);
    expect((await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } })).status).toBe("archived");
    expect(files().sort()).toEqual([path.basename(result.path), litter[0]].sort());
    // A temporary this old can belong to no running build: swept.
    const removed = await removeStaleArchives(temp.db, temp.dataDir, Date.now() + 7 * 3600_000);
    expect(removed).toEqual([`archives/${galaxyId}/${litter[0]}`]);
    expect(files()).toEqual([path.basename(result.path)]);
  }, 180_000);
});

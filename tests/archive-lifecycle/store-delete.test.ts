// Storing and deleting in the galaxy lifecycle: only archived galaxies are stored and only after
// their copy is read back and checked; a bad copy leaves nothing behind; results are deleted only
// from a stored galaxy whose copy checks out again, in one go, and the database shrinks; a missing
// or corrupt stored archive is reported and never read as if it were fine, also when another
// process finds it; a deleted galaxy refuses new results.
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteResults,
  galaxiesDueForDeletion,
  LifecycleRefusedError,
  reclaimSpace,
  storeArchive,
  verifyStoredArchives,
} from "@/lib/archive-store";
import { storedCopyProblem } from "@/lib/archive-store/stored-results";
import { archiveGalaxy } from "@/lib/hdf5";
import { ingestFits } from "@/lib/ingest/results";
import { getPixelReadout } from "@/lib/maps/service/pixel-readout";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { fitInput, wideGalaxy } from "@/tests/hdf5/fixtures";

/** Flips one byte of a file in the middle (and returns a function putting it back). */
function flipByte(file: string): () => void {
  const fd = openSync(file, "r+");
  const at = Math.floor(statSync(file).size / 2);
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  const original = b[0];
  writeSync(fd, Buffer.from([original ^ 0xff]), 0, 1, at);
  closeSync(fd);
  return () => {
    const fd2 = openSync(file, "r+");
    writeSync(fd2, Buffer.from([original]), 0, 1, at);
    closeSync(fd2);
  };
}

describe("storing and deleting", () => {
  let temp: TempDatabase;
  let store: string;
  let a: number, b: number, computing: number;
  const row = (id: number) => temp.db.galaxy.findUniqueOrThrow({ where: { id } });
  const storeFiles = () =>
    existsSync(store) ? readdirSync(store, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()) : [];

  beforeAll(async () => {
    temp = await createTempDatabase();
    store = path.join(temp.dataDir, "long-term");
    a = await wideGalaxy(temp.db, "NGC 309", 1_000);
    b = await wideGalaxy(temp.db, "UGC 5479", 2_000);
    computing = await wideGalaxy(temp.db, "M51", 3_000, 1);
    await archiveGalaxy(temp.db, temp.dataDir, a);
    await archiveGalaxy(temp.db, temp.dataDir, b);
  }, 120_000);
  afterAll(() => temp.cleanup());

  it("refuses to store a galaxy that is not archived, saying why", async () => {
    await expect(storeArchive(temp.db, temp.dataDir, store, computing)).rejects.toThrow(
      `galaxy ${computing} (M51) is computing; only archived galaxies are stored`,
    );
    await expect(storeArchive(temp.db, temp.dataDir, store, 999)).rejects.toBeInstanceOf(LifecycleRefusedError);
    expect(storeFiles()).toEqual([]);
  });

  it("leaves no file and no change when the copy does not match the archive's sha256", async () => {
    const before = await row(b);
    const putBack = flipByte(path.join(temp.dataDir, before.archivePath!));
    await expect(storeArchive(temp.db, temp.dataDir, store, b)).rejects.toThrow(
      /does not match the archive .*nothing stored/,
    );
    putBack();
    expect(storeFiles()).toEqual([]); // not even a temporary file
    expect(await row(b)).toEqual(before);
  });

  it("stores a copy checked against the archive's sha256 and records where and when", async () => {
    const at = new Date("2026-11-01T00:00:00Z");
    const r = await storeArchive(temp.db, temp.dataDir, store, a, { at, dataDir: temp.dataDir });
    const g = await row(a);
    expect(g).toMatchObject({
      status: "stored",
      statusTime: at,
      storedAt: at,
      storedPath: r.storedPath,
      archiveProblem: null,
    });
    expect(r.storedPath).toBe(path.join(store, g.archivePath!));
    expect(r.sha256).toBe(g.archiveSha256);
    expect(storeFiles().map((f) => f.name)).toEqual([path.basename(g.archivePath!)]);
    await storeArchive(temp.db, temp.dataDir, store, b, { at: new Date("2026-11-05T00:00:00Z") });
  });

  it("picks the galaxies stored longer than the delay", async () => {
    const now = new Date("2026-11-08T00:00:00Z");
    expect((await galaxiesDueForDeletion(temp.db, 5, now)).map((g) => g.id)).toEqual([a]);
    expect((await galaxiesDueForDeletion(temp.db, 2, now)).map((g) => g.id)).toEqual([a, b]);
  });

  it("refuses to delete when the stored copy is corrupt, reports it, and deletes once it is good again", async () => {
    const g = await row(b);
    const rows = await temp.db.pixelResultBlock.count({ where: { galaxyId: b } });
    const putBack = flipByte(g.storedPath!);
    await expect(deleteResults(temp.db, b)).rejects.toThrow(/is corrupt .*its results stay in the database/);
    expect(await temp.db.pixelResultBlock.count({ where: { galaxyId: b } })).toBe(rows);
    expect((await row(b)).archiveProblem).toMatch(/is corrupt/);
    expect(storedCopyProblem(await row(b))).toMatch(/is corrupt/);
    const verified = await verifyStoredArchives(temp.db);
    expect(verified.find((v) => v.galaxyId === b)?.problem).toMatch(/sha256 [0-9a-f]{64}, expected/);
    expect(verified.find((v) => v.galaxyId === a)?.problem).toBeNull();
    putBack();
    expect((await verifyStoredArchives(temp.db, [b]))[0].problem).toBeNull();
    expect((await row(b)).archiveProblem).toBeNull();
  });

  it("deletes a stored galaxy's result rows only, and the database shrinks after VACUUM", async () => {
    await expect(deleteResults(temp.db, computing)).rejects.toThrow("is computing; only stored galaxies are deleted");
    const pages = async () =>
      Number((await temp.db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0].page_count);
    const areas = await temp.db.area.count({ where: { galaxyId: b } });
    const users = await temp.db.areaUser.count({ where: { area: { galaxyId: b } } });
    const before = await pages();
    const r = await deleteResults(temp.db, b, { at: new Date("2026-11-10T00:00:00Z") });
    expect(r.rows).toBeGreaterThan(0);
    await reclaimSpace(temp.db);
    expect(await pages()).toBeLessThan(before);
    expect(await temp.db.pixelResultBlock.count({ where: { galaxyId: b } })).toBe(0);
    expect(await temp.db.pixelResultBlock.count({ where: { galaxyId: a } })).toBeGreaterThan(0);
    expect(await temp.db.area.count({ where: { galaxyId: b } })).toBe(areas);
    expect(await temp.db.areaUser.count({ where: { area: { galaxyId: b } } })).toBe(users);
    expect(await row(b)).toMatchObject({ status: "deleted", statusTime: new Date("2026-11-10T00:00:00Z") });
    await expect(deleteResults(temp.db, b)).rejects.toThrow("is deleted; only stored galaxies are deleted");
  });

  it("refuses new results for a deleted galaxy, with the reason", async () => {
    const area = await temp.db.area.findFirstOrThrow({ where: { galaxyId: b }, orderBy: { id: "asc" } });
    const report = await ingestFits(temp.db, [fitInput(area, { fileName: "late.fit" })]);
    expect(report.outcomes).toEqual([
      {
        fileName: "late.fit",
        status: "refused",
        reason: expect.stringMatching(/^galaxy \d+ \(UGC 5479\) is deleted .*new results are refused$/),
      },
    ]);
    expect(await temp.db.pixelResultBlock.count({ where: { galaxyId: b } })).toBe(0);
    expect((await row(b)).status).toBe("deleted");
  });

  it("never serves a missing stored archive as if it were fine", async () => {
    const ctx = { db: temp.db, dataDir: temp.dataDir };
    const ok = await getPixelReadout(ctx, b, 11, 5);
    expect(ok.kind === "ok" && ok.readout.values).toBeTruthy();
    const g = await row(b);
    renameSync(g.storedPath!, `${g.storedPath}.away`);
    try {
      expect(storedCopyProblem(g)).toBe(`the stored archive ${g.storedPath} is missing`);
      await expect(getPixelReadout(ctx, b, 11, 5)).rejects.toThrow(
        `galaxy ${b}: the stored archive ${g.storedPath} is missing`,
      );
      const [v] = await verifyStoredArchives(temp.db, [b]);
      expect(v.problem).toBe(`the stored archive ${g.storedPath} is missing`);
    } finally {
      renameSync(`${g.storedPath}.away`, g.storedPath!);
    }
    await verifyStoredArchives(temp.db, [b]);
    expect((await getPixelReadout(ctx, b, 11, 5)).kind).toBe("ok");
  });

  it("sees a problem another process records within a second", async () => {
    const ctx = { db: temp.db, dataDir: temp.dataDir };
    const wait = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await getPixelReadout(ctx, b, 11, 5)).kind).toBe("ok");
    // As another process's --verify records it: this process is not told.
    await temp.db.galaxy.update({ where: { id: b }, data: { archiveProblem: "found corrupt elsewhere" } });
    await wait();
    await expect(getPixelReadout(ctx, b, 11, 5)).rejects.toThrow(`galaxy ${b}: found corrupt elsewhere`);
    await temp.db.galaxy.update({ where: { id: b }, data: { archiveProblem: null } });
    await wait();
    expect((await getPixelReadout(ctx, b, 11, 5)).kind).toBe("ok");
  });
});

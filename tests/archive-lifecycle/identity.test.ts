// A galaxy answers exactly the same before and after its per-pixel results are deleted from the
// database: pixel readout, pixel inspector, volunteer rectangles, result grids and tiles rebuilt
// with nothing cached, FITS and HDF5 SODA cutouts. Only where the bytes come from changes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteResults, storeArchive } from "@/lib/archive-store";
import { archiveGalaxy } from "@/lib/hdf5";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { registeredProcessedGalaxy } from "@/tests/hdf5/fixtures";
import { snapshot } from "./snapshot";

describe("a deleted galaxy", () => {
  let temp: TempDatabase;
  let galaxyId: number;

  beforeAll(async () => {
    temp = await createTempDatabase({ useAsProcessDefault: true });
    galaxyId = await registeredProcessedGalaxy(temp.db, temp.dataDir);
    await archiveGalaxy(temp.db, temp.dataDir, galaxyId);
    await storeArchive(temp.db, temp.dataDir, `${temp.dataDir}/store`, galaxyId);
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await temp.cleanup();
  });

  it("answers every per-pixel question exactly as it did from the database", async () => {
    // FITS files carry the time they were written (DATE, and CHECKSUM over it): one time for both.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T12:00:00Z") });
    const before = await snapshot(temp.db, temp.dataDir, galaxyId);
    const rows = await temp.db.pixelResultBlock.count({ where: { galaxyId } });
    expect(rows).toBeGreaterThan(10);

    const deleted = await deleteResults(temp.db, galaxyId, { dataDir: temp.dataDir });
    expect(deleted.rows).toBe(rows);
    expect(await temp.db.pixelResultBlock.count({ where: { galaxyId } })).toBe(0);
    expect((await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } })).status).toBe("deleted");
    expect(await temp.db.area.count({ where: { galaxyId } })).toBeGreaterThan(10);

    const after = await snapshot(temp.db, temp.dataDir, galaxyId);
    // The checks saw results, not an empty galaxy answering empty both times.
    const withValues = (before.readouts as { readout: { values: unknown } }[]).filter((r) => r.readout.values);
    expect(withValues.length).toBeGreaterThan(100);
    for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);
  }, 300_000);
});

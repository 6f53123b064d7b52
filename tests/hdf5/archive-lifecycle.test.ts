// The archive in the galaxy lifecycle: only processed galaxies are archived; a failure while the
// file is written leaves no file and no change; new results make an archived galaxy processed
// again, forget its archive, and the stale file is swept.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy, ArchiveRefusedError, removeStaleArchives } from "@/lib/hdf5";
import { ingestFits } from "@/lib/ingest/results";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { fitInput, wideGalaxy } from "./fixtures";
import { readWithH5py, toolsAvailable } from "./outside-tools";

describe("archiving in the galaxy lifecycle", () => {
  let temp: TempDatabase;
  let processedId: number;
  let computingId: number;
  const filesOf = (id: number) =>
    existsSync(path.join(temp.dataDir, "archives", String(id)))
      ? readdirSync(path.join(temp.dataDir, "archives", String(id)))
      : [];
  const row = (id: number) => temp.db.galaxy.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    temp = await createTempDatabase();
    processedId = await wideGalaxy(temp.db, "Processed", 1_000);
    computingId = await wideGalaxy(temp.db, "Computing", 2_000, 1);
  });
  afterAll(() => temp.cleanup());

  it("refuses a galaxy that is not processed, saying why, and changes nothing", async () => {
    const before = await row(computingId);
    expect(before.status).toBe("computing");
    const refusal = archiveGalaxy(temp.db, temp.dataDir, computingId);
    await expect(refusal).rejects.toBeInstanceOf(ArchiveRefusedError);
    await expect(refusal).rejects.toThrow(
      `galaxy ${computingId} (Computing) is computing (3 of 4 work units processed); only processed galaxies are archived`,
    );
    expect(await row(computingId)).toEqual(before);
    expect(filesOf(computingId)).toEqual([]);
    await expect(archiveGalaxy(temp.db, temp.dataDir, 9999)).rejects.toThrow("galaxy 9999 does not exist");
  });

  it("leaves no file and no status change when the write fails midway, and works again afterwards", async () => {
    const before = await row(processedId);
    let bands = 0;
    await expect(
      archiveGalaxy(temp.db, temp.dataDir, processedId, {
        onProgress: () => {
          if (++bands === 1) throw new Error("disk on fire");
        },
      }),
    ).rejects.toThrow("disk on fire");
    expect(bands).toBe(1);
    expect(await row(processedId)).toEqual(before);
    expect(filesOf(processedId)).toEqual([]); // neither the archive nor its temporary file

    // h5wasm closed the half-written file: the next archive is whole.
    const result = await archiveGalaxy(temp.db, temp.dataDir, processedId);
    expect(filesOf(processedId)).toEqual([path.basename(result.path)]);
    expect((await row(processedId)).status).toBe("archived");
    if (toolsAvailable)
      expect(readWithH5py(result.absolutePath, [[10, 4]]).pixels[0].details.area_id).toBeGreaterThan(0);
  });

  it("refuses an archived galaxy, and a galaxy whose results changed while its archive was built", async () => {
    await expect(archiveGalaxy(temp.db, temp.dataDir, processedId)).rejects.toThrow(
      /is already archived \(archives\/\d+\/Processed__1__\d+\.hdf5, .*\); new results make it processed again/,
    );

    const racingId = await wideGalaxy(temp.db, "Racing", 3_000);
    const before = await row(racingId);
    let update: Promise<unknown> | null = null;
    const attempt = archiveGalaxy(temp.db, temp.dataDir, racingId, {
      // an ingest lands while the file is being written (`.then` sends the lazy Prisma query)
      onProgress: () =>
        void (update ??= temp.db.galaxy
          .update({ where: { id: racingId }, data: { resultsVersion: { increment: 1 } } })
          .then(() => {})),
    });
    await expect(attempt).rejects.toThrow(/changed while its archive was built .*; archive it again/);
    await update;
    expect(await row(racingId)).toMatchObject({
      status: "processed",
      resultsVersion: before.resultsVersion + 1,
      archivePath: null,
      archivedAt: null,
    });
    expect(filesOf(racingId)).toEqual([]);
  });

  it("goes back to processed on a new ingest, forgetting the archive; the stale file is swept", async () => {
    const archived = await row(processedId);
    expect(archived.status).toBe("archived");
    const area = await temp.db.area.findFirstOrThrow({ where: { galaxyId: processedId }, orderBy: { id: "desc" } });
    const receivedAt = new Date("2026-11-22T08:00:00Z");
    const report = await ingestFits(temp.db, [fitInput(area, { users: [{ id: 11 }], receivedAt })]);
    expect(report.stored).toBe(1);

    expect(await row(processedId)).toMatchObject({
      status: "processed",
      statusTime: receivedAt,
      resultsVersion: archived.resultsVersion + 1,
      archivePath: null,
      archiveSha256: null,
      archiveSize: null,
      archivedAt: null,
    });
    // The stale file stays until swept (removing it inside the ingest transaction could lose it on a rollback).
    expect(filesOf(processedId)).toEqual([path.basename(archived.archivePath!)]);
    expect(await removeStaleArchives(temp.db, temp.dataDir)).toEqual([archived.archivePath]);
    expect(filesOf(processedId)).toEqual([]);

    const again = await archiveGalaxy(temp.db, temp.dataDir, processedId);
    expect(again.path).toBe(archived.archivePath);
    expect(await row(processedId)).toMatchObject({
      status: "archived",
      archivePath: again.path,
      archiveSha256: again.sha256,
    });
    expect(await removeStaleArchives(temp.db, temp.dataDir)).toEqual([]);
  });
});

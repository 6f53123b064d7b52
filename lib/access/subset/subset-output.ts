/**
 * Producing a subset: in memory for an immediate answer, or into a file for a job (written to a
 * temporary name beside it and renamed when complete). An ingest landing while the results are
 * read restarts the read, so a subset holds one results version.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { ResultsChangedError } from "@/lib/maps/service/result-grids";
import { fitsSubsetChunks, type SubsetProgress } from "./fits-subset";
import { writeHdf5SubsetFile } from "./hdf5-subset";
import { loadSubsetGalaxy, type SubsetGalaxy } from "./subset-galaxy";
import type { SubsetRequest } from "./subset-request";

const ATTEMPTS = 3;

async function withRetries<T>(db: Db, galaxy: SubsetGalaxy, work: (g: SubsetGalaxy) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(galaxy);
    } catch (error) {
      if (!(error instanceof ResultsChangedError) || attempt >= ATTEMPTS) throw error;
      galaxy = (await loadSubsetGalaxy(db, galaxy.id)) ?? galaxy;
    }
  }
}

/** A FITS subset in memory, as its chunks (for answers within the immediate-answer size). */
export async function fitsSubsetInMemory(db: Db, galaxy: SubsetGalaxy, request: SubsetRequest): Promise<Uint8Array[]> {
  return withRetries(db, galaxy, async (g) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of fitsSubsetChunks(db, g, request)) chunks.push(chunk);
    return chunks;
  });
}

/** A subset written to `file` (FITS or HDF5), whole or not at all. */
export async function writeSubsetFile(
  db: Db,
  dataDir: string,
  galaxy: SubsetGalaxy,
  request: SubsetRequest,
  file: string,
  onProgress?: SubsetProgress,
): Promise<void> {
  await withRetries(db, galaxy, async (g) => {
    if (request.format === "hdf5") return writeHdf5SubsetFile(db, dataDir, request, file, onProgress);
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await open(temp, "wx");
    try {
      try {
        for await (const chunk of fitsSubsetChunks(db, g, request, onProgress))
          for (let done = 0; done < chunk.length;) done += (await handle.write(chunk, done)).bytesWritten;
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  });
}

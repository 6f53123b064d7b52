// HDF5 subsets: the archive's POGS layout cut to a box, some parameters and some statistics
// (README.md, "Subsets"). Written beside the output under a temporary name and renamed into place,
// so the output is whole or absent; results that change while it is written make it fail with
// ResultsChangedError (ask again) rather than mix two versions.
import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { ResultsChangedError } from "@/lib/maps/service/result-grids";
import { writeGalaxyFile } from "./galaxy-file";
import { subsetSelection, SubsetRequestError, type Hdf5SubsetRequest } from "./subset-selection";

type Hdf5SubsetResult = {
  /** the absolute path written */
  file: string;
  size: number;
  /** pixels with results in the box */
  pixels: number;
  blocks: number;
  histogramValues: number;
};

/**
 * Writes the subset `request` of a galaxy's results to `outFile` (absolute, or relative to
 * `dataDir`). `onProgress(done, total)` follows the tiles written; a promise it returns is awaited,
 * and an error it throws (a cancelled job) stops the write and leaves no file. Throws
 * SubsetRequestError for a request that does not fit the galaxy.
 */
export async function writeHdf5Subset(
  db: Db,
  dataDir: string,
  request: Hdf5SubsetRequest,
  outFile: string,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<Hdf5SubsetResult> {
  const galaxy = await db.galaxy.findUnique({
    where: { id: request.galaxyId },
    select: { id: true, width: true, height: true, status: true, statusTime: true, resultsVersion: true },
  });
  if (!galaxy) throw new SubsetRequestError(`galaxy ${request.galaxyId} does not exist`);
  const selection = subsetSelection(galaxy, request);
  const file = path.resolve(dataDir, outFile);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const summary = await writeGalaxyFile(db, temp, galaxy.id, selection, {
      state: { status: galaxy.status, statusTime: galaxy.statusTime },
      asked: request.asked,
      onProgress,
    });
    const now = await db.galaxy.findUnique({ where: { id: galaxy.id }, select: { resultsVersion: true } });
    if (now?.resultsVersion !== galaxy.resultsVersion)
      throw new ResultsChangedError(`results of galaxy ${galaxy.id} changed while the subset was written`);
    renameSync(temp, file);
    return { file, size: statSync(file).size, ...summary };
  } finally {
    rmSync(temp, { force: true });
  }
}

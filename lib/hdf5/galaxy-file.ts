// One HDF5 file of a galaxy in the POGS layout: `/galaxy` (attributes and tables) and
// `/galaxy/pixel` (the results), for a selection of pixels, parameters and statistics. The archive
// is the selection of everything; a subset is any other (docs/formats.md §9, README.md).
import { deletedGalaxyResults } from "@/lib/archive-store/stored-results";
import type { Db } from "@/lib/db/client";
import { databaseResultRows } from "./database-result-rows";
import { writeGalaxyGroup, type FileStatus } from "./galaxy-tables";
import { withHdf5File } from "./h5-writer";
import { writePixelGroup, type PixelWriteSummary } from "./pixel-blocks";
import type { PixelSelection } from "./pixel-selection";
import { writeResultCopy } from "./result-copy-writer";
import { openGalaxyRows } from "./result-rows";

export type GalaxyFileOptions = {
  /** the status the file records */
  state: FileStatus;
  /** a subset's request as the user phrased it */
  asked?: string;
  /** the archive's byte-for-byte copy of the result rows (result-copy.ts); subsets have none */
  resultCopy?: boolean;
  /** tiles of ≤ 128 × 64 pixels written so far, of all; a returned promise is awaited */
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

/** Writes `file` (created or overwritten; the caller renames it into place). */
export async function writeGalaxyFile(
  db: Db,
  file: string,
  galaxyId: number,
  selection: PixelSelection,
  options: GalaxyFileOptions,
): Promise<PixelWriteSummary> {
  // Histogram datasets only when the galaxy kept histograms (demo and real results do; benches not).
  const archive = await deletedGalaxyResults(db, galaxyId);
  const histograms = archive
    ? archive.histograms
    : !!(await db.pixelResultBlock.findFirst({
        where: { galaxyId, histograms: { not: null } },
        select: { areaId: true },
      }));
  const source = await openGalaxyRows(db, galaxyId, histograms);
  try {
    return await withHdf5File(file, async (writer) => {
      const { state, asked } = options;
      await writeGalaxyGroup(writer, { db, rows: source, galaxyId, box: selection.box, state, asked });
      const summary = await writePixelGroup(writer, source, selection, { histograms, onTile: options.onProgress });
      if (options.resultCopy) await writeResultCopy(writer, databaseResultRows(db, galaxyId));
      return summary;
    });
  } finally {
    source.close();
  }
}

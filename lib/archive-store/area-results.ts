// One area's result row, wherever it is: the database while the galaxy keeps its rows, the stored
// archive once they are deleted. The pixel readout and the pixel inspector read through it.
import type { Db } from "@/lib/db/client";
import type { ResultColumn, StoredResultRow } from "@/lib/hdf5/result-copy";
import { deletedGalaxyResults } from "./stored-results";

const ALL = ["xy", "stats", "display", "bestFit", "histograms", "fluxes", "fluxFilters"] as const;

/**
 * `columns`: what the caller reads; from the archive the others come back empty (null where
 * nullable). `status`: the galaxy's, when the caller has just read it (saves a query).
 */
export async function areaResultRow(
  db: Db,
  galaxyId: number,
  areaId: number,
  columns: readonly ResultColumn[] = ALL,
  status?: string,
): Promise<StoredResultRow | null> {
  const archive = await deletedGalaxyResults(db, galaxyId, status);
  if (archive) return (await archive.rows([areaId], columns))[0] ?? null;
  const row = await db.pixelResultBlock.findUnique({
    where: { areaId },
    select: {
      areaId: true,
      pixelCount: true,
      resultsVersion: true,
      ...Object.fromEntries(columns.map((c) => [c, true])),
    },
  });
  if (!row) return null;
  // The same shape as the archive's answer: columns not asked for are empty.
  const empty = new Uint8Array(0);
  const r = row as Partial<StoredResultRow> & Pick<StoredResultRow, "areaId" | "pixelCount" | "resultsVersion">;
  return {
    areaId: r.areaId,
    pixelCount: r.pixelCount,
    resultsVersion: r.resultsVersion,
    xy: r.xy ?? empty,
    stats: r.stats ?? empty,
    display: r.display ?? empty,
    bestFit: r.bestFit ?? empty,
    histograms: r.histograms ?? null,
    fluxes: r.fluxes ?? null,
    fluxFilters: r.fluxFilters ?? "",
  };
}

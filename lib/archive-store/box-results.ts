// The stored rows of a deleted galaxy's areas that intersect a box, in area order: the areas are
// still in the database (an indexed lookup), their bytes come from the archive.
import type { Db } from "@/lib/db/client";
import type { ArchiveResults } from "@/lib/hdf5/archive-results";
import type { ResultColumn, StoredResultRow } from "@/lib/hdf5/result-copy";

type Box = { x0: number; y0: number; x1: number; y1: number };

export async function archiveRowsInBox(
  db: Db,
  archive: ArchiveResults,
  galaxyId: number,
  box: Box,
  columns: readonly ResultColumn[],
): Promise<StoredResultRow[]> {
  const areas = await db.area.findMany({
    where: { galaxyId, x0: { lt: box.x1 }, x1: { gt: box.x0 }, y0: { lt: box.y1 }, y1: { gt: box.y0 } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return archive.rows(
    areas.map((a) => a.id),
    columns,
  );
}

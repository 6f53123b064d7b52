// Why new results for a galaxy cannot be ingested, or null. A deleted galaxy's per-pixel results
// live only in its stored archive; ingesting a work unit into it would leave one area in the
// database and the rest in the archive, so it is refused. (Restoring the rows from the archive
// first would also work; refusal is chosen because late results for a galaxy finished, archived
// and stored are BOINC re-validations, which the stored results already hold.)
import type { Db } from "@/lib/db/client";

export async function ingestRefusal(db: Db, galaxyId: number): Promise<string | null> {
  const g = await db.galaxy.findUnique({
    where: { id: galaxyId },
    select: { name: true, status: true, statusTime: true },
  });
  if (g?.status !== "deleted") return null;
  return `galaxy ${galaxyId} (${g.name}) is deleted (${g.statusTime.toISOString()}): its per-pixel results are only in its stored archive, so new results are refused`;
}

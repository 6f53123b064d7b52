// Deleting a stored galaxy's per-pixel results from the database, as POGS did 5 days after
// storing: only after the stored copy's sha256 is checked again and its copy of the rows is found
// to be exactly the database's (same areas, same results version), in one transaction that also
// sets the status `deleted`. Areas, area users, layers, header cards and the galaxy row stay.
import { galaxyChanged } from "@/lib/cache/events";
import { retryWhenBusy } from "@/lib/db/busy-retry";
import { isPostgresClient, type Db } from "@/lib/db/client";
import { ArchiveResults } from "@/lib/hdf5/archive-results";
import { LifecycleRefusedError } from "./lifecycle-error";
import { checkStoredCopy } from "./verify-store";

export type DeleteResult = { galaxyId: number; name: string; rows: number };

export async function deleteResults(
  db: Db,
  galaxyId: number,
  options: { at?: Date; dataDir?: string } = {},
): Promise<DeleteResult> {
  const g = await db.galaxy.findUnique({ where: { id: galaxyId } });
  if (!g) throw new LifecycleRefusedError(`galaxy ${galaxyId} does not exist`);
  const who = `galaxy ${g.id} (${g.name})`;
  if (g.status !== "stored") throw new LifecycleRefusedError(`${who} is ${g.status}; only stored galaxies are deleted`);
  const problem = await checkStoredCopy(db, g, options.dataDir);
  if (problem) throw new LifecycleRefusedError(`${who}: ${problem}; its results stay in the database`);

  const archive = await ArchiveResults.open(g.storedPath!);
  let stored: number[];
  try {
    stored = archive.areaIds();
  } finally {
    await archive.close();
  }
  const rows = await db.pixelResultBlock.findMany({
    where: { galaxyId },
    select: { areaId: true, resultsVersion: true },
    orderBy: { areaId: "asc" },
  });
  if (rows.length !== stored.length || rows.some((r, i) => r.areaId !== stored[i]))
    throw new LifecycleRefusedError(
      `${who}: the stored archive holds ${stored.length} result rows, the database ${rows.length}; archive it again`,
    );

  const at = options.at ?? new Date();
  const deleted = await retryWhenBusy(() =>
    db.$transaction(
      async (tx) => {
        const now = await tx.galaxy.findUniqueOrThrow({ where: { id: galaxyId } });
        if (now.status !== "stored" || now.resultsVersion !== g.resultsVersion)
          throw new LifecycleRefusedError(`${who} changed while it was checked (now ${now.status}); nothing deleted`);
        const { count } = await tx.pixelResultBlock.deleteMany({ where: { galaxyId } });
        await tx.galaxy.update({ where: { id: galaxyId }, data: { status: "deleted", statusTime: at } });
        return count;
      },
      { timeout: 600_000, maxWait: 60_000 },
    ),
  );
  await galaxyChanged(galaxyId, options.dataDir);
  return { galaxyId, name: g.name, rows: deleted };
}

/** Stored galaxies stored at least `days` days before `now`, in id order. */
export async function galaxiesDueForDeletion(
  db: Db,
  days: number,
  now = new Date(),
): Promise<{ id: number; name: string }[]> {
  return db.galaxy.findMany({
    where: { status: "stored", storedAt: { lte: new Date(now.getTime() - days * 86_400_000) } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Gives the deleted rows' space back: SQLite rewrites the file (VACUUM: the database is not in
 * incremental auto-vacuum mode, and rows deleted by the gigabyte leave mostly free pages anyway),
 * then checkpoints its write-ahead log so the file itself shrinks; PostgreSQL's VACUUM makes the
 * table's space reusable (autovacuum would, later).
 */
export async function reclaimSpace(db: Db): Promise<void> {
  if (isPostgresClient(db)) {
    await db.$executeRawUnsafe("VACUUM pixel_result_block");
    return;
  }
  await db.$executeRawUnsafe("VACUUM");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

// One lifecycle step of one galaxy (archive, store, delete) under the galaxy's work claim
// (lib/db/claim.ts, kind "archive", key its id): every process sharing the database takes the
// same claim for every step, so two of them never build, store or delete the same galaxy at once.
import { withWorkClaim } from "@/lib/db/claim";
import type { Db } from "@/lib/db/client";

/**
 * A galaxy passed over: another process holds its claim, or has moved it on since the caller
 * listed it. Not a failure for a sweep (`--all-processed`, cron's `--delete`): that process does
 * the work.
 */
export class GalaxySkippedError extends Error {}

/**
 * Runs `work` for galaxy `galaxyId` under its claim. `listedAs`: the status the caller listed it
 * by, for a sweep; a galaxy no longer in it is skipped (another process got there first) instead
 * of refused by the step.
 */
export async function claimedStep<T>(
  db: Db,
  galaxyId: number,
  listedAs: string | null,
  work: () => Promise<T>,
): Promise<T> {
  const result = await withWorkClaim(db, "archive", String(galaxyId), async () => {
    if (listedAs) {
      const g = await db.galaxy.findUnique({ where: { id: galaxyId }, select: { status: true } });
      if (g && g.status !== listedAs)
        throw new GalaxySkippedError(`galaxy ${galaxyId} is ${g.status} now: another process got there first`);
    }
    return work();
  });
  if (!result.ran)
    throw new GalaxySkippedError(
      `galaxy ${galaxyId} is being archived, stored or deleted by another process (it holds the galaxy's work claim)`,
    );
  return result.value;
}

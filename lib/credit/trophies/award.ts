/**
 * The award run, after every statistics import and every results ingest: seeds the default
 * trophies when missing, adds threshold trophies newly reached and re-judges standing trophies
 * (kinds.ts), keeping each trophy's holder count (holders.ts).
 *
 * Judged on the data alone: RAC, rank and membership as of the newest statistics export (the time
 * stored credit is "as of"), and awards are dated with that time, or after an ingest with the
 * time its results arrived. So running it again on unchanged data changes nothing, and a replayed
 * import or ingest awards nothing twice (TrophyAward's key is the trophy and the volunteer).
 *
 * Threshold awards are written a slice of volunteers per transaction: the first run after
 * importing a million volunteers writes millions of awards, and one transaction would keep every
 * ingest waiting on SQLite's write lock for as long (so the slices also pause now and then for a
 * waiting writer to get in: lib/db/writer-turns.ts). A threshold award stays true once reached,
 * so a run stopped between slices leaves only true awards, with their counts, and the next run
 * adds the rest. The standing trophies, which move holders from tier to tier, are synced in one
 * transaction.
 */
import type { Db } from "@/lib/db/client";
import { retryWhenBusy } from "@/lib/db/busy-retry";
import { withLargerSqliteCache } from "@/lib/db/sqlite-cache";
import { letOtherWritersIn } from "@/lib/db/writer-turns";
// 64 MB of SQLite page cache for the run: the first on a large survey writes millions of awards.
import { hiddenUsers } from "@/lib/credit/listed";
import { newestExportTime } from "@/lib/credit/newest-export";
import { awardThreshold, type VolunteerSlice } from "./award-thresholds";
import { syncStandings, type StandingTrophy } from "./award-standings";
import { recountAwards } from "./holders";
import { isTrophyKind, STANDING_KINDS, type TrophyKind } from "./kinds";
import { ensureDefaultTrophies } from "./seed";

export interface AwardResult {
  awarded: number;
  revoked: number;
  judgedAt: Date;
}

export interface AwardOptions {
  /** the time to judge at, instead of the newest export's */
  now?: Date;
  /** the date of new awards, instead of the judging time (an ingest: when its results arrived) */
  awardedAt?: Date;
  /**
   * An ingest's volunteers. Once an export fixes the judging time, only they are judged: the
   * import's run judged everyone else at that same time, only they have new galaxies, and an
   * ingest changes no credit, on which the standing trophies depend.
   */
  users?: readonly number[];
}

/** Volunteer ids per threshold statement: each holds the write lock for a fraction of a second. */
const SLICE_IDS = 50_000;

type ThresholdTrophy = { id: number; kind: TrophyKind; threshold: number };

export async function awardTrophies(db: Db, options: AwardOptions = {}): Promise<AwardResult> {
  const newest = await newestExportTime(db);
  const judgedAt = options.now ?? newest ?? options.awardedAt ?? new Date();
  const run = { judgedAt: judgedAt.getTime() / 1000, awardedAt: options.awardedAt ?? judgedAt };
  const scoped = options.users && newest && !options.now ? [...new Set(options.users)] : null;
  return withLargerSqliteCache(db, async () => {
    await ensureDefaultTrophies(db);
    const trophies = await db.trophy.findMany({ select: { id: true, kind: true, threshold: true } });
    const thresholds = trophies.filter(
      (t): t is ThresholdTrophy => isTrophyKind(t.kind) && !STANDING_KINDS.includes(t.kind),
    );
    let awarded = 0;
    const slices = scoped ? idChunks(scoped) : await idSlices(db);
    for (const [i, slice] of slices.entries()) {
      if (i > 0) await letOtherWritersIn(db);
      awarded += await inTransaction(db, async (tx) => {
        let added = 0;
        for (const trophy of thresholds) added += await awardThreshold(tx, trophy, run, slice);
        return added;
      });
    }
    if (scoped) return { awarded, revoked: 0, judgedAt };
    const standing = trophies.filter((t): t is StandingTrophy => STANDING_KINDS.includes(t.kind as never));
    const synced = await inTransaction(db, async (tx) => {
      const result = await syncStandings(tx, standing, await hiddenUsers(tx), run);
      // Standing trophies have few holders: all of them are recounted when any changed.
      if (result.awarded || result.revoked)
        await recountAwards(
          tx,
          standing.map((t) => t.id),
        );
      return result;
    });
    return { awarded: awarded + synced.awarded, revoked: synced.revoked, judgedAt };
  });
}

/** Ranges of SLICE_IDS volunteer ids covering every stored volunteer (galaxy_user's too: a key). */
async function idSlices(db: Db): Promise<VolunteerSlice[]> {
  const range = await db.boincUser.aggregate({ _min: { id: true }, _max: { id: true } });
  const [min, max] = [range._min.id, range._max.id];
  if (min === null || max === null) return [];
  const slices: VolunteerSlice[] = [];
  for (let from = min; from <= max; from += SLICE_IDS) slices.push({ from, to: Math.min(from + SLICE_IDS, max + 1) });
  return slices;
}

/** An ingest's volunteers, a few thousand per statement (bound parameters have a limit). */
function idChunks(ids: readonly number[]): VolunteerSlice[] {
  const chunks: VolunteerSlice[] = [];
  for (let i = 0; i < ids.length; i += 5_000) chunks.push({ ids: ids.slice(i, i + 5_000) });
  return chunks;
}

/** One transaction, run again when an ingest committed between its reads and its writes. */
function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return retryWhenBusy(() => db.$transaction((tx) => work(tx as unknown as Db), { timeout: 600_000, maxWait: 60_000 }));
}

/** When an ingest's results arrived: the newest arrival among them (now for those without one). */
export function newestArrival(inputs: readonly { receivedAt?: Date }[]): Date {
  const times = inputs.map((i) => (i.receivedAt ?? new Date()).getTime());
  return new Date(times.length ? Math.max(...times) : Date.now());
}

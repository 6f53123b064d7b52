/**
 * The award run, after every statistics import and every results ingest: seeds the default
 * trophies when missing, adds threshold trophies newly reached and re-judges standing trophies
 * (kinds.ts), and recounts the holders of the trophies it changed (holders.ts), in one
 * transaction, so a failure changes nothing.
 *
 * Judged on the data alone: RAC, rank and membership as of the newest statistics export (the time
 * stored credit is "as of"), and awards are dated with that time, or after an ingest with the
 * time its results arrived. So running it again on unchanged data changes nothing, and a replayed
 * import or ingest awards nothing twice (TrophyAward's key is the trophy and the volunteer).
 */
import type { Db } from "@/lib/db/client";
import { hiddenUsers } from "@/lib/credit/listed";
import { newestExportTime } from "@/lib/credit/newest-export";
import { providerOf } from "@/lib/credit/sql";
import { awardThreshold } from "./award-thresholds";
import { syncStandings, type StandingTrophy } from "./award-standings";
import { recountAwards } from "./holders";
import { isTrophyKind, STANDING_KINDS } from "./kinds";
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
}

export async function awardTrophies(db: Db, options: AwardOptions = {}): Promise<AwardResult> {
  const judgedAt = options.now ?? (await newestExportTime(db)) ?? options.awardedAt ?? new Date();
  const run = { judgedAt: judgedAt.getTime() / 1000, awardedAt: options.awardedAt ?? judgedAt };
  return withLargerSqliteCache(db, () =>
    db.$transaction(
      async (txClient) => {
        const tx = txClient as unknown as Db;
        await ensureDefaultTrophies(tx);
        const trophies = await tx.trophy.findMany({ select: { id: true, kind: true, threshold: true } });
        let awarded = 0;
        const changed: number[] = [];
        for (const trophy of trophies) {
          if (!isTrophyKind(trophy.kind) || STANDING_KINDS.includes(trophy.kind)) continue;
          const added = await awardThreshold(tx, { ...trophy, kind: trophy.kind }, run);
          if (added) changed.push(trophy.id);
          awarded += added;
        }
        const standing = trophies.filter((t): t is StandingTrophy => STANDING_KINDS.includes(t.kind as never));
        const synced = await syncStandings(tx, standing, await hiddenUsers(tx), run);
        // Standing trophies have few holders: all of them are recounted when any changed.
        if (synced.awarded || synced.revoked) changed.push(...standing.map((t) => t.id));
        await recountAwards(tx, changed);
        return { awarded: awarded + synced.awarded, revoked: synced.revoked, judgedAt };
      },
      { timeout: 600_000, maxWait: 60_000 },
    ),
  );
}

/**
 * The first run on a large survey writes hundreds of thousands of awards, whose index pages the
 * default 2 MB page cache would write out again and again: 64 MB for the run, then as it was.
 */
async function withLargerSqliteCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (providerOf(db) !== "sqlite") return work();
  const [before] = await db.$queryRawUnsafe<{ cache_size: number }[]>("PRAGMA cache_size");
  await db.$executeRawUnsafe("PRAGMA cache_size = -65536");
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Math.trunc(Number(before.cache_size))}`);
  }
}

/** When an ingest's results arrived: the newest arrival among them (now for those without one). */
export function newestArrival(inputs: readonly { receivedAt?: Date }[]): Date {
  const times = inputs.map((i) => (i.receivedAt ?? new Date()).getTime());
  return new Date(times.length ? Math.max(...times) : Date.now());
}

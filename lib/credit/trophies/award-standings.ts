/**
 * Standing trophies (rank, rac_percentile): held by the listed volunteers who stand there now, best
 * tier only. Each tier is a range of the order's key, so each trophy's holders are synced with two
 * statements: awards outside the range are taken back, volunteers inside it without one get it.
 *
 * - rank N (top N by total credit): total credit ≥ that of the N-th listed volunteer (so a tie at
 *   the boundary keeps everyone tied, as competition ranks do), and more than 0.
 * - rac_percentile p: among listed volunteers with a RAC above 1 at the judging time (BOINC's own
 *   rule), rank ≤ floor(n · p / 100); with fewer than 100 / p such volunteers nobody holds it.
 */
import type { Db } from "@/lib/db/client";
import { hiddenBefore, hiddenKeysBy, listedUserSql, type HiddenUser } from "@/lib/credit/listed";
import { RAC_HALF_LIFE_SECONDS } from "@/lib/credit/rac";
import { listedRowAt, rowsBefore, type OrderedTable } from "@/lib/credit/ranked-order";
import { SqlParams, timeParam } from "@/lib/credit/sql";
import type { AwardRun } from "./award-thresholds";

export interface StandingTrophy {
  id: number;
  kind: "rank" | "rac_percentile";
  threshold: number;
}

/** The key range of a tier: key ≥ from (and > floor), not ≥ the better tier's `from`. */
interface Tier {
  trophyId: number;
  /** null: nobody holds this tier */
  from: number | null;
  /** the better tier's lower bound (null: this is the best tier held by anyone) */
  below: number | null;
}

export async function syncStandings(
  db: Db,
  trophies: readonly StandingTrophy[],
  hidden: readonly HiddenUser[],
  run: AwardRun,
): Promise<{ awarded: number; revoked: number }> {
  let awarded = 0;
  let revoked = 0;
  for (const kind of ["rank", "rac_percentile"] as const) {
    const column = kind === "rank" ? "total_credit" : "rac_order";
    const t: OrderedTable = { table: "boinc_user", key: column };
    const keys = hiddenKeysBy(hidden, column);
    // RAC above 1 at T  ⇔  rac_order > T / H; credit above 0.
    const floor = kind === "rank" ? 0 : run.judgedAt / RAC_HALF_LIFE_SECONDS;
    const field = (await rowsBefore(db, t, floor)) - hiddenBefore(keys, floor);
    // Best tier first: the smallest top-N or percentage.
    const tiers: Tier[] = [];
    for (const trophy of trophies.filter((x) => x.kind === kind).sort((a, b) => a.threshold - b.threshold)) {
      const size = kind === "rank" ? Math.min(trophy.threshold, field) : Math.floor((field * trophy.threshold) / 100);
      const last = size >= 1 ? await listedRowAt(db, t, size - 1, keys) : null;
      const better = [...tiers].reverse().find((x) => x.from !== null)?.from ?? null;
      tiers.push({ trophyId: trophy.id, from: last?.key ?? null, below: better });
    }
    for (const tier of tiers) {
      const result = await syncTier(db, column, floor, tier, run);
      awarded += result.awarded;
      revoked += result.revoked;
    }
  }
  return { awarded, revoked };
}

async function syncTier(db: Db, column: string, floor: number, tier: Tier, run: AwardRun) {
  // Placeholders are added in the order they appear: SQLite's are positional.
  const holds = (q: SqlParams, u: string) => {
    if (tier.from === null) return "FALSE";
    const inRange = `${u}."${column}" > ${q.add(floor)} AND ${u}."${column}" >= ${q.add(tier.from)}`;
    const better = tier.below === null ? "" : ` AND ${u}."${column}" < ${q.add(tier.below)}`;
    return `${inRange}${better} AND ${listedUserSql(`${u}."id"`)}`;
  };
  const gone = new SqlParams(db);
  const revoked = await db.$executeRawUnsafe(
    `DELETE FROM "trophy_award" WHERE "trophy_id" = ${gone.add(tier.trophyId)} AND "user_id" NOT IN ` +
      `(SELECT u."id" FROM "boinc_user" u WHERE ${holds(gone, "u")})`,
    ...gone.values,
  );
  if (tier.from === null) return { awarded: 0, revoked };
  const add = new SqlParams(db);
  const awarded = await db.$executeRawUnsafe(
    `INSERT INTO "trophy_award" ("trophy_id", "user_id", "awarded_at") ` +
      `SELECT ${add.add(tier.trophyId)}, u."id", ${add.add(timeParam(db, run.awardedAt))} FROM "boinc_user" u WHERE ${holds(add, "u")} ` +
      `AND NOT EXISTS (SELECT 1 FROM "trophy_award" a WHERE a."trophy_id" = ${add.add(tier.trophyId)} AND a."user_id" = u."id")`,
    ...add.values,
  );
  return { awarded, revoked };
}

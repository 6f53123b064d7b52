/**
 * Threshold trophies (credit, RAC, galaxies, membership days): one INSERT … SELECT each, adding
 * the volunteers who meet the rule and do not hold the trophy yet. They are never taken away.
 *
 * A statement judges one slice of volunteers: a range of ids (a full run), or the ids of one
 * ingest's volunteers. The trophy's holder count moves by the rows added, in the same transaction.
 */
import type { Db } from "@/lib/db/client";
import { RAC_HALF_LIFE_SECONDS } from "@/lib/credit/rac";
import { SqlParams, timeParam } from "@/lib/credit/sql";
import type { TrophyKind } from "./kinds";

export interface AwardRun {
  /** the time the rules are judged at (Unix seconds): RAC and membership as of it */
  judgedAt: number;
  awardedAt: Date;
}

/** The volunteers one statement judges: ids in [from, to), or these ids. */
export type VolunteerSlice = { from: number; to: number } | { ids: readonly number[] };

export async function awardThreshold(
  db: Db,
  trophy: { id: number; kind: TrophyKind; threshold: number },
  run: AwardRun,
  slice: VolunteerSlice,
): Promise<number> {
  const q = new SqlParams(db);
  const select = (user: string) => `SELECT ${q.add(trophy.id)}, ${user}, ${q.add(timeParam(db, run.awardedAt))}`;
  const within = (user: string) =>
    "ids" in slice
      ? `${user} IN (${slice.ids.map((id) => q.add(id)).join(", ")})`
      : `${user} >= ${q.add(slice.from)} AND ${user} < ${q.add(slice.to)}`;
  const notHeld = (user: string) =>
    `NOT EXISTS (SELECT 1 FROM "trophy_award" a WHERE a."trophy_id" = ${q.add(trophy.id)} AND a."user_id" = ${user})`;
  let sql: string;
  switch (trophy.kind) {
    case "credit":
      sql = `${select(`u."id"`)} FROM "boinc_user" u WHERE ${within(`u."id"`)} AND u."total_credit" >= ${q.add(trophy.threshold)} AND ${notHeld(`u."id"`)}`;
      break;
    case "rac": {
      // RAC at T ≥ x  ⇔  rac_order ≥ log2(x) + T / H (lib/credit/rac.ts); 0 stands for a RAC of 0.
      const order = Math.log2(Math.max(trophy.threshold, Number.MIN_VALUE)) + run.judgedAt / RAC_HALF_LIFE_SECONDS;
      sql = `${select(`u."id"`)} FROM "boinc_user" u WHERE ${within(`u."id"`)} AND u."rac_order" <> 0 AND u."rac_order" >= ${q.add(order)} AND ${notHeld(`u."id"`)}`;
      break;
    }
    case "membership_days": {
      const joinedBy = new Date((run.judgedAt - trophy.threshold * 86_400) * 1000);
      sql = `${select(`u."id"`)} FROM "boinc_user" u WHERE ${within(`u."id"`)} AND u."create_time" <= ${q.add(timeParam(db, joinedBy))} AND ${notHeld(`u."id"`)}`;
      break;
    }
    case "galaxies":
      sql =
        `${select(`g."user_id"`)} FROM "galaxy_user" g WHERE ${within(`g."user_id"`)} GROUP BY g."user_id" ` +
        `HAVING COUNT(*) >= ${q.add(trophy.threshold)} AND ${notHeld(`g."user_id"`)}`;
      break;
    default:
      return 0;
  }
  // ON CONFLICT: two runs at once (an import's and an ingest's) may both find a volunteer.
  const added = await db.$executeRawUnsafe(
    `INSERT INTO "trophy_award" ("trophy_id", "user_id", "awarded_at") ${sql} ON CONFLICT ("trophy_id", "user_id") DO NOTHING`,
    ...q.values,
  );
  if (added) {
    const u = new SqlParams(db);
    await db.$executeRawUnsafe(
      `UPDATE "trophy" SET "award_count" = "award_count" + ${u.add(added)} WHERE "id" = ${u.add(trophy.id)}`,
      ...u.values,
    );
  }
  return added;
}

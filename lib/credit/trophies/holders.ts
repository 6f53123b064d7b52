/**
 * How many listed volunteers hold each trophy, and one trophy's holders a page at a time, without
 * counting or sorting every award: the 2012–13 survey has hundreds of thousands of them.
 *
 * Trophy.awardCount holds every holder, listed or hidden. The award run is the only writer of
 * awards: it adds to a trophy's count in the transaction that adds its awards, and recounts the
 * standing trophies it changed (recountAwards, in the transaction that changed them). Hidden
 * volunteers are few (lib/credit/listed.ts), so their awards are counted at each read and
 * subtracted: an account hiding itself or showing itself again changes the counts at once.
 */
import type { Db } from "@/lib/db/client";
import { creditTotals } from "@/lib/credit/credit-totals";
import { placeholders, SqlParams, toNumber } from "@/lib/credit/sql";

const HIDDEN_USER_IDS = `SELECT "boinc_user_id" FROM "account" WHERE "hide_from_lists" = TRUE AND "boinc_user_id" IS NOT NULL`;

/** Sets awardCount of these trophies from their awards (the award run, after changing them). */
export async function recountAwards(db: Db, trophyIds: readonly number[]): Promise<void> {
  if (!trophyIds.length) return;
  await db.$executeRawUnsafe(
    `UPDATE "trophy" SET "award_count" = (SELECT COUNT(*) FROM "trophy_award" a WHERE a."trophy_id" = "trophy"."id") ` +
      `WHERE "id" IN (${placeholders(db, trophyIds.length)})`,
    ...trophyIds,
  );
}

/** Awards held by hidden volunteers, by trophy (one trophy's when given). */
export async function hiddenHolders(db: Db, trophyId?: number): Promise<Map<number, number>> {
  const one = trophyId === undefined ? "" : ` AND a."trophy_id" = ${placeholders(db, 1)}`;
  const rows = await db.$queryRawUnsafe<{ trophy_id: number; n: unknown }[]>(
    `SELECT a."trophy_id", COUNT(*) AS n FROM "trophy_award" a WHERE a."user_id" IN (${HIDDEN_USER_IDS})${one} ` +
      `GROUP BY a."trophy_id"`,
    ...(trophyId === undefined ? [] : [trophyId]),
  );
  return new Map(rows.map((r) => [Number(r.trophy_id), toNumber(r.n)]));
}

/** Listed holders of one trophy (awardCount less its hidden holders), null for no such trophy. */
export async function listedHolderCount(db: Db, trophyId: number): Promise<number | null> {
  const [trophy, hidden] = await Promise.all([
    db.trophy.findUnique({ where: { id: trophyId }, select: { awardCount: true } }),
    hiddenHolders(db, trophyId),
  ]);
  return trophy ? trophy.awardCount - (hidden.get(trophyId) ?? 0) : null;
}

/**
 * Listed holders' ids, most credit first (ties by id), `skip` then `take`. A trophy most
 * volunteers hold is read down the volunteers' credit index, keeping holders, so a page stops
 * after about its own rows; a rarer one is read from its awards and sorted, which are few.
 */
export async function holderIdsByCredit(
  db: Db,
  trophyId: number,
  holders: number,
  page: { skip: number; take: number },
): Promise<number[]> {
  const byCreditIndex = holders * 20 >= (await creditTotals(db)).users;
  const q = new SqlParams(db);
  const from = byCreditIndex
    ? `"boinc_user" u WHERE EXISTS (SELECT 1 FROM "trophy_award" a WHERE a."trophy_id" = ${q.add(trophyId)} AND a."user_id" = u."id")`
    : `"trophy_award" a JOIN "boinc_user" u ON u."id" = a."user_id" WHERE a."trophy_id" = ${q.add(trophyId)}`;
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT u."id" FROM ${from} AND u."id" NOT IN (${HIDDEN_USER_IDS}) ` +
      `ORDER BY u."total_credit" DESC, u."id" ASC LIMIT ${q.add(page.take)} OFFSET ${q.add(page.skip)}`,
    ...q.values,
  );
  return rows.map((r) => Number(r.id));
}

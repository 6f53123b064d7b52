// Where a listed volunteer stands: world rank by total credit and by RAC, and rank in their team
// by total credit (competition ranks among listed volunteers, ranked-order.ts). Every count goes
// through an index; hidden volunteers are subtracted from the known few.
import type { Db } from "@/lib/db/client";
import { hiddenBefore, hiddenKeysBy, type HiddenUser } from "./listed";
import { SqlParams, toNumber } from "./sql";

export interface VolunteerStanding {
  creditRank: number;
  racRank: number;
  /** listed volunteers in all */
  listed: number;
  team: { rank: number; members: number } | null;
}

type Counts = { richer: unknown; faster: unknown; everyone: unknown; members: unknown };

export async function volunteerStanding(
  db: Db,
  user: { id: number; totalCredit: number; racOrder: number; teamId: number | null },
  hidden: readonly HiddenUser[],
): Promise<VolunteerStanding> {
  // One statement for the counts every page needs (one round trip instead of four).
  const q = new SqlParams(db);
  const [counts] = await db.$queryRawUnsafe<Counts[]>(
    `SELECT (SELECT COUNT(*) FROM "boinc_user" WHERE "total_credit" > ${q.add(user.totalCredit)}) AS richer, ` +
      `(SELECT COUNT(*) FROM "boinc_user" WHERE "rac_order" > ${q.add(user.racOrder)}) AS faster, ` +
      `(SELECT COUNT(*) FROM "boinc_user") AS everyone, ` +
      `(SELECT COUNT(*) FROM "boinc_user" WHERE "team_id" = ${q.add(user.teamId ?? -1)}) AS members`,
    ...q.values,
  );
  const richer = toNumber(counts.richer);
  const team =
    user.teamId === null
      ? null
      : await teamStanding(db, user.teamId, user.totalCredit, richer, toNumber(counts.members), hidden);
  return {
    creditRank: 1 + richer - hiddenBefore(hiddenKeysBy(hidden, "total_credit"), user.totalCredit),
    racRank: 1 + toNumber(counts.faster) - hiddenBefore(hiddenKeysBy(hidden, "rac_order"), user.racOrder),
    listed: toNumber(counts.everyone) - hidden.length,
    team,
  };
}

/**
 * Members with more credit, counted the cheaper way round: through the credit index when fewer
 * volunteers in all have more credit than the team has members (`+` keeps the engine off the team
 * index there), else through the team index.
 */
async function teamStanding(
  db: Db,
  teamId: number,
  totalCredit: number,
  richer: number,
  members: number,
  hidden: readonly HiddenUser[],
) {
  const q = new SqlParams(db);
  const credit = `"total_credit" > ${q.add(totalCredit)}`;
  const where =
    richer < members ? `${credit} AND +"team_id" = ${q.add(teamId)}` : `"team_id" = ${q.add(teamId)} AND ${credit}`;
  const [ahead] = await db.$queryRawUnsafe<{ n: unknown }[]>(
    `SELECT COUNT(*) AS n FROM "boinc_user" WHERE ${where}`,
    ...q.values,
  );
  const hiddenInTeam = hidden.filter((h) => h.teamId === teamId);
  return {
    rank: 1 + toNumber(ahead.n) - hiddenInTeam.filter((h) => h.totalCredit > totalCredit).length,
    members: members - hiddenInTeam.length,
  };
}

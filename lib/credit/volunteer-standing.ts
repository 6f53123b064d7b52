// Where a listed volunteer stands: world rank by total credit and by RAC, and rank in their team
// by total credit (competition ranks among listed volunteers, ranked-order.ts). Every count goes
// through an index; hidden volunteers are subtracted from the known few.
import type { Db } from "@/lib/db/client";
import { hiddenBefore, hiddenKeysBy, type HiddenUser } from "./listed";
import { countRows, rowsBefore } from "./ranked-order";
import { SqlParams, toNumber } from "./sql";

export interface VolunteerStanding {
  creditRank: number;
  racRank: number;
  /** listed volunteers in all */
  listed: number;
  team: { rank: number; members: number } | null;
}

export async function volunteerStanding(
  db: Db,
  user: { id: number; totalCredit: number; racOrder: number; teamId: number | null },
  hidden: readonly HiddenUser[],
): Promise<VolunteerStanding> {
  // Counts of volunteers ahead start from the lists' checkpoints when current (ranked-order.ts):
  // counted from the top, a volunteer in the middle of 100,000 costs two scans of 50,000 entries.
  const credit = { table: "boinc_user", key: "total_credit" } as const;
  const q = new SqlParams(db);
  const [richer, faster, everyone, [counts]] = await Promise.all([
    rowsBefore(db, credit, user.totalCredit),
    rowsBefore(db, { table: "boinc_user", key: "rac_order" }, user.racOrder),
    countRows(db, credit),
    db.$queryRawUnsafe<{ members: unknown }[]>(
      `SELECT COUNT(*) AS members FROM "boinc_user" WHERE "team_id" = ${q.add(user.teamId ?? -1)}`,
      ...q.values,
    ),
  ]);
  const team =
    user.teamId === null
      ? null
      : await teamStanding(db, user.teamId, user.totalCredit, richer, toNumber(counts.members), hidden);
  return {
    creditRank: 1 + richer - hiddenBefore(hiddenKeysBy(hidden, "total_credit"), user.totalCredit),
    racRank: 1 + faster - hiddenBefore(hiddenKeysBy(hidden, "rac_order"), user.racOrder),
    listed: everyone - hidden.length,
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

// A hand-made credit history written straight into the tables the statistics import fills: exports
// at whole days, teams, and volunteers' snapshots and team changes, as `day → credit, team`.
import type { Db } from "@/lib/db/client";

/** 2026-11-01T00:00Z: day 0 of every scenario. */
export const DAY0 = Date.UTC(2026, 10, 1);
export const day = (d: number) => new Date(DAY0 + d * 86_400_000);

export async function addExports(db: Db, days: number[]): Promise<void> {
  await db.statsExport.createMany({ data: days.map((d) => ({ exportTime: day(d), source: "test" })) });
}

export async function addTeams(db: Db, ids: number[]): Promise<void> {
  await db.team.createMany({ data: ids.map((id) => ({ id, name: `Team ${id}`, createTime: day(-100) })) });
}

export interface VolunteerHistory {
  /** [day, total credit, team] of each export where credit or team changed */
  snapshots: [number, number, number | null][];
  /** [day, "join" | "leave", total credit, team] */
  deltas?: [number, "join" | "leave", number, number][];
}

export async function addVolunteer(db: Db, id: number, history: VolunteerHistory): Promise<void> {
  const last = history.snapshots.at(-1);
  await db.boincUser.create({
    data: {
      id,
      name: `Volunteer ${id}`,
      createTime: day(-100),
      totalCredit: last?.[1] ?? 0,
      teamId: last?.[2] ?? null,
    },
  });
  await db.userCreditSnapshot.createMany({
    data: history.snapshots.map(([d, totalCredit, teamId]) => ({
      userId: id,
      time: day(d),
      totalCredit,
      expavgCredit: 0,
      teamId,
    })),
  });
  await db.teamDelta.createMany({
    data: (history.deltas ?? []).map(([d, kind, totalCredit, teamId]) => ({
      userId: id,
      teamId,
      time: day(d),
      joining: kind === "join",
      totalCredit,
    })),
  });
}

export async function standingsOf(db: Db, challengeId: number) {
  const rows = await db.challengeStanding.findMany({
    where: { challengeId },
    orderBy: [{ rank: "asc" }, { teamId: "asc" }],
  });
  return rows.map((r) => ({ team: r.teamId, credit: r.credit, rank: r.rank, members: r.members }));
}

export async function contributionsOf(db: Db, challengeId: number) {
  const rows = await db.challengeContribution.findMany({
    where: { challengeId },
    orderBy: [{ teamId: "asc" }, { userId: "asc" }],
  });
  return Object.fromEntries(rows.map((r) => [`${r.teamId}:${r.userId}`, r.credit]));
}

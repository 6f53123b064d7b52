// Credit histories for the charts: a volunteer's (carried forward, history-series.ts) and a team's
// (one snapshot per team per export).
import type { Db } from "@/lib/db/client";
import { carryForward, type CreditPoint } from "./history-series";

const seconds = (d: Date) => d.getTime() / 1000;

export async function userCreditHistory(db: Db, userId: number): Promise<CreditPoint[]> {
  const snapshots = await db.userCreditSnapshot.findMany({
    where: { userId },
    orderBy: { time: "asc" },
    select: { time: true, totalCredit: true, expavgCredit: true },
  });
  if (!snapshots.length) return [];
  const exports = await db.statsExport.findMany({
    where: { exportTime: { gte: snapshots[0].time } },
    orderBy: { exportTime: "asc" },
    select: { exportTime: true },
  });
  return carryForward(
    snapshots.map((s) => ({ time: seconds(s.time), totalCredit: s.totalCredit, rac: s.expavgCredit })),
    exports.map((e) => seconds(e.exportTime)),
  );
}

export async function teamCreditHistory(db: Db, teamId: number): Promise<(CreditPoint & { members: number })[]> {
  const rows = await db.teamCreditSnapshot.findMany({
    where: { teamId },
    orderBy: { time: "asc" },
    select: { time: true, totalCredit: true, expavgCredit: true, memberCount: true },
  });
  return rows.map((r) => ({
    time: seconds(r.time),
    totalCredit: r.totalCredit,
    rac: r.expavgCredit,
    members: r.memberCount,
  }));
}

/**
 * Landmarks of the project's statistics, read from the exports: the total credit granted and the
 * number of volunteers with credit (the paper's "registered users": people who have processed
 * work units). A landmark is reached at the first export that shows it.
 */
import type { Db } from "@/lib/db/client";
import { firstReaching } from "./landmarks";
import type { FoundMilestone } from "./survey-landmarks";

export async function projectSeries(db: Db) {
  return db.statsExport.findMany({
    orderBy: { exportTime: "asc" },
    select: { exportTime: true, totalCredit: true, userCount: true },
  });
}

type Series = Awaited<ReturnType<typeof projectSeries>>;

export function projectTotals(series: Series) {
  return {
    credit: Math.max(0, ...series.map((e) => e.totalCredit)),
    volunteers: Math.max(0, ...series.map((e) => e.userCount)),
  };
}

export function projectLandmarks(series: Series, credit: number[], volunteers: number[]): FoundMilestone[] {
  const at = (kind: "credit" | "volunteers", value: number, exportTime: Date): FoundMilestone => ({
    kind,
    value,
    reachedAt: exportTime,
    galaxyId: null,
    areaId: null,
  });
  return [
    ...[...firstReaching(series, (e) => e.totalCredit, credit)].map(([v, e]) => at("credit", v, e.exportTime)),
    ...[...firstReaching(series, (e) => e.userCount, volunteers)].map(([v, e]) => at("volunteers", v, e.exportTime)),
  ];
}

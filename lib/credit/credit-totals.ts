/**
 * The volunteer, team and credit totals of the home page. Summing them reads every volunteer
 * (100,000 in the 2012–13 survey) on each view, so they are summed after each of the two events
 * that change them and kept in one row (CreditTotals): a statistics import, and a results ingest,
 * which adds a placeholder for a volunteer the statistics do not know yet. Both events end in
 * detectMilestones, which calls refreshCreditTotals.
 *
 * The row records the newest export when it was summed, and is used only while that export is
 * still the newest: before any import (a portal filled by the seeds, tests, results alone) or
 * after an import whose follow-up has not run yet, the totals are summed as before.
 */
import type { Db } from "@/lib/db/client";

export interface CreditTotalsValues {
  users: number;
  teams: number;
  totalCredit: number;
  /** the sum of the stored RAC values (each as of its volunteer's last export) */
  totalRac: number;
}

const ROW_ID = 1;

async function sumCreditTotals(db: Db): Promise<CreditTotalsValues> {
  const [users, teams, credit] = await Promise.all([
    db.boincUser.count(),
    db.team.count(),
    db.boincUser.aggregate({ _sum: { totalCredit: true, expavgCredit: true } }),
  ]);
  return { users, teams, totalCredit: credit._sum.totalCredit ?? 0, totalRac: credit._sum.expavgCredit ?? 0 };
}

async function newestExportId(db: Db): Promise<number | null> {
  const newest = await db.statsExport.findFirst({ orderBy: { exportTime: "desc" }, select: { id: true } });
  return newest?.id ?? null;
}

/** The kept totals while they are current, else null. */
export async function keptCreditTotals(db: Db): Promise<CreditTotalsValues | null> {
  const [row, exportId] = await Promise.all([
    db.creditTotals.findUnique({ where: { id: ROW_ID } }),
    newestExportId(db),
  ]);
  if (!row || exportId === null || row.exportId !== exportId) return null;
  return { users: row.users, teams: row.teams, totalCredit: row.totalCredit, totalRac: row.totalRac };
}

/** The totals: the kept row while it is current, else summed now. */
export async function creditTotals(db: Db): Promise<CreditTotalsValues> {
  return (await keptCreditTotals(db)) ?? sumCreditTotals(db);
}

/**
 * Sums the totals and keeps them, stamped with the newest export. The export is read first: an
 * import landing during the sums then leaves the row stamped older than its values, which are
 * not used until that import's own refresh. Writes nothing when nothing changed (an ingest that
 * added no volunteer only reads).
 */
export async function refreshCreditTotals(db: Db): Promise<void> {
  const exportId = await newestExportId(db);
  const [values, row] = await Promise.all([sumCreditTotals(db), db.creditTotals.findUnique({ where: { id: ROW_ID } })]);
  const same =
    row !== null &&
    row.exportId === exportId &&
    row.users === values.users &&
    row.teams === values.teams &&
    row.totalCredit === values.totalCredit &&
    row.totalRac === values.totalRac;
  if (same) return;
  const data = { exportId, ...values, updatedAt: new Date() };
  await db.creditTotals.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...data }, update: data });
}

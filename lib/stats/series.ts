/**
 * The project's statistics as series for charts, pure functions of the stored rows: per-export
 * totals (StatsExport), volunteers by GFLOPS band, computers by operating system and core count.
 * A Cobblestone is 200 credits per GFLOPS-day (BOINC_FACTS §1), so a RAC (credits a day) of R is a
 * sustained R / 200 GFLOPS.
 */

export const CREDITS_PER_GFLOPS_DAY = 200;
const DAY_MS = 86_400_000;

export interface ExportTotals {
  exportTime: Date;
  totalCredit: number;
  registeredUsers: number;
  userCount: number;
  activeUsers: number;
  totalRac: number;
}

/** Credit granted per day between consecutive exports, dated at the later export. */
export function creditPerDay(exports: readonly ExportTotals[]): { time: number; credit: number }[] {
  const out: { time: number; credit: number }[] = [];
  for (let i = 1; i < exports.length; i++) {
    const days = (exports[i].exportTime.getTime() - exports[i - 1].exportTime.getTime()) / DAY_MS;
    if (days > 0)
      out.push({
        time: exports[i].exportTime.getTime(),
        credit: Math.max(0, exports[i].totalCredit - exports[i - 1].totalCredit) / days,
      });
  }
  return out;
}

/** The sustained GFLOPS that a RAC (credits a day) stands for. */
export function gflopsOfRac(rac: number): number {
  return rac / CREDITS_PER_GFLOPS_DAY;
}

/** Bands of a volunteer's sustained GFLOPS (RAC ÷ 200), from the slow machines the paper saw most of. */
export const GFLOPS_BANDS = [
  { label: "< 1", from: 1 / CREDITS_PER_GFLOPS_DAY, to: 1 },
  { label: "1–5", from: 1, to: 5 },
  { label: "5–10", from: 5, to: 10 },
  { label: "10–50", from: 10, to: 50 },
  { label: "50–100", from: 50, to: 100 },
  { label: "≥ 100", from: 100, to: Infinity },
] as const;

/** Core-count bins by powers of two: single, dual and quad cores, then server farms' many cores. */
export const CORE_BINS = [
  { label: "1", from: 1, to: 1 },
  { label: "2", from: 2, to: 2 },
  { label: "3–4", from: 3, to: 4 },
  { label: "5–8", from: 5, to: 8 },
  { label: "9–16", from: 9, to: 16 },
  { label: "17–32", from: 17, to: 32 },
  { label: "33–64", from: 33, to: 64 },
  { label: "65+", from: 65, to: Infinity },
] as const;

export function binCores(counts: readonly { cpuCount: number; computers: number }[]) {
  return CORE_BINS.map((bin) => ({
    label: bin.label,
    computers: counts
      .filter((c) => c.cpuCount >= bin.from && c.cpuCount <= bin.to)
      .reduce((s, c) => s + c.computers, 0),
  }));
}

/** The `keep` most common operating systems, the rest summed as "Other". */
export function topOperatingSystems(counts: readonly { osName: string; computers: number }[], keep = 10) {
  const sorted = counts
    .map((c) => ({ label: c.osName.trim() || "Unknown", computers: c.computers }))
    .sort((a, b) => b.computers - a.computers || a.label.localeCompare(b.label));
  const top = sorted.slice(0, keep);
  const other = sorted.slice(keep).reduce((s, c) => s + c.computers, 0);
  return other > 0 ? [...top, { label: "Other", computers: other }] : top;
}

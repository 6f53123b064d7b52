/**
 * A volunteer's credit history at every statistics export from their first snapshot on. The import
 * writes a snapshot only when their total credit or team changed, so between snapshots the last
 * one is carried forward: the total stays, and RAC — no credit was granted — simply decays from
 * the snapshot's value by BOINC's 7-day half-life (update_average with no credit), shown as 0
 * below 0.009 as the import stores it.
 */
import { decayRac } from "./rac";

/** Times in Unix seconds; rac in credits a day, as of `time`. */
export interface CreditPoint {
  time: number;
  totalCredit: number;
  rac: number;
}

const RAC_ZERO_BELOW = 0.009;

/** `snapshots` and `exportTimes` in time order. */
export function carryForward(snapshots: readonly CreditPoint[], exportTimes: readonly number[]): CreditPoint[] {
  const out: CreditPoint[] = [];
  let k = -1;
  for (const time of exportTimes) {
    while (k + 1 < snapshots.length && snapshots[k + 1].time <= time) k++;
    if (k < 0) continue;
    const s = snapshots[k];
    const rac = decayRac(s.rac, s.time, time);
    out.push({ time, totalCredit: s.totalCredit, rac: rac < RAC_ZERO_BELOW ? 0 : rac });
  }
  return out;
}

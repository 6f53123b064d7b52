// The scale survey's credit accounts, one typed array per field (an object per volunteer per grant
// made the simulation thirty times slower), with BOINC's semantics.
import { decayRac, updateAverage } from "@/lib/credit/rac";

/** BOINC's total_credit, expavg_credit, expavg_time of every volunteer or team (index id − 1). */
export class CreditLedger {
  readonly total: Float64Array;
  readonly rac: Float64Array;
  readonly racTime: Float64Array;
  /** 0 until the first credit: BOINC exports only volunteers and teams with credit */
  readonly present: Uint8Array;

  constructor(size: number) {
    this.total = new Float64Array(size);
    this.rac = new Float64Array(size);
    this.racTime = new Float64Array(size);
    this.present = new Uint8Array(size);
  }

  /** BOINC's order on a grant: update the average, then add to the total. */
  grant(k: number, time: number, credit: number, createTime: number): void {
    if (!this.present[k]) this.racTime[k] = createTime;
    const next = updateAverage({ rac: this.rac[k], racTime: this.racTime[k] }, time, credit);
    this.rac[k] = next.rac;
    this.racTime[k] = next.racTime;
    this.total[k] += credit;
    this.present[k] = 1;
  }

  set(k: number, total: number, rac: number, racTime: number): void {
    this.total[k] = total;
    this.rac[k] = rac;
    this.racTime[k] = racTime;
    this.present[k] = 1;
  }

  /** RAC decayed to the export time, as the statistics import stores it (below 0.009: 0). */
  racAt(k: number, time: number): number {
    const rac = decayRac(this.rac[k], this.racTime[k], time);
    return rac < 0.009 ? 0 : rac;
  }
}

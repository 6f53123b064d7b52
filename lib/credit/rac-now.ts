// BOINC exports RAC "as of expavg_time"; a page shows it decayed to the moment it is shown.
import { decayRac } from "./rac";

export function racNow(entity: { expavgCredit: number; expavgTime: number }, nowSeconds = Date.now() / 1000): number {
  if (!entity.expavgTime) return entity.expavgCredit;
  return decayRac(entity.expavgCredit, entity.expavgTime, nowSeconds);
}

/**
 * Recent average credit (RAC, BOINC `expavg_credit`) exactly as BOINC computes it
 * (`update_average`, docs/formats.md §11): an exponentially decaying average in credits per day with a
 * half-life of 7 days. Times are Unix seconds, like BOINC's `expavg_time`.
 *
 * An exported RAC is "as of" its expavg_time, so values must be decayed to one common time before
 * they are compared, ranked or charted (`decayRac`).
 */

export const SECONDS_PER_DAY = 86_400;
export const RAC_HALF_LIFE_SECONDS = 7 * SECONDS_PER_DAY;

/** BOINC's `expavg_credit` and `expavg_time`; racTime 0 means "never averaged". */
export interface RacState {
  rac: number;
  racTime: number;
}

/** Decay factor over `seconds` (≥ 0): 2^(−Δ/H). */
function decayWeight(seconds: number): number {
  return Math.exp((-seconds * Math.LN2) / RAC_HALF_LIFE_SECONDS);
}

/**
 * The state after `credit` is granted at `now` for work sent out at `workStartTime`.
 * - normal: RAC ← w·RAC + (1 − w)·W / Δdays, w = 2^(−Δ/H);
 * - Δ ≈ 0 (1 − w ≤ 1e-6): the division would blow up, so the limit is used, RAC ← w·RAC + W·ln2·86400/H
 *   (BOINC still applies w here, which changes RAC by at most a millionth);
 * - never averaged (racTime 0): RAC ← W / days since the work started; a grant with no elapsed work
 *   time falls back to the Δ ≈ 0 increment instead of dividing by zero;
 * - W = 0: pure decay, which the normal rule already is.
 * Δ is clamped at 0 (a clock going backwards only stops decay).
 */
export function updateAverage(state: RacState, now: number, credit: number, workStartTime = now): RacState {
  if (state.racTime === 0) {
    if (credit === 0) return { rac: state.rac, racTime: now };
    const days = (now - workStartTime) / SECONDS_PER_DAY;
    const rac = days > 0 ? credit / days : instantIncrement(credit);
    return { rac, racTime: now };
  }
  const elapsed = Math.max(0, now - state.racTime);
  const weight = decayWeight(elapsed);
  let rac = state.rac * weight;
  if (1 - weight > 1e-6) {
    rac += ((1 - weight) * credit) / (elapsed / SECONDS_PER_DAY);
  } else {
    rac += instantIncrement(credit);
  }
  return { rac, racTime: now };
}

// The limit of (1 − w)·W/Δdays as Δ → 0: W·ln2·86400/H ≈ 0.099·W.
function instantIncrement(credit: number): number {
  return (credit * Math.LN2 * SECONDS_PER_DAY) / RAC_HALF_LIFE_SECONDS;
}

/** RAC known as of `fromTime`, decayed to `toTime` (no growth if toTime is earlier). */
export function decayRac(rac: number, fromTime: number, toTime: number): number {
  return rac * decayWeight(Math.max(0, toTime - fromTime));
}

/** A simulated volunteer, team or host: BOINC's total_credit, expavg_credit, expavg_time. */
export interface CreditAccount extends RacState {
  totalCredit: number;
}

export interface CreditGrant {
  /** When the credit is granted (validation time), Unix seconds. */
  time: number;
  credit: number;
  /** When the work was sent out; only used for an account never averaged before. */
  sentTime?: number;
}

/** A new BOINC account: RAC 0 as of its creation time, which is why RAC ramps up (§2). */
export function newAccount(createTime: number): CreditAccount {
  return { totalCredit: 0, rac: 0, racTime: createTime };
}

/** BOINC's order on a grant: update the average, then add to the total. */
export function grantCredit(account: CreditAccount, grant: CreditGrant): CreditAccount {
  const { rac, racTime } = updateAverage(account, grant.time, grant.credit, grant.sentTime ?? grant.time);
  return { totalCredit: account.totalCredit + grant.credit, rac, racTime };
}

/** The account after the grants, applied in the given (chronological) order. */
export function applyGrants(account: CreditAccount, grants: Iterable<CreditGrant>): CreditAccount {
  let current = account;
  for (const grant of grants) current = grantCredit(current, grant);
  return current;
}

/** The account's RAC as a stats page would show it at `time`. */
export function racAt(account: RacState, time: number): number {
  return decayRac(account.rac, account.racTime, time);
}

/**
 * Evenly spaced grants adding up to `creditPerDay` per day from `start` (exclusive) to `end`
 * (inclusive), e.g. hourly grants of a steady cruncher. Lazy, so long simulations stay small.
 */
export function* steadyGrants(
  start: number,
  end: number,
  creditPerDay: number,
  intervalSeconds = 3600,
): Generator<CreditGrant> {
  const credit = (creditPerDay * intervalSeconds) / SECONDS_PER_DAY;
  for (let time = start + intervalSeconds; time <= end; time += intervalSeconds) yield { time, credit };
}

/**
 * One number that orders entities by RAC at any common time: log2(RAC) + time / H. Decay alone
 * leaves it unchanged (RAC halves as time advances by H), so it changes only with new credit, and
 * RAC at time T is 2^(order − T / H) (`racFromOrder`). 0 stands for a RAC of 0.
 */
export function racOrder(rac: number, racTime: number): number {
  return rac > 0 ? Math.log2(rac) + racTime / RAC_HALF_LIFE_SECONDS : 0;
}

/** The RAC at `time` (Unix seconds) of an entity whose `racOrder` is `order`. */
export function racFromOrder(order: number, time: number): number {
  return order === 0 ? 0 : 2 ** (order - time / RAC_HALF_LIFE_SECONDS);
}

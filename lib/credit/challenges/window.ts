/**
 * A challenge's window in statistics exports. Credit is only seen at exports (daily, or every few
 * hours), so a challenge counts the credit between two of them: time zero, the first export at or
 * after the start (BOINC_FACTS §8: "the baseline snapshot defines time zero"), and the final
 * export, the first at or after the end. The counted period has the window's length, shifted to
 * the export times; with exports at 00:00 UTC and windows on 00:00 boundaries it is the window.
 * Standings are frozen once the final export is in.
 */

export interface ChallengeWindow {
  /** Time zero (ms), or null while no export at or after the start has been imported. */
  zero: number | null;
  /** The final export (ms) once imported, else null: the challenge is still counting. */
  final: number | null;
  /** The exports counted so far, zero first (ms, ascending); empty before time zero. */
  exports: number[];
}

/** Index of the first of the ascending `times` at or after `t` (times.length when none). */
export function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The window of a challenge running from `startsAt` to `endsAt` among the ascending export times. */
export function challengeWindow(exportTimes: readonly number[], startsAt: number, endsAt: number): ChallengeWindow {
  const first = firstAtOrAfter(exportTimes, startsAt);
  if (first === exportTimes.length) return { zero: null, final: null, exports: [] };
  const end = firstAtOrAfter(exportTimes, endsAt);
  const final = end < exportTimes.length ? exportTimes[end] : null;
  const exports = exportTimes.slice(first, Math.min(end, exportTimes.length - 1) + 1);
  return { zero: exportTimes[first], final, exports };
}

/**
 * Time zero of one team: a team named when the challenge was set up counts from the challenge's
 * time zero; a team added after the start counts from the first export at or after it was added
 * (credit its members earned before that is not in the race). Null while that export is to come.
 */
export function teamZero(window: ChallengeWindow, startsAt: number, joinedAt: number): number | null {
  if (window.zero === null) return null;
  if (joinedAt <= startsAt) return window.zero;
  const i = firstAtOrAfter(window.exports, joinedAt);
  return i < window.exports.length ? window.exports[i] : null;
}

export type ChallengePhase = "upcoming" | "running" | "finished";

/** Where a challenge stands by the clock (the standings may lag until the final export is in). */
export function challengePhase(c: { startsAt: Date; endsAt: Date }, now: Date): ChallengePhase {
  if (now < c.startsAt) return "upcoming";
  return now < c.endsAt ? "running" : "finished";
}

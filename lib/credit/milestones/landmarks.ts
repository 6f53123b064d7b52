/**
 * Round numbers worth a milestone: every one-digit multiple of a power of ten (1,000, 2,000 …
 * 9,000, 10,000, 20,000 …), from a first landmark that suits each kind's scale. A fixed sequence
 * (rather than one that grows with the survey) keeps detection repeatable: the same data always
 * gives the same milestones.
 */

export const MILESTONE_KINDS = ["work_units", "pixels", "galaxies", "credit", "volunteers"] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** The smallest landmark of each kind. */
export const FIRST_LANDMARK: Record<MilestoneKind, number> = {
  // The paper's prize went to the 2,000,000th work unit; a small survey starts at the 100th.
  work_units: 100,
  pixels: 10_000,
  galaxies: 1,
  credit: 10_000,
  volunteers: 10,
};

/** Landmarks from `first` (a power of ten) up to and including `upTo`, ascending. */
export function landmarksUpTo(upTo: number, first: number): number[] {
  const out: number[] = [];
  for (let power = first; power <= upTo; power *= 10)
    for (let k = 1; k <= 9 && k * power <= upTo; k++) out.push(k * power);
  return out;
}

/** The landmarks of a kind up to `reached` that are not in `recorded`. */
export function missingLandmarks(kind: MilestoneKind, reached: number, recorded: Iterable<number>): number[] {
  const have = new Set(recorded);
  return landmarksUpTo(reached, FIRST_LANDMARK[kind]).filter((v) => !have.has(v));
}

/** For each landmark, the first value of an ascending series that reaches it (or nothing). */
export function firstReaching<T>(series: readonly T[], valueOf: (item: T) => number, landmarks: readonly number[]) {
  const out = new Map<number, T>();
  let i = 0;
  for (const landmark of [...landmarks].sort((a, b) => a - b)) {
    while (i < series.length && valueOf(series[i]) < landmark) i++;
    if (i < series.length) out.set(landmark, series[i]);
  }
  return out;
}

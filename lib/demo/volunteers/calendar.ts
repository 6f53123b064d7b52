// The clock of the simulated BOINC project (unix seconds, UTC) and the team challenges held
// during its period. Challenges only need each team's id and creation time, so this module
// stays below the population that draws them.
import type { Rng } from "@/lib/demo/random";

export const DAY = 86_400;
export const WEEK = 7 * DAY;

/** Start of the simulated period when none is given: the 2013 POGS season. */
export const DEFAULT_START = Date.UTC(2013, 6, 1) / 1000;

export function toUnixSeconds(t: Date | string | number): number {
  if (typeof t === "number") return t;
  const ms = typeof t === "string" ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`not a time: ${String(t)}`);
  return Math.floor(ms / 1000);
}

export interface DemoChallenge {
  readonly name: string;
  readonly description: string;
  /** Window [start, end), 00:00 UTC boundaries. */
  readonly start: number;
  readonly end: number;
  readonly teamIds: readonly number[];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function drawChallenges(
  r: Rng,
  teams: readonly { readonly id: number; readonly createTime: number }[],
  popularity: readonly number[],
  start: number,
  end: number,
): DemoChallenge[] {
  const byPopularity = teams.slice().sort((a, b) => popularity[b.id - 1] - popularity[a.id - 1] || a.id - b.id);
  const midnight = (t: number) => Math.floor(t / DAY) * DAY;
  // One finished two-week challenge early in the period, one three-week challenge still running at its end.
  const aStart = midnight(start + Math.round(r.uniform(0.1, 0.3) * (end - start)));
  const bStart = midnight(end - Math.round(r.uniform(8, 12)) * DAY);
  const month = (t: number) => {
    const d = new Date(t * 1000);
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  };
  // Teams that exist before the challenge starts, favouring the popular ones.
  const pick = (k: number, at: number, rr: Rng) => {
    const existing = byPopularity.filter((t) => t.createTime < at);
    return rr
      .sample(existing.slice(0, Math.min(existing.length, k + 3)), Math.min(k, existing.length))
      .map((t) => t.id)
      .sort((a, b) => a - b);
  };
  return [
    {
      name: `Pan-STARRS Galaxy Challenge ${month(aStart)}`,
      description: "Two weeks of team racing on POGS work units: credit granted in the window counts.",
      start: aStart,
      end: aStart + 14 * DAY,
      teamIds: pick(13, aStart, r.child("a")),
    },
    {
      name: `Spiral Arms Sprint ${month(bStart)}`,
      description: "Three teams, three weeks: who processes the most galaxy pixels?",
      start: bStart,
      end: bStart + 21 * DAY,
      teamIds: pick(3, bStart, r.child("b")),
    },
  ];
}

// The default demo: small enough to build in well under two minutes on two cores.
export const DEMO_DEFAULTS = { seed: "1", galaxies: 24, users: 200, weeks: 8, maxSize: 224 } as const;

/** 00:00 UTC of the last Monday on or before a date: the default end of the simulated period. */
export function lastMonday(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/**
 * Trophy kinds and tiers. A trophy is a Trophy row: a kind, a threshold and a metal (stored in
 * Trophy.image, which names the medal's metal: the picture is drawn per kind and metal).
 *
 * - credit, rac, galaxies, membership_days: thresholds reached once (total credit, RAC at a
 *   statistics export, galaxies contributed to, days since joining BOINC); kept for good, and every
 *   tier reached is held, as POGS's own trophies were.
 * - rank (top N by total credit) and rac_percentile (BOINC's top 1 / 5 / 25 % RAC badges, among
 *   volunteers with a RAC above 1) describe where a volunteer stands now: re-judged at every award
 *   run, a volunteer holds only their best tier, and loses it when they no longer stand there (as
 *   BOINC re-evaluates its percentile badges daily).
 * - custom: given by hand; never awarded or taken away by the award run.
 */
export const TROPHY_KINDS = [
  "credit",
  "rac",
  "galaxies",
  "membership_days",
  "rank",
  "rac_percentile",
  "custom",
] as const;
export type TrophyKind = (typeof TROPHY_KINDS)[number];

/** Kinds held only while they last, best tier only. */
export const STANDING_KINDS: readonly TrophyKind[] = ["rank", "rac_percentile"];

export const METALS = ["bronze", "silver", "gold", "platinum", "diamond"] as const;
export type Metal = (typeof METALS)[number];

export function isTrophyKind(kind: string): kind is TrophyKind {
  return (TROPHY_KINDS as readonly string[]).includes(kind);
}

export function metalOf(image: string): Metal {
  return (METALS as readonly string[]).includes(image) ? (image as Metal) : "bronze";
}

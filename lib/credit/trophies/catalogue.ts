/**
 * The trophies every survey starts with (POGS_FACTS.md §9: credit, RAC, time, leaderboard position
 * and galaxy-count trophies; BOINC's top 1 / 5 / 25 % RAC badges). Operators may edit thresholds,
 * names and metals in the database; the seed only adds names that are missing (to retire a trophy
 * of this list, set it hidden rather than delete it).
 */
import type { Metal, TrophyKind } from "./kinds";

export interface TrophyDefinition {
  name: string;
  kind: TrophyKind;
  threshold: number;
  metal: Metal;
}

export const DEFAULT_TROPHIES: readonly TrophyDefinition[] = [
  { name: "Thousand credits", kind: "credit", threshold: 1_000, metal: "bronze" },
  { name: "Ten thousand credits", kind: "credit", threshold: 10_000, metal: "silver" },
  { name: "Hundred thousand credits", kind: "credit", threshold: 100_000, metal: "gold" },
  { name: "Million credits", kind: "credit", threshold: 1_000_000, metal: "platinum" },
  { name: "Ten million credits", kind: "credit", threshold: 10_000_000, metal: "diamond" },
  { name: "RAC 100", kind: "rac", threshold: 100, metal: "bronze" },
  { name: "RAC 1,000", kind: "rac", threshold: 1_000, metal: "silver" },
  { name: "RAC 10,000", kind: "rac", threshold: 10_000, metal: "gold" },
  { name: "First galaxy", kind: "galaxies", threshold: 1, metal: "bronze" },
  { name: "Ten galaxies", kind: "galaxies", threshold: 10, metal: "silver" },
  { name: "Hundred galaxies", kind: "galaxies", threshold: 100, metal: "gold" },
  { name: "Thousand galaxies", kind: "galaxies", threshold: 1_000, metal: "platinum" },
  { name: "One month with BOINC", kind: "membership_days", threshold: 30, metal: "bronze" },
  { name: "One year with BOINC", kind: "membership_days", threshold: 365, metal: "silver" },
  { name: "Five years with BOINC", kind: "membership_days", threshold: 1_826, metal: "gold" },
  { name: "Ten years with BOINC", kind: "membership_days", threshold: 3_652, metal: "platinum" },
  { name: "Number one", kind: "rank", threshold: 1, metal: "gold" },
  { name: "Top 10", kind: "rank", threshold: 10, metal: "silver" },
  { name: "Top 100", kind: "rank", threshold: 100, metal: "bronze" },
  { name: "Top 1 % by RAC", kind: "rac_percentile", threshold: 1, metal: "gold" },
  { name: "Top 5 % by RAC", kind: "rac_percentile", threshold: 5, metal: "silver" },
  { name: "Top 25 % by RAC", kind: "rac_percentile", threshold: 25, metal: "bronze" },
];

// What a trophy asks for, in words: shown on /trophies, the holders' page and in the API.
import { formatInt } from "@/lib/format";
import type { TrophyKind } from "./kinds";

export function trophyRule(kind: string, threshold: number, description = ""): string {
  const n = formatInt(threshold);
  switch (kind as TrophyKind) {
    case "credit":
      return `A total credit of at least ${n}.`;
    case "rac":
      return `A RAC of at least ${n} credits a day at a statistics export.`;
    case "galaxies":
      return threshold === 1 ? "Work units processed in a galaxy." : `Work units processed in at least ${n} galaxies.`;
    case "membership_days":
      return `A BOINC member for at least ${n} days.`;
    case "rank":
      return threshold === 1
        ? "First place by total credit, held while it lasts."
        : `In the top ${n} by total credit, held while it lasts; only the best rank trophy is kept.`;
    case "rac_percentile":
      return (
        `In the top ${n} % by RAC of the volunteers with a RAC above 1, re-judged at every statistics ` +
        `export; only the best tier is kept.`
      );
    default:
      return description || "Given by the POGS team.";
  }
}

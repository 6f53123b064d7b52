// The words of a milestone, for the stored text and the feed.
import { formatInt } from "@/lib/format";
import type { MilestoneKind } from "./landmarks";

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st: the English ordinal of a whole number. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${formatInt(n)}${suffix}`;
}

export function milestoneTitle(kind: string, value: number): string {
  switch (kind as MilestoneKind) {
    case "work_units":
      return `The ${ordinal(value)} work unit`;
    case "pixels":
      return `${formatInt(value)} pixels fitted`;
    case "galaxies":
      return value === 1 ? "The first galaxy completed" : `${formatInt(value)} galaxies completed`;
    case "credit":
      return `${formatInt(value)} credits granted`;
    case "volunteers":
      return `${formatInt(value)} volunteers with credit`;
    default:
      return `${kind} ${formatInt(value)}`;
  }
}

/** The stored sentence: the title and where it happened. */
export function milestoneText(kind: MilestoneKind, value: number, galaxyName: string | null): string {
  const title = milestoneTitle(kind, value);
  if (!galaxyName) return title;
  if (kind === "galaxies")
    return value === 1 ? `${title}: ${galaxyName}` : `${title}: ${galaxyName} was the ${ordinal(value)}`;
  return `${title}, in an area of ${galaxyName}`;
}

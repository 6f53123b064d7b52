/**
 * What an operator gives to define a challenge, checked the same way for the CLI and the admin
 * page: a name, a description, a UTC window, and the teams taking part or "open to all".
 */
import { z } from "zod";

const UTC_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?\s*(Z|\+00:?00|UTC)?$/i;

/**
 * A UTC time as written by hand: `2026-12-01` (00:00 UTC), `2026-12-01 18:00`, `2026-12-01T18:00:00Z`.
 * Other offsets are refused rather than converted: challenge times are announced in UTC.
 */
export function parseUtcTime(text: string): Date | null {
  const m = UTC_TIME.exec(text.trim());
  if (!m) return null;
  const date = new Date(`${m[1]}T${m[2] ?? "00:00"}${m[2]?.length === 5 ? ":00" : ""}Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[1] ? null : date;
}

const utcTime = (what: string) =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    const date = typeof value === "string" ? parseUtcTime(value) : value;
    if (date && !Number.isNaN(date.getTime())) return date;
    ctx.addIssue({ code: "custom", message: `${what} must be a UTC time like 2026-12-01 or 2026-12-01 18:00` });
    return z.NEVER;
  });

export const ChallengeInput = z
  .object({
    name: z.string().trim().min(1, "a name is required").max(120, "the name is longer than 120 characters"),
    description: z.string().trim().max(2000, "the description is longer than 2,000 characters").default(""),
    startsAt: utcTime("the start"),
    endsAt: utcTime("the end"),
    openToAll: z.boolean().default(false),
    teamIds: z.array(z.number().int().positive()).default([]),
  })
  .refine((c) => c.endsAt > c.startsAt, { error: "the end must be after the start" })
  .refine((c) => c.openToAll || c.teamIds.length > 0, {
    error: "name the teams taking part, or open the challenge to all teams",
  })
  .refine((c) => !(c.openToAll && c.teamIds.length > 0), {
    error: "a challenge open to all teams takes no team list",
  });

export type ChallengeInput = z.input<typeof ChallengeInput>;

/** Team ids written as `12, 34 56`: every one a positive integer, or null. */
export function parseTeamIds(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (!parts.every((p) => /^[1-9]\d{0,9}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/** Bad input for a challenge definition: its message is shown as it is. */
export class ChallengeInputError extends Error {}

/** The parsed input, or a ChallengeInputError with the first problem. */
export function checkChallengeInput(input: ChallengeInput): z.output<typeof ChallengeInput> {
  const parsed = ChallengeInput.safeParse(input);
  if (!parsed.success) throw new ChallengeInputError(parsed.error.issues[0]?.message ?? "invalid challenge");
  return parsed.data;
}

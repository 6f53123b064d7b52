/**
 * Zod pieces for the strings of a URL (path segments and query parameters), with messages that
 * name the parameter, since the first issue's message is what a 400 or 404 says.
 */
import { z } from "zod";

const MAX_ID = 2_147_483_647;

/** A path segment naming a row by id: a positive integer (database int range), or null. */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}

/**
 * The id of a `thing` in the path. A malformed id names no row, so its message reads as a 404's
 * ("no galaxy with id abc"): `apiRoute` answers path params that do not parse with 404.
 */
export function idParam(thing: string) {
  return z
    .string()
    .refine((raw) => parseId(raw) !== null, { error: (issue) => `no ${thing} with id ${String(issue.input)}` })
    .transform(Number);
}

/** A non-negative integer query parameter up to `max`. */
export function intParam(name: string, max: number) {
  return z
    .string({ error: `${name} is required` })
    .regex(/^\d{1,9}$/, `${name} must be a non-negative integer`)
    .transform(Number)
    .refine((n) => n <= max, `${name} must be at most ${max}`);
}

/** An optional query parameter: absent and empty (`?size=`) both mean "not given". */
export function optionalParam<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());
}

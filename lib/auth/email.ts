// Email addresses as accounts know them: trimmed and lower-cased, so "Ann@Example.org" and
// "ann@example.org" are one account. Checked with zod's rules, at most 254 characters (RFC 5321).
import { createHash } from "node:crypto";
import { z } from "zod";

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A key for per-account counters that does not store the address itself. */
export function emailKey(email: string): string {
  return createHash("sha256").update(normalizeEmail(email)).digest("hex").slice(0, 32);
}

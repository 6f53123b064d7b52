// Creating an account: a display name, an email address and a password (stored as a scrypt hash).
// Sign-ups are limited per address so the portal cannot be filled with accounts by one script.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { EmailSchema } from "./email";
import { hashPassword } from "./password";
import { hitRateLimit, waitText } from "./rate-limit";

export const MIN_PASSWORD_LENGTH = 10;

export const SignUpSchema = z
  .object({
    name: z
      .string({ error: "Enter a name." })
      .trim()
      .min(1, "Enter a name.")
      .max(60, "Use at most 60 characters for your name."),
    email: EmailSchema,
    password: z
      .string({ error: "Choose a password." })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`)
      .max(1024, "Use at most 1024 characters for your password."),
    confirm: z.string({ error: "Repeat the password." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords differ." });

export type SignUpField = "name" | "email" | "password" | "confirm";
export type SignUpResult =
  { ok: true; accountId: number } | { ok: false; errors: Partial<Record<SignUpField | "form", string>> };

const SIGN_UP_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

export async function signUp(db: Db, input: unknown, address: string, now = new Date()): Promise<SignUpResult> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<SignUpField, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as SignUpField] ??= issue.message;
    return { ok: false, errors };
  }
  const limit = await hitRateLimit(db, `sign-up:address:${address}`, SIGN_UP_LIMIT, now);
  if (!limit.allowed)
    return {
      ok: false,
      errors: {
        form: `Too many new accounts from your network address. Try again in ${waitText(limit.retryAfterMs)}.`,
      },
    };
  const { name, email, password } = parsed.data;
  const taken = await db.account.findUnique({ where: { email }, select: { id: true } });
  if (taken)
    return { ok: false, errors: { email: "An account with that email address exists already: sign in instead." } };
  try {
    const account = await db.account.create({
      data: { name, email, passwordHash: await hashPassword(password), role: "volunteer", createdAt: now },
      select: { id: true },
    });
    return { ok: true, accountId: account.id };
  } catch (error) {
    // The same address signing up twice at once: the second insert meets the unique index.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, errors: { email: "An account with that email address exists already: sign in instead." } };
    throw error;
  }
}

// Checking an email and password: per-address and per-account rate limits, the lock-out, and the
// password itself, in that order, so a locked or flooded account costs no scrypt work. Messages
// are what the sign-in form shows; "wrong email or password" never says which one was wrong.
import type { Db } from "@/lib/db/client";
import { emailKey, normalizeEmail } from "./email";
import { isLocked, LOCKOUT, recordFailedSignIn, recordSuccessfulSignIn } from "./lockout";
import { hashPassword, needsRehash, verifyDecoy, verifyPassword } from "./password";
import { hitRateLimit, sweepRateLimits, waitText } from "./rate-limit";

const MINUTES = 60_000;

export const SIGN_IN_LIMITS = {
  perAddress: { limit: 40, windowMs: 15 * MINUTES },
  perAccount: { limit: 10, windowMs: 15 * MINUTES },
} as const;

export type SignInAttempt = { email: string; password: string; address: string };

export type SignInResult =
  { ok: true; accountId: number } | { ok: false; reason: "invalid" | "locked" | "rate-limited"; message: string };

export const WRONG_CREDENTIALS = "Wrong email or password.";

export function lockedMessage(until: Date, now: Date): string {
  const at = until.toISOString().slice(11, 16);
  return `This account is locked after ${LOCKOUT.maxFailures} failed sign-ins. Try again in ${waitText(until.getTime() - now.getTime())} (at ${at} UTC).`;
}

export async function signInWithPassword(db: Db, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email);
  if (!email || !attempt.password || email.length > 254 || attempt.password.length > 1024)
    return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS };

  const byAddress = await hitRateLimit(db, `sign-in:address:${attempt.address}`, SIGN_IN_LIMITS.perAddress, now);
  if (!byAddress.allowed)
    return limited(
      `Too many sign-in attempts from your network address. Try again in ${waitText(byAddress.retryAfterMs)}.`,
    );
  const byAccount = await hitRateLimit(db, `sign-in:account:${emailKey(email)}`, SIGN_IN_LIMITS.perAccount, now);
  if (!byAccount.allowed)
    return limited(`Too many sign-in attempts for this account. Try again in ${waitText(byAccount.retryAfterMs)}.`);
  // Now and then, forget counters of windows that ended a day ago (one row per address and email tried).
  if (Math.random() < 0.01) await sweepRateLimits(db, 24 * 60 * MINUTES, now);

  const account = await db.account.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, failedLogins: true, lockedUntil: true },
  });
  if (!account) {
    await verifyDecoy(attempt.password);
    return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS };
  }
  if (isLocked(account, now)) return { ok: false, reason: "locked", message: lockedMessage(account.lockedUntil!, now) };

  if (!(await verifyPassword(attempt.password, account.passwordHash))) {
    const lockedUntil = await recordFailedSignIn(db, account.id, now);
    return lockedUntil
      ? { ok: false, reason: "locked", message: lockedMessage(lockedUntil, now) }
      : { ok: false, reason: "invalid", message: WRONG_CREDENTIALS };
  }
  await recordSuccessfulSignIn(db, account.id, now);
  if (needsRehash(account.passwordHash))
    await db.account.update({
      where: { id: account.id },
      data: { passwordHash: await hashPassword(attempt.password) },
    });
  return { ok: true, accountId: account.id };
}

function limited(message: string): SignInResult {
  return { ok: false, reason: "rate-limited", message };
}

// Lock-out after repeated failed sign-ins (Account.failedLogins / lockedUntil). It stops a
// password being guessed slowly from many addresses, which the per-address limit cannot see.
import type { Db } from "@/lib/db/client";

export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

export type LockState = { lockedUntil: Date | null; failedLogins: number };

export function isLocked(account: LockState, now: Date): boolean {
  return account.lockedUntil !== null && account.lockedUntil > now;
}

/**
 * Counts a wrong password. The failure that reaches the limit locks the account and starts the
 * count again, so after the lock ends the volunteer has the full number of tries.
 * Returns the time the lock ends, if this failure locked the account.
 */
export async function recordFailedSignIn(db: Db, accountId: number, now: Date): Promise<Date | null> {
  const { failedLogins } = await db.account.update({
    where: { id: accountId },
    data: { failedLogins: { increment: 1 } },
    select: { failedLogins: true },
  });
  if (failedLogins < LOCKOUT.maxFailures) return null;
  const lockedUntil = new Date(now.getTime() + LOCKOUT.lockMs);
  await db.account.update({ where: { id: accountId }, data: { lockedUntil, failedLogins: 0 } });
  return lockedUntil;
}

export async function recordSuccessfulSignIn(db: Db, accountId: number, now: Date): Promise<void> {
  await db.account.update({
    where: { id: accountId },
    data: { failedLogins: 0, lockedUntil: null, lastSignInAt: now },
  });
}

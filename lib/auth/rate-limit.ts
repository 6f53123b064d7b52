// Fixed-window counters in the database (the RateLimit table), so every server process sees the
// same counts: a sign-in limit kept in one process's memory would be multiplied by the number of
// processes and reset by every restart.
import type { Db } from "@/lib/db/client";

export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterMs: number };

/**
 * Counts one hit on `key` and says whether it is within the rule. The window starts at a key's
 * first hit and ends `windowMs` later; hits past the limit are counted too, so hammering does
 * not reopen the window early.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  // A window that has ended restarts; the condition makes only one process restart it.
  await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: windowFloor } },
    data: { windowStart: now, count: 0 },
  });
  const row = await upsertHit(db, key, now);
  const retryAfterMs = Math.max(0, row.windowStart.getTime() + rule.windowMs - now.getTime());
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterMs };
}

async function upsertHit(db: Db, key: string, now: Date) {
  const hit = () =>
    db.rateLimit.upsert({
      where: { key },
      create: { key, windowStart: now, count: 1 },
      update: { count: { increment: 1 } },
    });
  try {
    return await hit();
  } catch (error) {
    // Two processes creating the same key at once: the loser's insert fails; its update succeeds.
    if ((error as { code?: string }).code === "P2002") return hit();
    throw error;
  }
}

/** Removes counters whose window ended long ago (they would restart anyway). */
export async function sweepRateLimits(db: Db, olderThanMs: number, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - olderThanMs) } },
  });
  return count;
}

/** "3 minutes", "1 minute", "40 seconds": how long until a window or a lock ends. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

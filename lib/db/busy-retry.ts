/**
 * Retrying a write transaction that met a busy database. SQLite waits up to its busy timeout for
 * the write lock (see ./provider.ts), but a transaction that read before it wrote cannot wait: when
 * another connection committed in between, its snapshot is stale and SQLite answers
 * SQLITE_BUSY_SNAPSHOT at once. PostgreSQL's equivalents are serialization failures, deadlocks and
 * lock timeouts. Each means "run the whole transaction again", which only the caller can do.
 */

// SQLite's busy family, and PostgreSQL's serialization_failure, deadlock_detected, lock_not_available.
const BUSY_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_LOCKED",
  "40001",
  "40P01",
  "55P03",
]);
// Prisma's own "transaction failed due to a write conflict or a deadlock".
const PRISMA_CONFLICT = "P2034";

interface MaybeDriverError {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
}

/** True when `error` (or what caused it) says the database was busy or the transaction lost a conflict. */
export function isBusyError(error: unknown): boolean {
  for (
    let e = error as MaybeDriverError | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as MaybeDriverError, depth++
  ) {
    if (e.code === PRISMA_CONFLICT || BUSY_CODES.has(String(e.code))) return true;
    const cause = e.meta?.driverAdapterError?.cause;
    if (cause && (BUSY_CODES.has(String(cause.originalCode)) || cause.kind === "TransactionWriteConflict")) return true;
  }
  return false;
}

export interface RetryOptions {
  /** Tries in all (default: as many as fit in maxWaitMs). */
  attempts?: number;
  /** First wait, doubled each time with jitter up to half a second (default 50 ms). */
  delayMs?: number;
  /**
   * How long to keep trying (default 30 s, twice SQLite's busy timeout): a transaction that read
   * first gets no busy wait from SQLite while another holds the write lock (a statistics import's
   * swap takes seconds), so this loop is its wait.
   */
  maxWaitMs?: number;
}

const MAX_DELAY_MS = 500;

/** Runs `work` (a whole transaction) again while it fails because the database was busy. */
export async function retryWhenBusy<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? Infinity;
  const deadline = performance.now() + (options.maxWaitMs ?? 30_000);
  let delay = options.delayMs ?? 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || performance.now() >= deadline || !isBusyError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}

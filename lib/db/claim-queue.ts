/**
 * Taking the oldest queued row of a work queue (data requests) so that many processes sharing
 * one database each get a different row. On PostgreSQL the row is picked with
 * `SELECT … FOR UPDATE SKIP LOCKED` inside a transaction: concurrent claimers skip the rows others
 * are taking instead of queueing behind them, and `claim` turns the locked row into a claimed one
 * before the lock goes. On SQLite there is one writer, so `claim`'s own conditional UPDATE
 * (`WHERE status = 'queued'`) is the whole protocol; the oldest few rows are tried in turn.
 */
import { isPostgresClient, type Db } from "./client";
import type { Prisma } from "./generated/sqlite/client";

/** The queue tables (a fixed list: the name goes into SQL text). */
type QueueTable = "data_request";

type Tx = Prisma.TransactionClient;

/**
 * Calls `claim(tx, id)` with the id of a queued row of `table` (oldest `created_at` first) until
 * one returns non-null; resolves null when no queued row could be claimed.
 */
export async function claimQueuedRow<T>(
  db: Db,
  table: QueueTable,
  claim: (tx: Tx | Db, id: string) => Promise<T | null>,
): Promise<T | null> {
  if (isPostgresClient(db)) {
    return db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM "${table}" WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      return rows.length ? claim(tx, rows[0].id) : null;
    });
  }
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "${table}" WHERE status = 'queued' ORDER BY created_at LIMIT 5`,
  );
  for (const { id } of rows) {
    const claimed = await claim(db, id);
    if (claimed !== null) return claimed;
  }
  return null;
}

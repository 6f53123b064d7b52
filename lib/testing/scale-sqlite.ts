// How the scale survey is written fast: batches of statements in transactions, and SQLite tuned
// for bulk writes while it runs.
import type { Db } from "@/lib/db/client";
import { providerOf } from "@/lib/credit/sql";

/** One transaction per batch of statements: SQLite then syncs once for all of them. */
export async function inTransaction(db: Db, work: (tx: Db) => Promise<void>): Promise<void> {
  await db.$transaction((tx) => work(tx as unknown as Db), { timeout: 3_600_000, maxWait: 60_000 });
}

/**
 * While the survey is written: a large SQLite page cache, so the snapshot table's primary-key pages
 * are not written out again and again, and no fsync (a generated data set is rebuilt, not
 * recovered). Both are put back afterwards, so what is measured next reads as the server would.
 */
export async function withFastSqliteWrites<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (providerOf(db) !== "sqlite") return work();
  const read = async (pragma: string) =>
    Number(Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`))[0])[0]);
  const [cache, synchronous] = [await read("cache_size"), await read("synchronous")];
  await db.$executeRawUnsafe("PRAGMA cache_size = -524288");
  await db.$executeRawUnsafe("PRAGMA synchronous = OFF");
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Math.trunc(cache)}`);
    await db.$executeRawUnsafe(`PRAGMA synchronous = ${Math.trunc(synchronous)}`);
  }
}

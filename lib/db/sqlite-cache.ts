// A larger SQLite page cache for one long piece of work, then back to what it was. The default
// 2 MB cache rereads (and, inside a write transaction, rewrites to the WAL) the pages of large
// indexes again and again. PostgreSQL sizes its own buffers: there the work runs as it is.
import { isPostgresClient, type Db } from "./client";

export async function withLargerSqliteCache<T>(db: Db, work: () => Promise<T>, mebibytes = 64): Promise<T> {
  if (isPostgresClient(db)) return work();
  const [before] = await db.$queryRawUnsafe<{ cache_size: number | bigint }[]>("PRAGMA cache_size");
  await db.$executeRawUnsafe(`PRAGMA cache_size = ${-Math.trunc(mebibytes * 1024)}`);
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Math.trunc(Number(before.cache_size))}`);
  }
}

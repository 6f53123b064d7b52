/**
 * Where an import writes the rows it streams. PostgreSQL locks rows, not the database, so there the
 * import writes straight into its tables inside one transaction. SQLite has one write lock for the
 * whole database: an import holding it for the minute a million users take would make every ingest
 * wait (and fail after the busy timeout), so there the rows go to staging tables (./staging-tables.ts)
 * and are swapped in by one short transaction at the end.
 */
import { insertRows, type OnConflict, type SqlClient, type TableShape } from "./batch-insert";
import type { SqlDialect } from "./sql-dialect";

export interface ImportTarget {
  /** Reads what the database holds (the stored users, their latest snapshots). */
  readonly reader: SqlClient;
  /**
   * Writes rows of `shape`, resolving key conflicts with the stored rows as `onConflict` says;
   * returns the rows written, or 0 when they are only staged (the swap counts them).
   */
  write(shape: TableShape, values: readonly unknown[], onConflict: OnConflict): Promise<number>;
}

/** Writes into the tables themselves (inside the import's transaction). */
export function directTarget(client: SqlClient, dialect: SqlDialect): ImportTarget {
  return {
    reader: client,
    write: (shape, values, onConflict) => insertRows(client, dialect, shape, values, onConflict),
  };
}

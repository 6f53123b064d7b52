/**
 * SQLite staging of an import (see ./import-target.ts). The streamed rows go to TEMP tables of the
 * import's own connection: they live in SQLite's temporary database, a separate file whose writes
 * take no lock on the portal's database, that no other connection sees, and that the operating
 * system removes when the process ends however it ends (a killed import leaves nothing behind).
 *
 * The swap copies each staging table into its table with the same ON CONFLICT clause a direct write
 * would have used, in the order a direct import writes them (so autoincrement ids come out the
 * same), inside the transaction that also records the export: all of it or none of it.
 */
import { clauses, insertRows, type OnConflict, type SqlClient, type TableShape } from "./batch-insert";
import {
  HOST_TABLE,
  TEAM_DELTA_TABLE,
  TEAM_SNAPSHOT_TABLE,
  TEAM_TABLE,
  USER_SNAPSHOT_TABLE,
  USER_TABLE,
} from "./credit-rows";
import type { ImportTarget } from "./import-target";
import { quoteName, type SqlDialect } from "./sql-dialect";

// Users after teams, snapshots and team changes after users, hosts after users: foreign keys.
const SWAP_ORDER = [TEAM_TABLE, USER_TABLE, USER_SNAPSHOT_TABLE, TEAM_DELTA_TABLE, HOST_TABLE, TEAM_SNAPSHOT_TABLE];

const stageName = (shape: TableShape) => quoteName(`stage_${shape.table}`);

export class StagingTables implements ImportTarget {
  private readonly conflicts = new Map<string, OnConflict>();

  constructor(
    readonly reader: SqlClient,
    private readonly dialect: SqlDialect,
  ) {}

  /** Empty staging tables, without keys or indexes: the export's rows are already one per key. */
  async create(): Promise<void> {
    for (const shape of SWAP_ORDER) {
      await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS temp.${stageName(shape)}`);
      await this.reader.$executeRawUnsafe(
        `CREATE TEMP TABLE ${stageName(shape)} (${shape.columns.map(quoteName).join(", ")})`,
      );
    }
  }

  async write(shape: TableShape, values: readonly unknown[], onConflict: OnConflict): Promise<number> {
    const known = this.conflicts.get(shape.table);
    if (known && known !== onConflict) throw new Error(`${shape.table} staged with two conflict rules`);
    this.conflicts.set(shape.table, onConflict);
    await insertRows(this.reader, this.dialect, { ...shape, table: `stage_${shape.table}` }, values, "fail");
    return 0;
  }

  /** Copies every staged row into its table through `tx`; returns the rows written per table. */
  async swapIn(tx: SqlClient): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    for (const shape of SWAP_ORDER) {
      const onConflict = this.conflicts.get(shape.table);
      if (!onConflict) continue;
      const { head, tail } = clauses(shape, onConflict);
      const columns = shape.columns.map(quoteName).join(", ");
      // `WHERE true`: SQLite's parser needs it between INSERT … SELECT and an ON CONFLICT clause.
      const sql = `${head.replace(/ VALUES $/, "")} SELECT ${columns} FROM temp.${stageName(shape)} WHERE true ORDER BY rowid${tail}`;
      written.set(shape.table, await tx.$executeRawUnsafe(sql));
    }
    return written;
  }

  async drop(): Promise<void> {
    for (const shape of SWAP_ORDER)
      await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS temp.${stageName(shape)}`);
  }
}

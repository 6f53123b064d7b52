/**
 * SQLite staging of an import (see ./import-target.ts). The streamed rows go to TEMP tables of the
 * import's own connection: they live in SQLite's temporary database, a separate file whose writes
 * take no lock on the portal's database, that no other connection sees, and that the operating
 * system removes when the process ends however it ends (a killed import leaves nothing behind).
 *
 * The swap copies each staging table into its table with the same ON CONFLICT clause a direct write
 * would have used, in the order a direct import writes them (so autoincrement ids come out the
 * same), inside the transaction that also records the export: all of it or none of it.
 *
 * Before the swap, still holding no lock, the staged teams and users are compared with the stored
 * ones (prune): rows that would change nothing are dropped, and rows whose only change is credit
 * (most of a day's changes) move to a narrow table the swap applies as an UPDATE of the credit
 * columns alone, which leaves the team and country indexes untouched. On a day's export of a
 * million users (a third of them earning) the swap held the write lock 5.9 s instead of 7.4–8.2 s.
 *
 * When many volunteers change (a day's export of a large project, or a first import), even that is
 * seconds of lock: then, still before the swap, the volunteer table is written beside the live one
 * in short statements (`rebuildUsers`, lib/db/table-swap.ts) and the swap only renames it into
 * place. Each statement holds the lock for a fraction of a second, so an ingest gets in between.
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
import {
  copyLiveRows,
  createShadow,
  indexShadow,
  runnerOf,
  shadowTable,
  swap,
  tidy,
  withRenameSafety,
} from "@/lib/db/table-swap";
import { letOtherWritersIn } from "@/lib/db/writer-turns";
import type { ImportTarget } from "./import-target";
import { quoteName, type SqlDialect } from "./sql-dialect";

// Users after teams, snapshots and team changes after users, hosts after users: foreign keys.
const SWAP_ORDER = [TEAM_TABLE, USER_TABLE, USER_SNAPSHOT_TABLE, TEAM_DELTA_TABLE, HOST_TABLE, TEAM_SNAPSHOT_TABLE];

const stageName = (shape: TableShape) => quoteName(`stage_${shape.table}`);
const creditStageName = (shape: TableShape) => quoteName(`stage_credit_${shape.table}`);

/** What a statistics export changes about a team or a volunteer from one day to the next. */
const CREDIT_COLUMNS = ["total_credit", "expavg_credit", "expavg_time", "rac_order"];
/** The tables whose stored rows prune compares with: keyed by one integer id, with credit. */
const PRUNED = [TEAM_TABLE, USER_TABLE];

export class StagingTables implements ImportTarget {
  private readonly conflicts = new Map<string, OnConflict>();
  /** Rows the rebuilt volunteer table took from the staging; null while it is not rebuilt. */
  private rebuiltRows: number | null = null;

  constructor(
    readonly reader: SqlClient,
    private readonly dialect: SqlDialect,
  ) {}

  /** Empty staging tables, without keys or indexes: the export's rows are already one per key. */
  async create(): Promise<void> {
    // What a killed import left of a rebuild of the volunteer table (it shows nowhere, but its
    // triggers would go on logging) goes first.
    await tidy(runnerOf(this.reader), USER_TABLE.table);
    for (const shape of SWAP_ORDER) {
      await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS temp.${stageName(shape)}`);
      await this.reader.$executeRawUnsafe(
        `CREATE TEMP TABLE ${stageName(shape)} (${shape.columns.map(quoteName).join(", ")})`,
      );
    }
  }

  /**
   * Drops staged teams and users the swap would not change, and moves those whose only change is
   * credit to their narrow table. The swap's own conflict clauses stay the guard: a row stored
   * after this (a results ingest's placeholder volunteer) is still upserted, as it is still staged.
   */
  async prune(): Promise<void> {
    for (const shape of PRUNED) {
      const onConflict = this.conflicts.get(shape.table);
      if (!onConflict) continue;
      const stage = `temp.${stageName(shape)}`;
      const stored = `"main".${quoteName(shape.table)}`;
      const same = (columns: readonly string[]) =>
        columns.map((c) => `t.${quoteName(c)} IS s.${quoteName(c)}`).join(" AND ") || "TRUE";
      if (onConflict === "ignore") {
        await this.reader.$executeRawUnsafe(
          `DELETE FROM ${stage} WHERE "id" IN (SELECT s."id" FROM ${stage} s JOIN ${stored} t ON t."id" = s."id")`,
        );
        continue;
      }
      const credit = ["id", ...CREDIT_COLUMNS, ...(shape.bookkeeping ?? [])];
      const identity = shape.columns.filter((c) => !credit.includes(c));
      const narrow = `temp.${creditStageName(shape)}`;
      await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS ${narrow}`);
      await this.reader.$executeRawUnsafe(
        `CREATE TEMP TABLE ${creditStageName(shape)} ("id" INTEGER PRIMARY KEY, ${credit.slice(1).map(quoteName).join(", ")})`,
      );
      // Identity unchanged and credit changed: to the narrow table; identity unchanged: dropped.
      await this.reader.$executeRawUnsafe(
        `INSERT INTO ${narrow} SELECT ${credit.map((c) => `s.${quoteName(c)}`).join(", ")} FROM ${stage} s ` +
          `JOIN ${stored} t ON t."id" = s."id" WHERE ${same(identity)} AND NOT (${same(CREDIT_COLUMNS)})`,
      );
      await this.reader.$executeRawUnsafe(
        `DELETE FROM ${stage} WHERE "id" IN (SELECT s."id" FROM ${stage} s JOIN ${stored} t ON t."id" = s."id" ` +
          `WHERE ${same(identity)})`,
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

  /** Whether at least `threshold` volunteers are staged: enough to rebuild their table (`rebuildUsers`). */
  async manyUsersStaged(threshold: number): Promise<boolean> {
    const onConflict = this.conflicts.get(USER_TABLE.table);
    if (!onConflict) return false;
    const { full, credit } = await this.stagedUsers(onConflict);
    return full + credit >= threshold;
  }

  /**
   * Writes the volunteer table beside the live one (the live rows, then the staged ones over
   * them) in statements of `chunk` rows, so that the swap only renames it into place. Runs
   * with foreign keys off (`withRenameSafety`): the staged teams it references are not swapped in
   * yet. `onRows`: the rows written so far, of about `total`.
   */
  async rebuildUsers(chunk: number, onRows?: (rows: number, total: number) => void): Promise<void> {
    const onConflict = this.conflicts.get(USER_TABLE.table);
    if (!onConflict) return;
    const { full, credit } = await this.stagedUsers(onConflict);
    const db = runnerOf(this.reader);
    const shadow = shadowTable(USER_TABLE.table);
    const total = (await this.rowCount(`"main".${quoteName(USER_TABLE.table)}`)) + full + credit;
    const progress = (rows: number) => onRows?.(rows, total);
    await createShadow(db, USER_TABLE.table);
    this.rebuiltRows = 0;
    let written = 0;
    await copyLiveRows(db, USER_TABLE.table, chunk, (rows) => progress((written = rows)));
    // Chunks of `chunk` rowids: prune leaves gaps between the staged rows' rowids.
    const lastRowid = await this.maxRowid(`temp.${stageName(USER_TABLE)}`);
    for (let low = 0; low < lastRowid; low += chunk) {
      const where = `rowid > ${low} AND rowid <= ${low + chunk}`;
      const rows = await this.writeFullRows(this.reader, USER_TABLE, onConflict, shadow, where);
      this.rebuiltRows += rows;
      progress((written += rows));
      await letOtherWritersIn();
    }
    // The narrow table's rowids are its ids.
    const high = credit ? await this.maxRowid(`temp.${creditStageName(USER_TABLE)}`) : 0;
    for (let low = 0; low < high; low += chunk) {
      const where = `"id" > ${low} AND "id" <= ${low + chunk}`;
      const rows = await this.updateCredit(this.reader, USER_TABLE, shadow, where);
      this.rebuiltRows += rows;
      progress((written += rows));
      await letOtherWritersIn();
    }
    await indexShadow(db, USER_TABLE.table);
  }

  /** Copies every staged row into its table through `tx`; returns the rows written per table. */
  async swapIn(tx: SqlClient): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    for (const shape of SWAP_ORDER) {
      const onConflict = this.conflicts.get(shape.table);
      if (!onConflict) continue;
      if (shape === USER_TABLE && this.rebuiltRows !== null) {
        // What others changed in the live table meanwhile is copied again, then the staged rows over it.
        const shadow = shadowTable(shape.table);
        await swap(runnerOf(tx), shape.table, async (where) => {
          await this.writeFullRows(tx, shape, onConflict, shadow, where);
          if (onConflict === "update") await this.updateCredit(tx, shape, shadow, where);
        });
        written.set(shape.table, this.rebuiltRows);
        continue;
      }
      let rows = await this.writeFullRows(tx, shape, onConflict, shape.table);
      if (PRUNED.includes(shape) && onConflict === "update") rows += await this.updateCredit(tx, shape, shape.table);
      written.set(shape.table, rows);
    }
    return written;
  }

  /** After the swap committed: drops the volunteer table it replaced, if it rebuilt one. */
  async afterSwap(): Promise<void> {
    if (this.rebuiltRows !== null) await tidy(runnerOf(this.reader), USER_TABLE.table);
  }

  /** The staged rows of `shape` (those `where` picks) upserted into `table`, its own or its shadow. */
  private writeFullRows(
    client: SqlClient,
    shape: TableShape,
    onConflict: OnConflict,
    table: string,
    where = "true",
  ): Promise<number> {
    const { head, tail } = clauses({ ...shape, table }, onConflict);
    const columns = shape.columns.map(quoteName).join(", ");
    // A WHERE clause is needed anyway: SQLite's parser wants one between INSERT … SELECT and ON CONFLICT.
    return client.$executeRawUnsafe(
      `${head.replace(/ VALUES $/, "")} SELECT ${columns} FROM temp.${stageName(shape)} WHERE ${where} ORDER BY rowid${tail}`,
    );
  }

  /** The credit-only changes prune set apart (those `where` picks), written over `table`'s credit columns. */
  private updateCredit(client: SqlClient, shape: TableShape, table: string, where = "true"): Promise<number> {
    const narrow = `temp.${creditStageName(shape)}`;
    const columns = [...CREDIT_COLUMNS, ...(shape.bookkeeping ?? [])].map(quoteName).join(", ");
    const target = quoteName(table);
    return client.$executeRawUnsafe(
      `UPDATE ${target} SET (${columns}) = (SELECT ${columns} FROM ${narrow} s WHERE s."id" = ${target}."id") ` +
        `WHERE "id" IN (SELECT "id" FROM ${narrow} WHERE ${where})`,
    );
  }

  /** Runs the rebuild and the swap with the connection set as they need (lib/db/table-swap.ts). */
  rebuilding<T>(work: () => Promise<T>): Promise<T> {
    return withRenameSafety(runnerOf(this.reader), work);
  }

  private async stagedUsers(onConflict: OnConflict): Promise<{ full: number; credit: number }> {
    const full = await this.rowCount(`temp.${stageName(USER_TABLE)}`);
    const credit = onConflict === "update" ? await this.rowCount(`temp.${creditStageName(USER_TABLE)}`) : 0;
    return { full, credit };
  }

  private async maxRowid(table: string): Promise<number> {
    const [{ last }] = await this.reader.$queryRawUnsafe<{ last: number | null }[]>(
      `SELECT MAX(rowid) AS last FROM ${table}`,
    );
    return Number(last ?? 0);
  }

  private async rowCount(table: string): Promise<number> {
    const [{ n }] = await this.reader.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(n);
  }

  async drop(): Promise<void> {
    for (const shape of SWAP_ORDER) {
      await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS temp.${stageName(shape)}`);
      if (PRUNED.includes(shape))
        await this.reader.$executeRawUnsafe(`DROP TABLE IF EXISTS temp.${creditStageName(shape)}`);
    }
    // A rebuild the swap did not take (it failed), or whose retired table is still there.
    if (this.rebuiltRows !== null) await tidy(runnerOf(this.reader), USER_TABLE.table);
  }
}

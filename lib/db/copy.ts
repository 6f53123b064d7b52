/**
 * Copying a SQLite portal database into PostgreSQL (`npm run db:copy`), for moving a portal that
 * outgrew one machine. The target is migrated first, then every table is copied in foreign-key
 * order, in batches, with its ids; the sequences behind autoincrement ids are set past the copied
 * ids, and each table's row count is checked against the source before anything is committed.
 *
 * All of it is one PostgreSQL transaction (a failure leaves the target as it was), read from one
 * SQLite read transaction (WAL: a consistent snapshot even while the portal keeps writing, though
 * what it writes after the snapshot is not copied).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { targetTables, type CopyTable } from "./copy-schema";
import { toPostgresValue, type SqliteValue } from "./copy-values";
import { applyMigrations } from "./migrations";
import { pgConfig, providerOf, sqlitePath } from "./provider";

/** Rows the migrations themselves put in every database (`npm run db:migrate`): replaced freely. */
const REFERENCE_TABLES = new Set(["run", "filter", "run_filter"]);
/** Bound parameters per INSERT (PostgreSQL allows 65,535) and bytes per batch (result blocks are large). */
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_BYTES = 16 * 2 ** 20;

export interface CopyOptions {
  /** `file:` URL of the source */
  from: string;
  /** `postgresql://` URL of the target */
  to: string;
  /** Replace what the target holds (default: refuse a target with data in it). */
  replace?: boolean;
  onTable?: (table: string, rows: number) => void;
  onRows?: (table: string, done: number, total: number) => void;
}

export type CopyResult = { table: string; rows: number }[];

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  if (providerOf(options.from) !== "sqlite") throw new Error(`--from must be a file: URL (got ${options.from})`);
  if (providerOf(options.to) !== "postgresql") throw new Error("--to must be a postgresql:// URL");
  const source = new Database(sqlitePath(options.from), { readonly: true, fileMustExist: true });
  try {
    await applyMigrations(options.to);
    const client = new pg.Client(pgConfig(options.to));
    await client.connect();
    try {
      return await copyInTransaction(source, client, options);
    } finally {
      await client.end();
    }
  } finally {
    source.close();
  }
}

async function copyInTransaction(source: Database.Database, client: pg.Client, options: CopyOptions) {
  const tables = await targetTables(client);
  source.exec("BEGIN"); // one snapshot for every table
  await client.query("BEGIN");
  try {
    checkSameColumns(source, tables);
    await emptyTarget(client, tables, options.replace ?? false);
    const result: CopyResult = [];
    for (const table of tables) {
      const total = countSqlite(source, table.name);
      options.onTable?.(table.name, total);
      await copyTable(source, client, table, total, options);
      await resetSequences(client, table);
      const copied = Number((await client.query(`SELECT count(*) AS n FROM "${table.name}"`)).rows[0].n);
      if (copied !== total) throw new Error(`${table.name}: ${total} rows in SQLite but ${copied} in PostgreSQL`);
      result.push({ table: table.name, rows: total });
    }
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    source.exec("COMMIT");
  }
}

function countSqlite(source: Database.Database, table: string): number {
  return Number((source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
}

/** Both databases must be at the same migration: the same tables with the same columns. */
function checkSameColumns(source: Database.Database, tables: CopyTable[]): void {
  const sqliteTables = new Set(
    (
      source
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
        .all() as { name: string }[]
    ).map((t) => t.name),
  );
  const hint = "run `npm run db:migrate` on the SQLite database (or update this portal) first";
  for (const name of sqliteTables)
    if (!tables.some((t) => t.name === name)) throw new Error(`table ${name} is in SQLite but not PostgreSQL; ${hint}`);
  for (const table of tables) {
    if (!sqliteTables.has(table.name)) throw new Error(`table ${table.name} is missing from SQLite; ${hint}`);
    const have = new Set(
      (source.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string }[]).map((c) => c.name),
    );
    const missing = table.columns.filter((c) => !have.has(c.name)).map((c) => c.name);
    if (missing.length || have.size !== table.columns.length)
      throw new Error(`table ${table.name} has different columns in SQLite and PostgreSQL; ${hint}`);
  }
}

/** Empties the target; one with more than the reference rows is refused unless `replace`. */
async function emptyTarget(client: pg.Client, tables: CopyTable[], replace: boolean): Promise<void> {
  if (!replace) {
    for (const t of tables) {
      if (REFERENCE_TABLES.has(t.name)) continue;
      const { rows } = await client.query(`SELECT 1 FROM "${t.name}" LIMIT 1`);
      if (rows.length)
        throw new Error(`the PostgreSQL database already holds data (table ${t.name}); --replace overwrites it`);
    }
  }
  await client.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

async function copyTable(
  source: Database.Database,
  client: pg.Client,
  table: CopyTable,
  total: number,
  options: CopyOptions,
): Promise<void> {
  const names = table.columns.map((c) => `"${c.name}"`).join(", ");
  const read = source.prepare(`SELECT ${names} FROM "${table.name}" ORDER BY rowid`).raw(true).safeIntegers(true);
  const maxRows = Math.max(1, Math.floor(MAX_PARAMETERS / table.columns.length));
  let batch: unknown[][] = [];
  let bytes = 0;
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const width = table.columns.length;
    const rows = batch.map((_, r) => `(${table.columns.map((_c, i) => `$${r * width + i + 1}`).join(", ")})`);
    await client.query(`INSERT INTO "${table.name}" (${names}) VALUES ${rows.join(", ")}`, batch.flat());
    done += batch.length;
    options.onRows?.(table.name, done, total);
    batch = [];
    bytes = 0;
  };
  for (const raw of read.iterate() as IterableIterator<SqliteValue[]>) {
    batch.push(raw.map((v, i) => toPostgresValue(v, table.columns[i].type, table.name, table.columns[i].name)));
    for (const v of raw) bytes += Buffer.isBuffer(v) ? v.length : typeof v === "string" ? v.length : 8;
    if (batch.length >= maxRows || bytes >= MAX_BATCH_BYTES) await flush();
  }
  await flush();
}

/** Sets each autoincrement sequence so the next id follows the largest copied one. */
async function resetSequences(client: pg.Client, table: CopyTable): Promise<void> {
  for (const column of table.sequenced)
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"${table.name}"', '${column}'), COALESCE(MAX("${column}"), 1), MAX("${column}") IS NOT NULL) FROM "${table.name}"`,
    );
}

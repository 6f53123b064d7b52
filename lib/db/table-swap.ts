/**
 * SQLite: a table rebuilt beside the live one and swapped in by two renames. SQLite has one write
 * lock per database, so rewriting most rows of a large table in place (a day's credit for a million
 * volunteers) keeps every other writer waiting for seconds. Built beside it in short statements,
 * the new table is invisible until one short transaction renames it into place.
 *
 * - `<table>__next` is the table being built; `<table>__old` the one it replaced, dropped after.
 * - While it is built, triggers log into `<table>__touched` the ids other writers change in the
 *   live table (a results ingest's placeholder volunteer); the swap copies those rows again.
 * - Index names are global in SQLite, so the new table's indexes take the other of two names:
 *   `<name>` or `<name>__next`. They alternate from one rebuild to the next;
 *   `restoreIndexNames` gives them back their own names (the migrations name them).
 * - The renames run with foreign keys off and `legacy_alter_table` on, the one setting in which
 *   SQLite leaves the other tables' `REFERENCES <table>` as they are, so they name the new table.
 * - Building it is a series of short statements that pause for waiting writers (./writer-turns.ts).
 * - A process killed at any step leaves the live table whole; `tidy` removes what it left.
 */

import type { Db } from "./client";
import { letOtherWritersIn } from "./writer-turns";

/** What the swap needs of a connection: statements and queries with no parameters. */
export interface SqlRunner {
  /** Runs a statement; the rows it changed. */
  execute(sql: string): Promise<number>;
  query<T>(sql: string): Promise<T[]>;
}

/** A Prisma client or transaction as a SqlRunner. */
export const runnerOf = (client: Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">): SqlRunner => ({
  execute: (sql) => client.$executeRawUnsafe(sql),
  query: (sql) => client.$queryRawUnsafe(sql),
});

const SHADOW = "__next";
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const TRIGGERS = ["INSERT", "UPDATE", "DELETE"] as const;

export const shadowTable = (table: string) => `${table}${SHADOW}`;
const retiredTable = (table: string) => `${table}__old`;
const touchedTable = (table: string) => `${table}__touched`;
const triggerName = (table: string, op: string) => `${table}__touched_${op.toLowerCase()}`;

interface SchemaRow {
  name: string;
  sql: string;
}

const indexesOf = (db: SqlRunner, table: string) =>
  db.query<SchemaRow>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '${table}' AND sql IS NOT NULL`,
  );

/** `CREATE [UNIQUE] INDEX … ON …(` with another index name and table name. */
function retargetIndex(sql: string, name: string, table: string): string {
  const out = sql.replace(
    /^(CREATE (?:UNIQUE )?INDEX )(?:"[^"]+"|\S+)( ON )(?:"[^"]+"|\S+?)(\s*\()/i,
    `$1${q(name)}$2${q(table)}$3`,
  );
  if (out === sql) throw new Error(`cannot read the index definition ${sql}`);
  return out;
}

const canonical = (name: string) => (name.endsWith(SHADOW) ? name.slice(0, -SHADOW.length) : name);

/** Drops what a rebuild of `table` left behind (triggers, log, shadow and retired tables). */
export async function tidy(db: SqlRunner, table: string): Promise<void> {
  for (const op of TRIGGERS) await db.execute(`DROP TRIGGER IF EXISTS ${q(triggerName(table, op))}`);
  await db.execute(`DROP TABLE IF EXISTS ${q(touchedTable(table))}`);
  await db.execute(`DROP TABLE IF EXISTS ${q(shadowTable(table))}`);
  // The retired table's indexes one statement at a time: each is a short hold of the write lock.
  const retired = await indexesOf(db, retiredTable(table));
  for (const index of retired) {
    await db.execute(`DROP INDEX IF EXISTS ${q(index.name)}`);
    await letOtherWritersIn();
  }
  await db.execute(`DROP TABLE IF EXISTS ${q(retiredTable(table))}`);
}

/**
 * Starts a rebuild: an empty `<table>__next` shaped like the table, and the triggers that log
 * what others change in the live table from now on. Fill it, then `indexShadow`, then `swap`.
 */
export async function createShadow(db: SqlRunner, table: string): Promise<void> {
  await tidy(db, table);
  const [live] = await db.query<SchemaRow>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = '${table}'`,
  );
  if (!live) throw new Error(`no table ${table}`);
  const create = live.sql.replace(/^CREATE TABLE (?:"[^"]+"|\S+)/i, `CREATE TABLE ${q(shadowTable(table))}`);
  await db.execute(`CREATE TABLE ${q(touchedTable(table))} ("id" INTEGER PRIMARY KEY)`);
  for (const op of TRIGGERS) {
    const row = op === "DELETE" ? "OLD" : "NEW";
    await db.execute(
      `CREATE TRIGGER ${q(triggerName(table, op))} AFTER ${op} ON ${q(table)} BEGIN ` +
        `INSERT OR IGNORE INTO ${q(touchedTable(table))} ("id") VALUES (${row}."id"); END`,
    );
  }
  await db.execute(create);
}

/** Copies the live rows into the shadow table, `chunk` rows per statement (a short lock each). */
export async function copyLiveRows(
  db: SqlRunner,
  table: string,
  chunk: number,
  onChunk?: (done: number) => void,
): Promise<void> {
  const shadow = q(shadowTable(table));
  for (let done = 0; ;) {
    // Keyset order: rows the live table gains below the last id meanwhile are in the touched log.
    const copied = await db.execute(
      `INSERT INTO ${shadow} SELECT * FROM ${q(table)} ` +
        `WHERE "id" > (SELECT COALESCE(MAX("id"), -9223372036854775808) FROM ${shadow}) ORDER BY "id" LIMIT ${chunk}`,
    );
    if (copied === 0) return;
    onChunk?.((done += copied));
    await letOtherWritersIn();
  }
}

/** Gives the shadow table the live table's indexes, under their other names; one statement each. */
export async function indexShadow(db: SqlRunner, table: string): Promise<void> {
  for (const index of await indexesOf(db, table)) {
    const name = index.name === canonical(index.name) ? `${index.name}${SHADOW}` : canonical(index.name);
    await db.execute(retargetIndex(index.sql, name, shadowTable(table)));
    await letOtherWritersIn();
  }
}

/**
 * Inside the swap's transaction: copies again the live rows others changed while the shadow was
 * built, lets `reapply` write the rebuild's own changes over them, and renames the shadow into
 * place. Inside `withRenameSafety`.
 */
export async function swap(db: SqlRunner, table: string, reapply: (where: string) => Promise<unknown>): Promise<void> {
  const shadow = q(shadowTable(table));
  const touched = `SELECT "id" FROM ${q(touchedTable(table))}`;
  const [{ n }] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${q(touchedTable(table))}`);
  if (Number(n) > 0) {
    await db.execute(`DELETE FROM ${shadow} WHERE "id" IN (${touched})`);
    await db.execute(`INSERT INTO ${shadow} SELECT * FROM ${q(table)} WHERE "id" IN (${touched})`);
    await reapply(`"id" IN (${touched})`);
  }
  for (const op of TRIGGERS) await db.execute(`DROP TRIGGER ${q(triggerName(table, op))}`);
  await db.execute(`DROP TABLE ${q(touchedTable(table))}`);
  await db.execute(`ALTER TABLE ${q(table)} RENAME TO ${q(retiredTable(table))}`);
  await db.execute(`ALTER TABLE ${shadow} RENAME TO ${q(table)}`);
}

/**
 * Runs `work` (filling the shadow table and the swap) with the connection set as they need, then
 * restores it: foreign keys off, since the shadow may reference rows the swap itself writes.
 */
export async function withRenameSafety<T>(db: SqlRunner, work: () => Promise<T>): Promise<T> {
  const [{ foreign_keys: before }] = await db.query<{ foreign_keys: number }>("PRAGMA foreign_keys");
  await db.execute("PRAGMA foreign_keys = OFF");
  await db.execute("PRAGMA legacy_alter_table = ON");
  try {
    return await work();
  } finally {
    await db.execute("PRAGMA legacy_alter_table = OFF");
    await db.execute(`PRAGMA foreign_keys = ${Number(before) ? "ON" : "OFF"}`);
  }
}

/**
 * Gives every rebuilt table's indexes their own names again, after tidying what a rebuild left:
 * the migrations name indexes, so this runs before they are applied (an index is built again under
 * its own name, which holds the write lock for as long).
 */
export async function restoreIndexNames(db: SqlRunner): Promise<void> {
  const leftovers = await db.query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB '*__next' OR name GLOB '*__old' OR name GLOB '*__touched')`,
  );
  for (const table of new Set(leftovers.map((t) => t.name.replace(/__(next|old|touched)$/, "")))) await tidy(db, table);
  const renamed = await db.query<SchemaRow & { tbl_name: string }>(
    `SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND name GLOB '*${SHADOW}' AND sql IS NOT NULL`,
  );
  for (const index of renamed) {
    await db.execute(retargetIndex(index.sql, canonical(index.name), index.tbl_name));
    await db.execute(`DROP INDEX ${q(index.name)}`);
  }
}

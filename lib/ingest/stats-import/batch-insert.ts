/**
 * Multi-row `INSERT … ON CONFLICT (key) DO UPDATE | DO NOTHING` with bound parameters, the one
 * way the import writes rows: a Prisma upsert per row would take hours for a million users, one
 * statement of a few hundred rows costs about what one row does. The same SQL runs on SQLite and
 * PostgreSQL; only placeholders and value encodings differ (SqlDialect).
 */
import type { Db } from "@/lib/db/client";
import { SqlLiteral, quoteName, type SqlDialect } from "./sql-dialect";

/** What the import needs of a Prisma client or an interactive-transaction client. */
export type SqlClient = Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">;

export interface TableShape {
  /** The mapped (snake_case) table name. */
  table: string;
  /** Mapped column names, in the order values are given. */
  columns: readonly string[];
  /** The conflict target: primary key or unique columns. */
  key: readonly string[];
  /**
   * Columns that do not count as a change (updated_at): an update that would change only these
   * is skipped, so replaying unchanged rows rewrites neither them nor their index entries.
   */
  bookkeeping?: readonly string[];
}

/** On a key conflict: overwrite the stored row, keep it, or fail (no ON CONFLICT clause). */
export type OnConflict = "update" | "ignore" | "fail";

// A few hundred rows amortise the per-statement cost; larger statements only cost memory.
const MAX_ROWS_PER_STATEMENT = 500;

const clauseCache = new Map<string, { head: string; tail: string }>();

/** `INSERT INTO table (columns) VALUES ` and the ON CONFLICT clause that follows the rows. */
export function clauses(shape: TableShape, onConflict: OnConflict): { head: string; tail: string } {
  const cacheKey = `${shape.table}|${shape.columns.join(",")}|${onConflict}`;
  let cached = clauseCache.get(cacheKey);
  if (cached) return cached;
  const head = `INSERT INTO ${quoteName(shape.table)} (${shape.columns.map(quoteName).join(", ")}) VALUES `;
  const key = shape.key.map(quoteName).join(", ");
  let tail = "";
  if (onConflict === "ignore") tail = ` ON CONFLICT (${key}) DO NOTHING`;
  if (onConflict === "update") {
    const updated = shape.columns.filter((c) => !shape.key.includes(c));
    const compared = updated.filter((c) => !shape.bookkeeping?.includes(c));
    // IS DISTINCT FROM: null-safe inequality, in PostgreSQL and in SQLite since 3.39.
    const changed = compared.map(
      (c) => `${quoteName(shape.table)}.${quoteName(c)} IS DISTINCT FROM excluded.${quoteName(c)}`,
    );
    tail = ` ON CONFLICT (${key}) DO UPDATE SET ${updated.map((c) => `${quoteName(c)} = excluded.${quoteName(c)}`).join(", ")}`;
    tail += ` WHERE ${changed.length ? changed.join(" OR ") : "false"}`;
  }
  cached = { head, tail };
  clauseCache.set(cacheKey, cached);
  return cached;
}

/**
 * One statement for the rows in `values[from, to)`. Values the import makes itself and that need
 * no binding are written as SQL (null, '', booleans, SqlLiteral DateTimes); everything else is a
 * bound parameter.
 */
export function insertStatement(
  dialect: SqlDialect,
  shape: TableShape,
  values: readonly unknown[],
  onConflict: OnConflict,
  from = 0,
  to = values.length,
): { sql: string; parameters: unknown[] } {
  const width = shape.columns.length;
  const { head, tail } = clauses(shape, onConflict);
  const parameters: unknown[] = [];
  let sql = head;
  for (let i = from; i < to; i++) {
    const column = (i - from) % width;
    if (column === 0) sql += i === from ? "(" : "), (";
    else sql += ", ";
    const value = values[i];
    if (value === null) sql += "NULL";
    else if (value === "") sql += "''";
    else if (value === true) sql += "TRUE";
    else if (value === false) sql += "FALSE";
    else if (value instanceof SqlLiteral) sql += value.sql;
    else {
      sql += dialect.placeholder(parameters.length);
      parameters.push(value);
    }
  }
  return { sql: sql + ")" + tail, parameters };
}

/** Most rows of `shape` one statement may carry under the dialect's parameter limit. */
export function rowsPerStatement(dialect: SqlDialect, shape: TableShape): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(dialect.maxParameters / shape.columns.length)));
}

/**
 * Writes rows given as one flat array of values (`columns.length` per row), in as few statements
 * as the parameter limit allows; returns the rows affected.
 */
export async function insertRows(
  client: SqlClient,
  dialect: SqlDialect,
  shape: TableShape,
  values: readonly unknown[],
  onConflict: OnConflict,
): Promise<number> {
  const width = shape.columns.length;
  if (values.length % width !== 0) throw new Error(`${values.length} values do not make whole ${shape.table} rows`);
  const step = rowsPerStatement(dialect, shape) * width;
  let affected = 0;
  for (let start = 0; start < values.length; start += step) {
    const { sql, parameters } = insertStatement(
      dialect,
      shape,
      values,
      onConflict,
      start,
      Math.min(values.length, start + step),
    );
    affected += await client.$executeRawUnsafe(sql, ...parameters);
  }
  return affected;
}

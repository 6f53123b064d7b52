/**
 * SQLite's values as PostgreSQL takes them. Prisma's SQLite adapter writes a DateTime as ISO text
 * with an offset (`2026-11-23T00:00:00.000+00:00`), SQL defaults as `2026-11-23 00:00:00` (UTC),
 * and some bulk paths epoch milliseconds; a Boolean as 0/1. Integers are read as BigInt (so ids
 * and counts beyond 2^53 survive) and sent as their decimal text.
 */
export type SqliteValue = string | number | bigint | Buffer | null;

/** A UTC instant as text for a `timestamp(3)` column (no zone: Prisma's columns hold UTC). */
function timestampText(value: SqliteValue, table: string, column: string): string {
  let ms: number;
  if (typeof value === "number" || typeof value === "bigint") ms = Number(value);
  else if (typeof value === "string") {
    // No offset means UTC (SQLite's CURRENT_TIMESTAMP); JavaScript would read it as local time.
    const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`;
    ms = Date.parse(text);
  } else ms = NaN;
  if (!Number.isFinite(ms)) throw new Error(`${table}.${column}: "${String(value)}" is not a time`);
  return new Date(ms).toISOString().slice(0, 23).replace("T", " ");
}

/** Converts one SQLite value for a PostgreSQL column of type `type` (information_schema's udt_name). */
export function toPostgresValue(value: SqliteValue, type: string, table: string, column: string): unknown {
  if (value === null) return null;
  switch (type) {
    case "timestamp":
    case "timestamptz":
      return timestampText(value, table, column);
    case "bool":
      return Number(value) !== 0;
    case "bytea":
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    default:
      return typeof value === "bigint" ? value.toString() : value;
  }
}

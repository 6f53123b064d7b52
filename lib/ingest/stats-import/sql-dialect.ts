/**
 * What differs between SQLite and PostgreSQL for the import's hand-written SQL, in one place:
 * placeholders, the bound-parameter limit, and how a DateTime is written.
 *
 * DateTime: Prisma's SQLite adapter stores a DateTime as ISO-8601 text with an explicit offset
 * (`2025-08-22T00:00:00.000+00:00`, `toISOString()` with Z spelled +00:00) and reads that back;
 * the import writes exactly that text, so rows it writes are indistinguishable from Prisma's and
 * compare correctly as text (`time < ?`). PostgreSQL columns are TIMESTAMP(3) holding UTC: a Date
 * is bound (the pg adapter sends it as UTC, as Prisma does) or written as a UTC literal.
 */
import type { Db } from "@/lib/db/client";

export type Provider = "sqlite" | "postgresql";

export interface SqlDialect {
  provider: Provider;
  /** Most bound parameters one statement may carry. */
  maxParameters: number;
  /** The placeholder of the `index`-th (0-based) parameter of a statement. */
  placeholder(index: number): string;
  /** A DateTime as a bound parameter. */
  dateTime(date: Date): unknown;
  /** A DateTime as SQL text (see SqlLiteral). */
  dateTimeLiteral(date: Date): SqlLiteral;
}

/**
 * A value written into the SQL text rather than bound. Only for values the import makes itself
 * from numbers (DateTimes) or fixed words: Prisma spends about a microsecond on every bound
 * parameter, and a million users have twelve each. Text from an export is always bound.
 */
export class SqlLiteral {
  constructor(readonly sql: string) {}
}

// Years 0000–9999: toISOString() gives `YYYY-MM-DDTHH:MM:SS.mmmZ` only in that range.
const ISO_RANGE_MS = [-62_167_219_200_000, 253_402_300_799_999] as const;

function isoText(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= ISO_RANGE_MS[0] && ms <= ISO_RANGE_MS[1]))
    throw new RangeError(`DateTime out of range: ${date.toString()}`);
  return date.toISOString();
}

const SQLITE: SqlDialect = {
  provider: "sqlite",
  // SQLITE_MAX_VARIABLE_NUMBER defaults to 32766 since SQLite 3.32 (better-sqlite3 bundles a newer one).
  maxParameters: 32_766,
  placeholder: () => "?",
  dateTime: (date) => isoText(date).replace("Z", "+00:00"),
  dateTimeLiteral: (date) => new SqlLiteral(`'${isoText(date).replace("Z", "+00:00")}'`),
};

const POSTGRES: SqlDialect = {
  provider: "postgresql",
  // The wire protocol counts parameters in an Int16.
  maxParameters: 65_535,
  placeholder: (index) => `$${index + 1}`,
  dateTime: (date) => date,
  dateTimeLiteral: (date) => new SqlLiteral(`'${isoText(date).replace("T", " ").replace("Z", "")}'`),
};

export function sqlDialect(provider: Provider): SqlDialect {
  return provider === "sqlite" ? SQLITE : POSTGRES;
}

/** The provider the client was generated for (the generated client records it). */
export function providerOfClient(db: Db): Provider {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`unsupported database provider "${provider}" for the statistics import`);
}

/** A table or column name, quoted: the schema maps every name to snake_case, some are keywords ("time"). */
export function quoteName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected SQL name ${name}`);
  return `"${name}"`;
}

/**
 * The little that differs between SQLite and PostgreSQL in the credit queries' hand-written SQL:
 * placeholders and how a DateTime is bound. Prisma's SQLite adapter stores a DateTime as ISO text
 * with an explicit offset (`2026-11-23T00:00:00.000+00:00`) and compares it as text, so a bound
 * time must be spelt the same way; PostgreSQL takes the Date itself.
 */
import { isPostgresClient, type Db } from "@/lib/db/client";

export type SqlProvider = "sqlite" | "postgresql";

/** The provider the client was generated for. */
export function providerOf(db: Db): SqlProvider {
  return isPostgresClient(db) ? "postgresql" : "sqlite";
}

/** A DateTime as a bound parameter of raw SQL. */
export function timeParam(db: Db, date: Date): unknown {
  return providerOf(db) === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date;
}

/** `count` placeholders from `first` (1-based for PostgreSQL), comma-separated. */
export function placeholders(db: Db, count: number, first = 1): string {
  const pg = providerOf(db) === "postgresql";
  return Array.from({ length: count }, (_, i) => (pg ? `$${first + i}` : "?")).join(", ");
}

/** The n-th (1-based) placeholder. */
export function placeholder(db: Db, n: number): string {
  return providerOf(db) === "postgresql" ? `$${n}` : "?";
}

/** Raw rows give counts as bigint (PostgreSQL) or number (SQLite). */
export function toNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}

/**
 * Bound parameters of one statement, each use its own placeholder: SQLite's `?` are positional, so
 * a value used twice is bound twice, and values must be added in the order their placeholders
 * appear in the SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private readonly db: Db) {}

  add(value: unknown): string {
    this.values.push(value);
    return placeholder(this.db, this.values.length);
  }
}

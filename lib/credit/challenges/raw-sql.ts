/**
 * Helpers of the hand-written SQL of challenges and milestones (lib/credit/sql.ts has the rest).
 * `BoundParams` numbers bound parameters in the order they appear in the SQL text: SQLite's `?`
 * are positional, so a value used twice is bound twice; PostgreSQL's are `$1`, `$2`, ….
 */
import type { Db } from "@/lib/db/client";
import { providerOf, timeParam } from "@/lib/credit/sql";

export class BoundParams {
  readonly values: unknown[] = [];
  private readonly pg: boolean;

  constructor(private readonly db: Db) {
    this.pg = providerOf(db) === "postgresql";
  }

  /** Binds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return this.pg ? `$${this.values.length}` : "?";
  }

  time(date: Date): string {
    return this.add(timeParam(this.db, date));
  }

  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(", ");
  }
}

/** A DateTime read by raw SQL: a Date (PostgreSQL) or the ISO text SQLite stores. */
export function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === "string" ? Date.parse(value) : Number(value);
}

/**
 * A number written into the SQL text: only for numbers the portal computed itself (ids, credit
 * sums, ranks), never for input. Prisma spends about a microsecond on each bound parameter, and a
 * challenge writes tens of thousands; JavaScript's shortest round-trip form keeps a double exact.
 */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** Volunteers per statement: far below both engines' bound-parameter limits. */
const CHUNK = 5_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

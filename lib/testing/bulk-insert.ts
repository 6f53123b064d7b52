/**
 * Multi-row INSERTs with the values written into the SQL text, for generated data sets (the scale
 * survey of the benches). Every value comes from the generator itself (numbers, dates, words it
 * made), so nothing needs binding, and Prisma's cost per bound parameter disappears: a thousand
 * rows cost about one statement.
 */
import type { Db } from "@/lib/db/client";
import { providerOf } from "@/lib/credit/sql";

export type BulkValue = number | string | boolean | Date | Uint8Array | null;

export class BulkInsert {
  private rows: string[] = [];
  private readonly pg: boolean;
  private readonly head: string;
  written = 0;

  constructor(
    private readonly db: Db,
    table: string,
    columns: readonly string[],
    private readonly rowsPerStatement = 1000,
  ) {
    this.pg = providerOf(db) === "postgresql";
    this.head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  }

  /** Buffers a row; nothing is written before `flush`. */
  add(...values: BulkValue[]): void {
    this.rows.push(`(${values.map((v) => this.literal(v)).join(", ")})`);
  }

  /** Rows buffered and not yet written. */
  pending(): number {
    return this.rows.length;
  }

  /** Writes the buffered rows through `client` (a transaction's, to write many statements at once). */
  async flush(client: Pick<Db, "$executeRawUnsafe"> = this.db): Promise<void> {
    for (let i = 0; i < this.rows.length; i += this.rowsPerStatement)
      await client.$executeRawUnsafe(this.head + this.rows.slice(i, i + this.rowsPerStatement).join(", "));
    this.written += this.rows.length;
    this.rows = [];
  }

  private literal(value: BulkValue): string {
    if (value === null) return "NULL";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
      return String(value);
    }
    if (typeof value === "boolean") return this.pg ? String(value) : value ? "1" : "0";
    if (value instanceof Uint8Array) {
      const hex = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
      return this.pg ? `'\\x${hex}'::bytea` : `X'${hex}'`;
    }
    if (value instanceof Date) {
      const iso = value.toISOString();
      // The spelling each adapter writes itself (lib/credit/sql.ts).
      return `'${this.pg ? iso.replace("T", " ").replace("Z", "") : iso.replace("Z", "+00:00")}'`;
    }
    return `'${value.replaceAll("'", "''")}'`;
  }
}

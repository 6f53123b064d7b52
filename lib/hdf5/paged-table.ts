// A compound table written page by page, for tables too large to hold as JavaScript objects at
// once (the areas of a 1532² galaxy are ~70,000 rows: read in one query they cost ~110 MB of heap).
// The dataset is created at its final size, as `writeTable` makes it, and each page is packed into
// the compound's own bytes and written into the next rows.
import { chunks, GZIP_LEVEL } from "./archive-layout";
import type { H5FileWriter } from "./h5-writer";

/** An int64 column, or a fixed-length UTF-8 string column of `width` bytes (as `writeTable` sizes them). */
export type PagedColumn<R> =
  | { name: string; type: "int64"; value: (row: R) => number }
  | { name: string; type: "string"; width: number; value: (row: R) => string };

const encoder = new TextEncoder();

export class PagedTable<R> {
  private written = 0;
  private readonly record: number;

  private constructor(
    private readonly w: H5FileWriter,
    private readonly path: string,
    private readonly columns: PagedColumn<R>[],
    private readonly total: number,
  ) {
    this.record = columns.reduce((s, c) => s + this.sizeOf(c), 0);
  }

  /** Creates `parent/name` with `total` rows, to be filled by `append`. */
  static async create<R>(
    w: H5FileWriter,
    parent: string,
    name: string,
    columns: PagedColumn<R>[],
    total: number,
  ): Promise<PagedTable<R>> {
    const table = new PagedTable(w, `${parent}/${name}`, columns, total);
    await w.dataset(parent, {
      name,
      data: new Map(columns.map((c) => [c.name, c.type === "int64" ? new BigInt64Array(0) : []])),
      dtype: columns.map((c) => [c.name, c.type === "int64" ? "<q" : `S${table.sizeOf(c)}`]),
      shape: [0],
      maxshape: [total === 0 ? null : total],
      chunks: [chunks.table(total)],
      compression: "gzip",
      compression_opts: GZIP_LEVEL,
    });
    if (total) await w.resize(table.path, [total]);
    return table;
  }

  async append(rows: R[]): Promise<void> {
    if (!rows.length) return;
    if (this.written + rows.length > this.total) this.fail();
    const bytes = new Uint8Array(rows.length * this.record);
    const view = new DataView(bytes.buffer);
    rows.forEach((row, i) => {
      let at = i * this.record;
      for (const c of this.columns) {
        const size = this.sizeOf(c);
        if (c.type === "int64") view.setBigInt64(at, BigInt(c.value(row)), true);
        else {
          const text = c.value(row);
          if (encoder.encodeInto(text, bytes.subarray(at, at + size)).read !== text.length)
            throw new Error(`${this.path}: ${c.name} '${text}' is longer than ${size} bytes`);
        }
        at += size;
      }
    });
    await this.w.write(this.path, [this.written], [rows.length], bytes);
    this.written += rows.length;
  }

  /** Checks every row was written (a different number means the database changed meanwhile). */
  finish(): void {
    if (this.written !== this.total) this.fail();
  }

  // An empty string column is one byte wide, as `writeTable` sizes it.
  private sizeOf(c: PagedColumn<R>): number {
    return c.type === "int64" ? 8 : this.total === 0 ? 1 : c.width;
  }

  private fail(): never {
    throw new Error(`${this.path}: ${this.total} rows counted, but the database now holds a different number`);
  }
}

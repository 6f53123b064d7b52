// Writes `/galaxy/portal` (result-copy.ts): each column's bytes appended to its dataset a few MB
// at a time, and the index at the end.
import { GZIP_LEVEL } from "./archive-layout";
import type { DatasetArgs, H5FileWriter } from "./h5-writer";
import {
  columnBytes,
  type ColumnStorage,
  COPY_CHUNK_BYTES,
  INDEX_FIELDS,
  RESULT_COLUMNS,
  RESULT_COPY_GROUP,
  RESULT_INDEX,
  type StoredResultRow,
} from "./result-copy";

const FLUSH_AT = 4 << 20;

/** HDF5 filter 3 (Fletcher-32, no parameters); h5wasm takes a filter id with its options. */
const FLETCHER32 = 3;

/** The filter arguments of a column's dataset. */
function columnFilter(storage: ColumnStorage): Pick<DatasetArgs, "compression" | "compression_opts"> {
  return storage === "gzip"
    ? { compression: "gzip", compression_opts: GZIP_LEVEL }
    : { compression: FLETCHER32, compression_opts: [] };
}

class ColumnAppender {
  written = 0;
  private parts: Uint8Array[] = [];
  private pending = 0;
  constructor(
    private readonly w: H5FileWriter,
    private readonly path: string,
  ) {}

  /** Queues bytes; returns their offset in the dataset. */
  add(bytes: Uint8Array): number {
    const at = this.written + this.pending;
    this.parts.push(new Uint8Array(bytes)); // a copy: the reader may reuse its buffers
    this.pending += bytes.byteLength;
    return at;
  }

  async flush(force = false): Promise<void> {
    if (!this.pending || (!force && this.pending < FLUSH_AT)) return;
    const out = new Uint8Array(this.w.buffer(this.pending), 0, this.pending);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    await this.w.resize(this.path, [this.written + this.pending]);
    await this.w.write(this.path, [this.written], [this.pending], out);
    this.written += this.pending;
    this.parts = [];
    this.pending = 0;
  }
}

/** Writes the rows (in area order) into `/galaxy/portal`; returns the rows written. */
export async function writeResultCopy(w: H5FileWriter, rows: AsyncIterable<StoredResultRow>): Promise<number> {
  await w.group("/galaxy", "portal");
  const columns = RESULT_COLUMNS.map(([, name]) => new ColumnAppender(w, `${RESULT_COPY_GROUP}/${name}`));
  for (const [, name, storage] of RESULT_COLUMNS)
    await w.dataset(RESULT_COPY_GROUP, {
      name,
      data: new Uint8Array(0),
      dtype: "<B",
      shape: [0],
      maxshape: [null],
      chunks: [COPY_CHUNK_BYTES],
      ...columnFilter(storage),
    });
  const index: number[] = [];
  for await (const row of rows) {
    index.push(row.areaId, row.pixelCount, row.resultsVersion);
    for (let c = 0; c < RESULT_COLUMNS.length; c++) {
      const bytes = columnBytes(row, RESULT_COLUMNS[c][0]);
      index.push(bytes ? columns[c].add(bytes) : 0, bytes ? bytes.byteLength : -1);
    }
    for (const c of columns) await c.flush();
  }
  for (const c of columns) await c.flush(true);
  const n = index.length / INDEX_FIELDS;
  await w.dataset(RESULT_COPY_GROUP, {
    name: RESULT_INDEX,
    data: BigInt64Array.from(index, BigInt),
    dtype: "<q",
    shape: [n, INDEX_FIELDS],
    maxshape: [null, INDEX_FIELDS],
    chunks: [Math.max(1, Math.min(n, 4096)), INDEX_FIELDS],
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
  await w.attributes(RESULT_COPY_GROUP, [
    { name: "AREAS", value: n, dtype: "<q" },
    { name: "COLUMNS", value: RESULT_COLUMNS.map(([, name]) => name) },
  ]);
  return n;
}

// Which bytes of `/galaxy/portal` a read of some areas' rows needs, and where each row's bytes land
// in the buffer they are read into (pure). Rows are cut into batches of about BATCH_BYTES, each
// read in one call of the HDF5 worker into a buffer used again for the next batch; within a batch,
// the places of a column are read as few boxes: areas next to each other in id order are next to
// each other in every column.
import type { ReadBox } from "./h5-reader";
import { RESULT_COLUMNS, RESULT_COPY_GROUP, type IndexEntry, type ResultColumn } from "./result-copy";

/** Row bytes a batch holds (at least one row): a 256² cutout is ~15 batches. */
export const BATCH_BYTES = 2 << 20;

/** Reads closer than this are merged into one (the bytes between are read and dropped). */
const MERGE_GAP = 64 << 10;

/** The columns read, as their positions in RESULT_COLUMNS. */
export function columnPositions(columns: readonly ResultColumn[]): number[] {
  return RESULT_COLUMNS.flatMap(([c], k) => (columns.includes(c) ? [k] : []));
}

export type BatchPlan = {
  entries: IndexEntry[];
  boxes: ReadBox[];
  /** bytes of the buffer the boxes are read into */
  bytes: number;
  /** where entry i's bytes of the j-th column read are in that buffer: at[i * columns + j] */
  at: Float64Array;
};

/** The batches that read `columns` (positions) of `entries`, in the order given. */
export function planBatches(entries: IndexEntry[], columns: number[]): BatchPlan[] {
  const batches: BatchPlan[] = [];
  for (let first = 0; first < entries.length;) {
    let end = first;
    let bytes = 0;
    while (end < entries.length && (end === first || bytes < BATCH_BYTES)) {
      for (const k of columns) bytes += Math.max(0, entries[end].at[2 * k + 1]);
      end++;
    }
    batches.push(planBatch(entries.slice(first, end), columns));
    first = end;
  }
  return batches;
}

function planBatch(entries: IndexEntry[], columns: number[]): BatchPlan {
  const boxes: ReadBox[] = [];
  const at = new Float64Array(entries.length * columns.length);
  let total = 0;
  columns.forEach((k, j) => {
    const order = entries
      .map((_, i) => i)
      .filter((i) => entries[i].at[2 * k + 1] > 0)
      .sort((a, b) => entries[a].at[2 * k] - entries[b].at[2 * k]);
    const path = `${RESULT_COPY_GROUP}/${RESULT_COLUMNS[k][1]}`;
    let span: { start: number; end: number; at: number } | null = null;
    const close = () => {
      if (!span) return;
      const bytes = span.end - span.start;
      boxes.push({ path, start: [span.start], count: [bytes], bytes });
      total += bytes;
    };
    for (const i of order) {
      const off = entries[i].at[2 * k];
      const len = entries[i].at[2 * k + 1];
      if (span && off <= span.end + MERGE_GAP) span.end = Math.max(span.end, off + len);
      else {
        close();
        span = { start: off, end: off + len, at: total };
      }
      at[i * columns.length + j] = span.at + off - span.start;
    }
    close();
  });
  return { entries, boxes, bytes: total, at };
}

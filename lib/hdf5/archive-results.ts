// The result rows of a stored archive (result-copy.ts), read back: the index once when opened,
// then the bytes of the areas asked for, a batch at a time (result-copy-plan.ts).
import { H5FileReader, readBuffer, releaseBuffer } from "./h5-reader";
import {
  entryOf,
  INDEX_FIELDS,
  indexValues,
  RESULT_COLUMNS,
  RESULT_COPY_GROUP,
  RESULT_INDEX,
  type IndexEntry,
  type ResultColumn,
  type StoredResultRow,
} from "./result-copy";
import { columnPositions, planBatches, type BatchPlan } from "./result-copy-plan";

export class ArchiveResults {
  private constructor(
    private readonly reader: H5FileReader,
    private readonly entries: Map<number, IndexEntry>,
    /** whether any row kept histograms (an archive writes histogram datasets only then) */
    readonly histograms: boolean,
  ) {}

  /** Opens an archive; refuses one built without the copy (before the portal kept it). */
  static async open(file: string): Promise<ArchiveResults> {
    const reader = await H5FileReader.open(file);
    try {
      const attrs = await reader.attributes(RESULT_COPY_GROUP).catch(() => null);
      if (!attrs || typeof attrs.AREAS !== "number")
        throw new Error(`${file} holds no copy of the result rows (${RESULT_COPY_GROUP}); archive the galaxy again`);
      const n = attrs.AREAS;
      const bytes = await reader.read([
        {
          path: `${RESULT_COPY_GROUP}/${RESULT_INDEX}`,
          start: [0, 0],
          count: [n, INDEX_FIELDS],
          bytes: n * INDEX_FIELDS * 8,
        },
      ]);
      const index = indexValues(bytes, n);
      const entries = new Map<number, IndexEntry>();
      const histogramColumn = RESULT_COLUMNS.findIndex(([c]) => c === "histograms");
      let histograms = false;
      for (let r = 0; r < n; r++) {
        const e = entryOf(index, r);
        entries.set(e.areaId, e);
        histograms ||= e.at[2 * histogramColumn + 1] >= 0;
      }
      return new ArchiveResults(reader, entries, histograms);
    } catch (error) {
      await reader.close();
      throw error;
    }
  }

  has(areaId: number): boolean {
    return this.entries.has(areaId);
  }

  /** Every area with a row, in id order. */
  areaIds(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  /**
   * The rows of the given areas that have one, in the order given, a batch at a time (one worker
   * call each, the next read while this one is used); columns not asked for are empty (null where
   * nullable). A batch's bytes are read into a buffer used again: use them before the next.
   */
  async *batches(areaIds: Iterable<number>, columns: readonly ResultColumn[]): AsyncGenerator<StoredResultRow[]> {
    const wanted = [...areaIds].flatMap((id) => this.entries.get(id) ?? []);
    const positions = columnPositions(columns);
    const plans = planBatches(wanted, positions);
    const read = (plan: BatchPlan) => (plan.bytes ? this.reader.read(plan.boxes, readBuffer(plan.bytes)) : null);
    let next = plans.length ? read(plans[0]) : null;
    try {
      for (let b = 0; b < plans.length; b++) {
        const data = (await next) ?? new Uint8Array(0);
        next = b + 1 < plans.length ? read(plans[b + 1]) : null;
        try {
          yield batchRows(plans[b], positions, data);
        } finally {
          releaseBuffer(data.buffer);
        }
      }
    } finally {
      // A read under way when the caller stopped early: its buffer back, a failure of it not unhandled.
      void next?.then((d) => d && releaseBuffer(d.buffer)).catch(() => {});
    }
  }

  /** The rows of the given areas that have one, in the order given, each with bytes of its own. */
  async rows(areaIds: Iterable<number>, columns: readonly ResultColumn[]): Promise<StoredResultRow[]> {
    const out: StoredResultRow[] = [];
    const own = (b: Uint8Array | null) => b && b.slice();
    for await (const batch of this.batches(areaIds, columns))
      for (const r of batch)
        out.push({
          ...r,
          xy: own(r.xy)!,
          stats: own(r.stats)!,
          display: own(r.display)!,
          bestFit: own(r.bestFit)!,
          histograms: own(r.histograms),
          fluxes: own(r.fluxes),
        });
    return out;
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

const EMPTY = new Uint8Array(0);

/** The rows of a batch, their bytes views of `data` (read by `plan.boxes`). */
function batchRows(plan: BatchPlan, positions: number[], data: Uint8Array): StoredResultRow[] {
  const decoder = new TextDecoder();
  return plan.entries.map((e, i) => {
    const bytes: (Uint8Array | null)[] = RESULT_COLUMNS.map(() => null);
    positions.forEach((k, j) => {
      const len = e.at[2 * k + 1];
      const at = plan.at[i * positions.length + j];
      bytes[k] = len < 0 ? null : len === 0 ? EMPTY : data.subarray(at, at + len);
    });
    const [xy, stats, display, bestFit, histograms, fluxes, filters] = bytes;
    return {
      areaId: e.areaId,
      pixelCount: e.pixelCount,
      resultsVersion: e.resultsVersion,
      xy: xy ?? EMPTY,
      stats: stats ?? EMPTY,
      display: display ?? EMPTY,
      bestFit: bestFit ?? EMPTY,
      histograms,
      fluxes,
      fluxFilters: filters ? decoder.decode(filters) : "",
    };
  });
}

// The result rows of a stored archive (result-copy.ts), read back: the index once when opened,
// then the bytes of the areas asked for, in as few reads as their places allow (areas next to
// each other in id order are next to each other in every column).
import { H5FileReader, type ReadBox } from "./h5-reader";
import {
  entryOf,
  INDEX_FIELDS,
  RESULT_COLUMNS,
  RESULT_COPY_GROUP,
  RESULT_INDEX,
  type IndexEntry,
  type ResultColumn,
  type StoredResultRow,
} from "./result-copy";

/** Reads closer than this are merged into one (the bytes between are read and dropped). */
const MERGE_GAP = 64 << 10;

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
      const index = Float64Array.from(new BigInt64Array(bytes.buffer, 0, n * INDEX_FIELDS), Number);
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
   * The rows of the given areas that have one, in the order given; columns not asked for are
   * empty (null where nullable).
   */
  async rows(areaIds: Iterable<number>, columns: readonly ResultColumn[]): Promise<StoredResultRow[]> {
    const wanted = [...areaIds].flatMap((id) => this.entries.get(id) ?? []);
    const picked = RESULT_COLUMNS.map(([c], k) => ({ c, k, name: RESULT_COLUMNS[k][1] })).filter((x) =>
      columns.includes(x.c),
    );
    const boxes: ReadBox[] = [];
    // per column: the spans read, as [first byte, end]; rows find their bytes in them
    const spans: { column: number; start: number; end: number; at: number }[] = [];
    let total = 0;
    for (const { k, name } of picked) {
      const places = wanted
        .map((e) => [e.at[2 * k], e.at[2 * k + 1]] as const)
        .filter(([, len]) => len > 0)
        .sort((a, b) => a[0] - b[0]);
      let open: { start: number; end: number } | null = null;
      const close = () => {
        if (!open) return;
        const bytes = open.end - open.start;
        boxes.push({ path: `${RESULT_COPY_GROUP}/${name}`, start: [open.start], count: [bytes], bytes });
        spans.push({ column: k, start: open.start, end: open.end, at: total });
        total += bytes;
      };
      for (const [off, len] of places) {
        if (open && off <= open.end + MERGE_GAP) open.end = Math.max(open.end, off + len);
        else {
          close();
          open = { start: off, end: off + len };
        }
      }
      close();
    }
    const data = boxes.length ? await this.reader.read(boxes) : new Uint8Array(0);
    const slice = (k: number, off: number, len: number): Uint8Array | null => {
      if (len < 0) return null;
      if (len === 0) return new Uint8Array(0);
      const s = spans.find((x) => x.column === k && x.start <= off && off + len <= x.end)!;
      return data.subarray(s.at + off - s.start, s.at + off - s.start + len);
    };
    const empty = new Uint8Array(0);
    return wanted.map((e) => {
      const value = (c: ResultColumn) => {
        const k = RESULT_COLUMNS.findIndex(([name]) => name === c);
        return columns.includes(c) ? slice(k, e.at[2 * k], e.at[2 * k + 1]) : null;
      };
      const filters = value("fluxFilters");
      return {
        areaId: e.areaId,
        pixelCount: e.pixelCount,
        resultsVersion: e.resultsVersion,
        xy: value("xy") ?? empty,
        stats: value("stats") ?? empty,
        display: value("display") ?? empty,
        bestFit: value("bestFit") ?? empty,
        histograms: value("histograms"),
        fluxes: value("fluxes"),
        fluxFilters: filters ? new TextDecoder().decode(filters) : "",
      };
    });
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

// A block's `histogram_blocks/block_<n>`: one growing dataset of (x_axis, hist_value) pairs, to
// which each pixel's histograms are appended; the grid records where each one starts.
import type { H5FileWriter } from "./h5-writer";

/** Pairs queued before they are written: real MAGPHYS histograms are ~820 values a pixel. */
const FLUSH_AT = 1 << 20;

export class HistogramAppender {
  written = 0;
  /** interleaved x_axis, hist_value: the packed layout of the compound */
  private pairs = new Float32Array(1 << 17);
  private pending = 0;
  constructor(
    private readonly w: H5FileWriter,
    private readonly path: string,
  ) {}

  /** Queues one histogram; returns its index in the dataset. */
  add(x: Float32Array, p: Float32Array): number {
    const n = x.length;
    if (2 * (this.pending + n) > this.pairs.length) this.grow(2 * (this.pending + n));
    for (let j = 0, at = 2 * this.pending; j < n; j++, at += 2) {
      this.pairs[at] = x[j];
      this.pairs[at + 1] = p[j];
    }
    const index = this.written + this.pending;
    this.pending += n;
    return index;
  }

  /** Writes what is queued once it is worth a write (a million values). */
  async flushIfFull(): Promise<void> {
    if (this.pending >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    await this.w.resize(this.path, [this.written + this.pending]);
    // A copy in a buffer of the writer's: it comes back for the next tile or flush.
    const bytes = this.pending * 8;
    const copy = new Float32Array(this.w.buffer(bytes), 0, 2 * this.pending);
    copy.set(this.pairs.subarray(0, 2 * this.pending));
    await this.w.write(this.path, [this.written], [this.pending], new Uint8Array(copy.buffer, 0, bytes));
    this.written += this.pending;
    this.pending = 0;
  }

  private grow(size: number): void {
    const pairs = new Float32Array(Math.max(size, 2 * this.pairs.length));
    pairs.set(this.pairs.subarray(0, 2 * this.pending));
    this.pairs = pairs;
  }
}

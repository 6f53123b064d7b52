// Buffers handed to the HDF5 worker come back to be used again. Without this, every tile would
// allocate ~8 MB outside the JavaScript heap in one thread and drop it in the other: the process
// grew by whatever both collectors had not yet noticed, and the allocator, once it had seen large
// blocks freed, served the next ones from its arenas and kept them (README.md, "Memory"). With it,
// a file's tiles reuse the first few buffers, each as large as the largest tile.

export class BufferPool {
  private free: ArrayBuffer[] = [];

  /** A buffer of at least `bytes` bytes, of unspecified content: the smallest free one that fits, or a new one. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    this.free.forEach((b, i) => {
      if (b.byteLength >= bytes && (best < 0 || b.byteLength < this.free[best].byteLength)) best = i;
    });
    if (best < 0) return new ArrayBuffer(bytes);
    return this.free.splice(best, 1)[0];
  }

  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0) this.free.push(buffer);
  }

  /** Lets the buffers go (after each file): a server process should not keep them. */
  clear(): void {
    this.free = [];
  }
}

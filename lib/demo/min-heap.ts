/**
 * Binary min-heap ordered by a caller's comparison. The demo's generators must be deterministic,
 * so callers give a total order (e.g. time, then id): with no two entries comparing equal, the
 * order of `pop` is fixed by the entries alone, not by the heap's internals.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  /** `compare(a, b) < 0` when a comes out before b. */
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The least item, removed. Throws on an empty heap. */
  pop(): T {
    const items = this.items;
    if (items.length === 0) throw new RangeError("pop from an empty heap");
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && this.before(left, least)) least = left;
        if (right < items.length && this.before(right, least)) least = right;
        if (least === i) break;
        this.swap(i, least);
        i = least;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    return this.compare(this.items[a], this.items[b]) < 0;
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
  }
}

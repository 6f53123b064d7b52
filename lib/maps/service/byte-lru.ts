/**
 * A least-recently-used cache bounded by the bytes of its values, with single-flight loading:
 * concurrent `getOrLoad` calls for one key share one load. Map iteration order is insertion
 * order, so re-inserting on access keeps the least recently used entry first.
 */
import { SingleFlight } from "@/lib/maps/single-flight";

interface Entry<T> {
  value: T;
  bytes: number;
  /** Date.now() after which the entry is dropped on access; Infinity for no expiry. */
  expires: number;
}

export class ByteLru<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly flights = new SingleFlight<T>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly maxAgeMs = Infinity,
  ) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, bytes: number): void {
    this.delete(key);
    // A value larger than the whole cache is returned to its caller but not kept.
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes, expires: Date.now() + this.maxAgeMs });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  /** Drops every entry whose key starts with `prefix` (a galaxy's or a version's entries). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** The cached value, or the result of `load` (run once however many callers wait), cached. */
  async getOrLoad(key: string, load: () => Promise<T>, bytesOf: (value: T) => number): Promise<T> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    return this.flights.run(key, async () => {
      const value = await load();
      this.set(key, value, bytesOf(value));
      return value;
    });
  }
}

/**
 * In-process "single flight": concurrent calls with the same key share one execution. Used so a
 * burst of viewer requests for the same missing tile renders it once. The entry is removed when
 * the work settles (success or failure), so a failed render is retried by the next request, and
 * the map never grows beyond the work in progress.
 *
 * Scope is one JS module instance: separate processes (or separately bundled copies of this
 * module) may render the same tile twice, which is harmless because tiles are deterministic and
 * written temp-then-rename.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const promise = Promise.resolve()
      .then(work)
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.inFlight.size;
  }
}

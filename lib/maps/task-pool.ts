/**
 * A bounded pool for async work (tile encodes). Tasks start as they are added, at most `limit`
 * at a time; the first failure stops new starts and `drain()` rejects with it only after every
 * started task has settled, so nothing is still writing when the caller cleans up.
 */
export class TaskPool {
  private running = 0;
  private readonly queue: Array<() => Promise<void>> = [];
  private failure: { error: unknown } | null = null;
  private idle: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`invalid concurrency ${limit}`);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  add(task: () => Promise<void>): void {
    if (this.failure) return;
    this.queue.push(task);
    this.pump();
  }

  /** Resolves when queue and running tasks are empty; rejects with the first error. */
  async drain(): Promise<void> {
    while (this.running > 0 || (this.queue.length > 0 && !this.failure)) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }
    if (this.failure) throw this.failure.error;
  }

  /** Stops new starts, as a failure would (e.g. on abort). */
  fail(error: unknown): void {
    if (!this.failure) this.failure = { error };
    this.queue.length = 0;
    this.wake();
  }

  private pump(): void {
    while (this.running < this.limit && this.queue.length > 0 && !this.failure) {
      const task = this.queue.shift()!;
      this.running++;
      // Promise.resolve().then: a task that throws synchronously fails like a rejected one.
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          this.running--;
          this.pump();
          this.wake();
        });
    }
  }

  private wake(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}

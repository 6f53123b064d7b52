/**
 * Background pyramid builds started by tile misses: one at a time per process (the other core
 * keeps serving), each map at most once; across processes (cluster workers, other servers, a CLI
 * build) each pyramid is built once through a claim in the database (`pyramid-claim.ts`).
 * Failures are logged, not thrown: on-demand tiles keep working without the pyramid.
 */
export class BuildQueue {
  private readonly queued = new Map<string, () => Promise<void>>();
  private running: string | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly log: (message: string) => void = (m) => console.error(m)) {}

  /** Queues `job` under `key` unless that key is already queued or running. */
  schedule(key: string, job: () => Promise<void>): boolean {
    if (this.running === key || this.queued.has(key)) return false;
    this.queued.set(key, job);
    if (this.running === null) void this.pump();
    return true;
  }

  get pending(): number {
    return this.queued.size + (this.running === null ? 0 : 1);
  }

  /** Resolves when nothing is queued or running (tests, orderly shutdown). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    for (;;) {
      const next = this.queued.entries().next();
      if (next.done) break;
      const [key, job] = next.value;
      this.queued.delete(key);
      this.running = key;
      try {
        await job();
      } catch (error) {
        this.log(`background build of ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.running = null;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

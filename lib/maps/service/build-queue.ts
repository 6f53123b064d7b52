/**
 * Background pyramid builds started by tile misses: one at a time per process (the other core
 * keeps serving), each map at most once, and across processes (cluster workers, a CLI build) at
 * most once at a time thanks to a lock file beside the pyramid. Failures are logged, not thrown:
 * on-demand tiles keep working without the pyramid.
 */
import { open, rm, stat } from "node:fs/promises";
import path from "node:path";

const LOCK_STALE_MS = 30 * 60 * 1000;

/** Creates `file` exclusively; a lock older than 30 minutes is taken to be a crashed builder's. */
export async function tryLock(file: string): Promise<(() => Promise<void>) | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs < LOCK_STALE_MS) return null;
      await rm(file, { force: true });
    }
  }
  return null;
}

export function lockFileFor(dir: string, name: string): string {
  return path.join(dir, `.${name}.build-lock`);
}

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

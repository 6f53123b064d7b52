/**
 * The job worker of a server process: a loop that claims queued jobs through the database
 * (`job-claim.ts`) and runs them one at a time, and once a minute deletes expired results. Every
 * server process may run one; they share the queue without running a job twice.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { settings } from "@/lib/config";
import { db as processDb, type Db } from "@/lib/db/client";
import { claimNextJob } from "./job-claim";
import { expireJobs } from "./expire-jobs";
import { runJob } from "./run-job";

export interface JobWorker {
  id: string;
  /** Claims and runs jobs until none is queued; resolves with how many ran. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function createJobWorker(options: { db?: Db; dataDir?: string } = {}): JobWorker {
  const db = options.db ?? processDb();
  const dataDir = options.dataDir ?? settings().dataDir;
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let running: Promise<number> | null = null;
  const drain = () =>
    (running ??= (async () => {
      let ran = 0;
      try {
        for (let job = await claimNextJob(db, id); job; job = await claimNextJob(db, id)) {
          await runJob(db, dataDir, job, id);
          ran++;
        }
      } finally {
        running = null;
      }
      return ran;
    })());
  return {
    id,
    drain,
    async stop() {
      await running;
    },
  };
}

const POLL_MS = 1000;
const JANITOR_MS = 60_000;

const global = globalThis as unknown as { pogsJobWorker?: JobWorker };

/** Starts a new job now if this process runs a worker (instead of at its next poll). */
export function nudgeJobWorker(): void {
  void global.pogsJobWorker?.drain().catch((error) => console.error("data job worker:", error));
}

/** Starts this process's worker loop once (later calls return the same worker). */
export function startJobWorker(): JobWorker {
  if (global.pogsJobWorker) return global.pogsJobWorker;
  const worker = createJobWorker();
  let lastSweep = 0;
  const tick = async () => {
    try {
      if (Date.now() - lastSweep > JANITOR_MS) {
        lastSweep = Date.now();
        await expireJobs(processDb(), settings().dataDir);
      }
      await worker.drain();
    } catch (error) {
      console.error("data job worker:", error);
    }
  };
  setInterval(() => void tick(), POLL_MS).unref();
  global.pogsJobWorker = worker;
  return worker;
}

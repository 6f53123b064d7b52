// The main thread's side of fit-text-worker: one worker, jobs answered in order.
import { Worker } from "node:worker_threads";
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import type { DemoArea, ObservedLayer } from "./demo-results";
import type { FitTextJob, FitTextResult } from "./fit-text-worker";

export class FitTextWorker {
  private worker = new Worker(new URL("./fit-text-worker-entry.mjs", import.meta.url));
  private next = 0;
  private waiting = new Map<number, { resolve: (t: string[]) => void; reject: (e: Error) => void }>();
  private sentLayersFor: string | null = null;

  constructor() {
    this.worker.on("message", (r: FitTextResult) => {
      const w = this.waiting.get(r.id)!;
      this.waiting.delete(r.id);
      if ("error" in r) w.reject(new Error(`demo result synthesis failed: ${r.error}`));
      else w.resolve(r.texts);
    });
    this.worker.on("error", (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  texts(galaxy: DemoGalaxy, layers: ObservedLayer[], areas: DemoArea[]): Promise<string[]> {
    const id = this.next++;
    const job: FitTextJob = { id, galaxy, areas, ...(this.sentLayersFor !== galaxy.name ? { layers } : {}) };
    this.sentLayersFor = galaxy.name;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

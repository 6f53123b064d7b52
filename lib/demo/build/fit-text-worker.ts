// Worker thread that writes the demo's .fit texts, so that on two cores the synthesis of results
// overlaps with their ingest (parse and store) on the main thread.
import { parentPort } from "node:worker_threads";
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import { buildPhysicalModel, type PhysicalModel } from "@/lib/demo/physical-maps";
import { demoFitText, type DemoArea, type ObservedLayer } from "./demo-results";

export type FitTextJob = { id: number; galaxy: DemoGalaxy; layers?: ObservedLayer[]; areas: DemoArea[] };
export type FitTextResult = { id: number; texts: string[] } | { id: number; error: string };

let current: { name: string; model: PhysicalModel; layers: ObservedLayer[] } | null = null;

parentPort?.on("message", (job: FitTextJob) => {
  try {
    if (current?.name !== job.galaxy.name)
      current = { name: job.galaxy.name, model: buildPhysicalModel(job.galaxy), layers: job.layers ?? [] };
    else if (job.layers) current.layers = job.layers;
    const texts = job.areas.map((a) => demoFitText(current!.model, a, current!.layers, job.galaxy.redshift));
    parentPort!.postMessage({ id: job.id, texts } satisfies FitTextResult);
  } catch (error) {
    parentPort!.postMessage({
      id: job.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies FitTextResult);
  }
});

/**
 * Starts a worker thread on a TypeScript module of this folder. The worker registers tsx's loader
 * itself: under the tsx CLI it inherits the loader anyway (registering again is harmless), under
 * Vitest it would otherwise be unable to load TypeScript, since Vitest transforms only its own thread.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

export function startTsWorker(moduleName: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const url = new URL(`./${moduleName}`, import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

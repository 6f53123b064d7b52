/**
 * Runs an import in a worker thread with a bounded heap, for the CLI. V8 lets a thread that
 * allocates as fast as the import does (a million users' rows through Prisma) grow its heap to
 * several times what it keeps alive; a heap limit makes it collect instead, which keeps a
 * 1M-user import under 500 MB without slowing it. Its Prisma client is its own (DATABASE_URL's).
 */
import type { StatsImportOptions, StatsImportResult } from "./types";
import { startTsWorker } from "./ts-worker";
import type { ImportWorkerData, ImportWorkerMessage } from "./types";

export interface WorkerImportOptions extends Pick<
  StatsImportOptions,
  "onProgress" | "maxSkipExamples" | "parseInWorker"
> {
  /** Old-generation heap limit of the worker (default 192 MB; the ids of the users seen live outside it). */
  heapLimitMb?: number;
}

export function importStatsExportInWorker(
  databaseUrl: string,
  location: string,
  options: WorkerImportOptions = {},
): Promise<StatsImportResult> {
  const data: ImportWorkerData = {
    databaseUrl,
    location,
    options: { maxSkipExamples: options.maxSkipExamples, parseInWorker: options.parseInWorker },
  };
  const worker = startTsWorker("import-worker.ts", data, { maxOldGenerationSizeMb: options.heapLimitMb ?? 192 });
  return new Promise<StatsImportResult>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on("message", (message: ImportWorkerMessage) => {
      if (message.type === "progress") options.onProgress?.(message.progress);
      else if (message.type === "result") settle(() => resolve(message.result));
      else settle(() => reject(Object.assign(new Error(message.message), { stack: message.stack ?? message.message })));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`the import stopped unexpectedly (worker exit code ${code})`))),
    );
  });
}

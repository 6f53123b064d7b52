/**
 * Worker thread running one import (see run-in-worker.ts): its own Prisma client, progress and
 * the result posted to the thread that started it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "@/lib/db/client";
import { importStatsExport } from "./import-export";
import type { ImportWorkerData, ImportWorkerMessage } from "./types";

const port = parentPort!;
const data = workerData as ImportWorkerData;
const send = (message: ImportWorkerMessage) => port.postMessage(message);

async function run(): Promise<void> {
  const db = createDb(data.databaseUrl);
  try {
    const result = await importStatsExport(db, data.location, {
      ...data.options,
      onProgress: (progress) => send({ type: "progress", progress }),
    });
    send({ type: "result", result });
  } finally {
    await db.$disconnect();
  }
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  send({ type: "error", message, stack: error instanceof Error ? error.stack : undefined });
});

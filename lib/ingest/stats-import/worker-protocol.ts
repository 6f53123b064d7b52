// Messages between the import and its worker threads: the parse worker (parse-worker.ts,
// worker-records.ts) and the import worker (import-worker.ts, run-in-worker.ts).
import type { SkippedRecords, StatsExportFailure } from "@/lib/ingest/boinc-stats";
import type { StatsImportProgress, StatsImportResult } from "./import-export";

export interface ParseWorkerData {
  kind: "user" | "team";
  fileName: string;
  gzip: boolean;
  maxSkipExamples: number;
  batchSize: number;
  /** Batches the worker may send before the main thread acknowledges one. */
  maxBatchesInFlight: number;
}

export type ToWorker =
  { type: "bytes"; chunk: Uint8Array } | { type: "end" } | { type: "fail"; message: string } | { type: "ack" };

export type ToMain =
  | { type: "need" }
  | { type: "records"; records: unknown[] }
  | { type: "done"; skipped: SkippedRecords }
  | {
      type: "error";
      /** null: not a file problem but a bug, re-thrown as a plain Error. */
      failure: StatsExportFailure | null;
      reason: string;
      line: number | undefined;
      fileName: string | undefined;
    };

export interface ImportWorkerData {
  databaseUrl: string;
  location: string;
  options: { maxSkipExamples?: number; parseInWorker?: boolean | "auto" };
}

export type ImportWorkerMessage =
  | { type: "progress"; progress: StatsImportProgress }
  | { type: "result"; result: StatsImportResult }
  | { type: "error"; message: string; stack: string | undefined };

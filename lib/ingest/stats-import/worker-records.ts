/**
 * The records of user.gz, team.gz or host.gz as an async iterable, parsed either in this thread (the
 * boinc-stats reader as is) or in a worker thread (parse-worker.ts) fed with the file's bytes, so
 * gunzip + XML and the database writes use both cores. Either way a bad file throws the same
 * StatsExportError and bad records end up in `skipped`.
 */
import {
  StatsExportError,
  readHostExport,
  readTeamExport,
  readUserExport,
  type BoincHostRecord,
  type BoincTeamRecord,
  type BoincUserRecord,
  type SkippedRecords,
  type TextRepairCounts,
} from "@/lib/ingest/boinc-stats";
import { emptyTextRepairCounts } from "@/lib/ingest/boinc-stats/boinc-text";
import type { RecordSource } from "./types";
import type { OpenedExportFile } from "./export-files";
import { startTsWorker } from "./ts-worker";
import type { ParseWorkerData, RecordKind, ToMain, ToWorker } from "./types";

export interface RecordSourceOptions {
  inWorker: boolean;
  maxSkipExamples: number;
}

export function userRecords(file: OpenedExportFile, options: RecordSourceOptions): RecordSource<BoincUserRecord> {
  return recordSource<BoincUserRecord>("user", file, options);
}

export function teamRecords(file: OpenedExportFile, options: RecordSourceOptions): RecordSource<BoincTeamRecord> {
  return recordSource<BoincTeamRecord>("team", file, options);
}

export function hostRecords(file: OpenedExportFile, options: RecordSourceOptions): RecordSource<BoincHostRecord> {
  return recordSource<BoincHostRecord>("host", file, options);
}

const READERS = { user: readUserExport, team: readTeamExport, host: readHostExport };

function recordSource<T>(kind: RecordKind, file: OpenedExportFile, options: RecordSourceOptions): RecordSource<T> {
  const readerOptions = { fileName: file.name, gzip: file.gzipped, maxSkipExamples: options.maxSkipExamples };
  if (!options.inWorker) return READERS[kind](file.stream, readerOptions) as unknown as RecordSource<T>;
  return new WorkerRecords<T>({ kind, ...readerOptions, batchSize: 1000, maxBatchesInFlight: 4 }, file);
}

class WorkerRecords<T> implements RecordSource<T> {
  skipped: SkippedRecords = { count: 0, examples: [] };
  texts: TextRepairCounts = emptyTextRepairCounts();

  constructor(
    private readonly data: ParseWorkerData,
    private readonly file: OpenedExportFile,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    // A small heap: the worker holds a few chunks and batches at a time.
    const worker = startTsWorker("parse-worker.ts", this.data, { maxOldGenerationSizeMb: 64 });
    const send = (message: ToWorker) => worker.postMessage(message);
    const input = this.file.stream[Symbol.asyncIterator]();
    const inbox: ToMain[] = [];
    let failure: unknown = null;
    let finished = false;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    const feed = async () => {
      try {
        const next = await input.next();
        send(next.done ? { type: "end" } : { type: "bytes", chunk: next.value as Uint8Array });
      } catch (error) {
        send({ type: "fail", message: error instanceof Error ? error.message : String(error) });
      }
    };
    worker.on("message", (message: ToMain) => {
      if (message.type === "need") void feed();
      else inbox.push(message);
      notify();
    });
    worker.on("error", (error) => {
      failure ??= error;
      notify();
    });
    worker.on("exit", (code) => {
      if (!finished) failure ??= new Error(`the ${this.data.fileName} parser stopped (exit code ${code})`);
      notify();
    });
    try {
      for (;;) {
        while (inbox.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
        const message = inbox.shift();
        if (!message) throw failure;
        if (message.type === "records") {
          send({ type: "ack" });
          yield* message.records as T[];
        } else if (message.type === "done") {
          finished = true;
          this.skipped = message.skipped;
          this.texts = message.texts;
          return;
        } else if (message.type === "error") {
          finished = true;
          if (message.failure === null) throw new Error(message.reason);
          throw new StatsExportError(message.failure, message.reason, message.line, message.fileName);
        }
      }
    } finally {
      finished = true;
      await worker.terminate();
    }
  }
}

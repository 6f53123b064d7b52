/**
 * Worker thread that turns the bytes of user.gz, team.gz or host.gz into record batches (gunzip + XML in
 * the worker), so parsing a million users runs on the second core while the main thread writes
 * the database. Protocol (see worker-records.ts for the other side):
 *   main → worker: `bytes` (a chunk, answering `need`), `end`, `fail` (the input broke), `ack`
 *   worker → main: `need`, `records` (a batch), `done` (with the skip counts), `error`
 * Both directions are pulled, so neither side buffers more than a few chunks or batches.
 */
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { StatsExportError, readHostExport, readTeamExport, readUserExport } from "@/lib/ingest/boinc-stats";
import type { ParseWorkerData, ToMain, ToWorker } from "./types";

const port = parentPort!;
const data = workerData as ParseWorkerData;
const send = (message: ToMain) => port.postMessage(message);

const input = new Readable({
  read() {
    send({ type: "need" });
  },
});

let credits = data.maxBatchesInFlight;
let wakeProducer: (() => void) | null = null;

port.on("message", (message: ToWorker) => {
  if (message.type === "bytes")
    input.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
  else if (message.type === "end") input.push(null);
  else if (message.type === "fail") input.destroy(new Error(message.message));
  else if (message.type === "ack") {
    credits++;
    wakeProducer?.();
    wakeProducer = null;
  }
});

async function run(): Promise<void> {
  const options = { fileName: data.fileName, gzip: data.gzip, maxSkipExamples: data.maxSkipExamples };
  const read = { user: readUserExport, team: readTeamExport, host: readHostExport }[data.kind];
  const reader = read(input, options);
  let batch: unknown[] = [];
  const flush = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wakeProducer = resolve));
    credits--;
    send({ type: "records", records: batch });
    batch = [];
  };
  for await (const record of reader) {
    batch.push(record);
    if (batch.length >= data.batchSize) await flush();
  }
  if (batch.length) await flush();
  send({ type: "done", skipped: reader.skipped, texts: reader.texts });
}

// After the last message the worker has nothing to wait for: let it exit.
run().then(
  () => port.unref(),
  (error: unknown) => {
    if (error instanceof StatsExportError) {
      send({ type: "error", failure: error.failure, reason: error.reason, line: error.line, fileName: error.fileName });
    } else {
      send({
        type: "error",
        failure: null,
        reason: error instanceof Error ? error.message : String(error),
        line: undefined,
        fileName: data.fileName,
      });
    }
    port.unref();
  },
);

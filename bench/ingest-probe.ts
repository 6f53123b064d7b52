// What an ingest waits while a statistics import runs in another process: one work unit ingested
// every half second (the POGS fixture with its own pixel ids, as the ingest bench makes them), each
// timed; the longest is how long the import kept ingests out.
import { existsSync, readFileSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { ingestFits } from "@/lib/ingest/results";
import { FIXTURE, galaxyWithAreas } from "./ingest.bench";

export interface ProbeFigures {
  ingests: number;
  medianSeconds: number;
  maxSeconds: number;
  /** Ingests that failed (the lock not released within the busy timeout). */
  failures: number;
}

export interface IngestProbe {
  /** Starts ingesting; `stop` ends it and gives the figures of the ingests since. */
  start(): void;
  stop(): Promise<ProbeFigures>;
}

const AREAS = 3_000;

/** Null when the fixture is missing (../shared not checked out). */
export async function ingestProbe(databaseUrl: string, everyMs = 500): Promise<IngestProbe | null> {
  if (!existsSync(FIXTURE)) return null;
  const db = createDb(databaseUrl);
  const firstIds = await galaxyWithAreas(db, AREAS, 9);
  const text = readFileSync(FIXTURE, "latin1");
  let next = 0;
  let running: Promise<void> | null = null;
  let stopped = false;
  let seconds: number[] = [];
  let failures: string[] = [];
  const loop = async () => {
    while (!stopped && next < firstIds.length) {
      const first = firstIds[next];
      const input = {
        fileName: `probe_area${next++}.fit`,
        text: text.replace(/pix(\d+)/g, (_m, id: string) => `pix${first + Number(id) - 4573581}`),
        users: [{ id: 1 }, { id: 2 }],
      };
      const started = performance.now();
      // One that gave up (the busy timeout ran out) counts with the time it waited.
      await ingestFits(db, [input]).catch((error: unknown) => failures.push(String(error)));
      seconds.push((performance.now() - started) / 1000);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  return {
    start() {
      stopped = false;
      seconds = [];
      failures = [];
      running = loop();
    },
    async stop() {
      stopped = true;
      await running;
      const sorted = [...seconds].sort((a, b) => a - b);
      return {
        ingests: sorted.length,
        medianSeconds: sorted[Math.floor(sorted.length / 2)] ?? NaN,
        maxSeconds: sorted.at(-1) ?? NaN,
        failures: failures.length,
      };
    },
  };
}

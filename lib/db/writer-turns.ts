/**
 * SQLite gives its write lock to whoever asks when it is free, not to whoever has waited longest:
 * a writer waiting in its busy handler looks again after sleeps that grow to 100 ms, so a series
 * of short write transactions that follow each other at once keeps it out for the whole series.
 * Measured at a million volunteers: the award run's twenty slices of half a second kept an ingest
 * waiting 10 s. Work done in a series of short transactions calls `letOtherWritersIn` between
 * them: once the series has gone on for half a second since its last pause, it pauses for longer
 * than that longest sleep, and a waiting writer gets its turn. A pause after every transaction
 * would cost seconds per import. PostgreSQL locks rows: no pause there.
 */
import { isPostgresClient, type Db } from "./client";

const WRITER_TURN_MS = 120;
const HOLD_MS = 500;

let lastTurn = performance.now();

/** Between two write transactions of a series on SQLite (any `db` but a PostgreSQL one). */
export async function letOtherWritersIn(db?: Db): Promise<void> {
  if (db && isPostgresClient(db)) return;
  if (performance.now() - lastTurn < HOLD_MS) return;
  await new Promise((resolve) => setTimeout(resolve, WRITER_TURN_MS));
  lastTurn = performance.now();
}

// The statistics import's types, in one module so that the import, its run and its worker threads
// share them without importing one another.
import type {
  BoincHostRecord,
  BoincTables,
  BoincTeamRecord,
  BoincUserRecord,
  SkippedRecords,
  StatsExportFailure,
  TextRepairCounts,
} from "@/lib/ingest/boinc-stats";

/*
 * Where an import's records come from: a statistics export (./export-source.ts) or a BOINC
 * project's own database (./boinc-database.ts). Both give the same records, so the import stores
 * the same rows whichever it reads.
 */
export interface RecordSource<T> extends AsyncIterable<T> {
  /** Complete once the iteration has ended. */
  readonly skipped: SkippedRecords;
  readonly texts: TextRepairCounts;
}

/** One of BOINC's team_delta rows: a join or a leave at its real time, with the user's credit then. */
export interface TeamChangeRow {
  userId: number;
  teamId: number;
  time: number;
  joining: boolean;
  totalCredit: number;
}

export interface CreditSource {
  /** The directory, base URL or database (without password), as recorded with the import. */
  location: string;
  /** The summary: its update_time is the import's time. */
  tables: BoincTables;
  /** The name of what `records` below are read from, for skip reasons ("user.gz", "user table"). */
  names: { teams: string; users: string; hosts: string };
  teams(): RecordSource<BoincTeamRecord>;
  users(): RecordSource<BoincUserRecord>;
  /** Null when the source has no computers (an export without host.gz). */
  hosts(): RecordSource<BoincHostRecord> | null;
  /** Where a phase stands: bytes of a file, or rows of a table; the total when known. */
  position(phase: ReadPhase): { done: number; total: number | undefined };
  /** The real team changes in (after, until], when the source logs them (BOINC's team_delta). */
  teamChanges?(after: number, until: number): Promise<TeamChangeRow[]>;
  close(): Promise<void>;
}

export type ImportMode =
  /** The newest export so far: it sets users' and teams' current values. */
  | "current"
  /** Older than one already imported: it only adds history (snapshots, users never seen). */
  | "history";

/** The phases that read the export. */
export type ReadPhase = "teams" | "users" | "hosts";

export interface StatsImportProgress {
  /** "rebuild": SQLite writes the volunteer table beside the live one (StatsImportOptions.rebuildUsersAt). */
  phase: ReadPhase | "rebuild";
  /** Records of this phase read (or, rebuilding, rows written) so far. */
  records: number;
  /** How far the phase's input is read (compressed bytes of a file, rows of a table), and its size when known. */
  done: number;
  total: number | undefined;
}

export interface StatsImportOptions {
  onProgress?: (progress: StatsImportProgress) => void;
  /** How many skip reasons to report (default 5). */
  maxSkipExamples?: number;
  /** The import's own time (imported_at, updated_at); defaults to now. */
  now?: Date;
  /**
   * The time a BOINC database source is read as (its "export time"); defaults to now. An export
   * carries its own (tables.xml update_time).
   */
  sourceTime?: Date;
  /**
   * SQLite: stage the rows and swap them in with one short transaction (default), or write them
   * inside one transaction holding the write lock throughout (false; what PostgreSQL always does).
   */
  staged?: boolean;
  /**
   * SQLite, staged: when at least this many volunteers change, the volunteer table is written
   * beside the live one in short statements and renamed into place by the swap, instead of being
   * updated inside it (lib/db/table-swap.ts). Default 50,000: about half a second of updates.
   */
  rebuildUsersAt?: number;
  /** Rows per statement while the volunteer table is rebuilt (default 100,000: a quarter of a second or so). */
  rebuildChunk?: number;
  /** Where the pages' cache is told that credit changed (default: DATA_DIR). */
  dataDir?: string;
  /** Longest the transaction may stay open (default 1 h). */
  transactionTimeoutMs?: number;
  /**
   * Parse user.gz and team.gz in a worker thread, so parsing and database writes run on two
   * cores. "auto" (default): for files of 4 MB or more, or of unknown size (a download without
   * Content-Length); starting a worker costs more than parsing a small file in this thread.
   */
  parseInWorker?: boolean | "auto";
}

export interface StatsImportResult {
  /** The directory (absolute) or base URL read. */
  source: string;
  exportTime: Date;
  /** "already imported": an export with this time is in the database; nothing was changed. */
  status: "imported" | "already imported";
  mode: ImportMode | null;
  users: number;
  teams: number;
  /** Malformed records left out (both files), and why, for the first few. */
  skipped: number;
  skipReasons: string[];
  /** Users whose <teamid> names a team missing from team.gz: stored without a team. */
  usersWithoutTeam: number;
  /** Computers read from host.gz (0 when the export has none). */
  hosts: number;
  /** Text fields (names, countries, URLs, OS and CPU strings) repaired from BOINC's byte-wise escaping. */
  textsRepaired: number;
  /** Text fields that were not UTF-8 even after the repair: kept as Latin-1, with a few examples. */
  textsKeptLatin1: number;
  latin1Examples: string[];
  userSnapshots: number;
  teamSnapshots: number;
  teamDeltas: number;
  seconds: number;
  /** SQLite: how long the swap held the database's write lock (the rest ran beside other writers). */
  writeLockSeconds?: number;
}

export type ImportCounts = Omit<StatsImportResult, "source" | "exportTime" | "status" | "seconds">;

// Messages between the import and its worker threads: the parse worker (parse-worker.ts,
// worker-records.ts) and the import worker (import-worker.ts, run-in-worker.ts).

export type RecordKind = "user" | "team" | "host";

export interface ParseWorkerData {
  kind: RecordKind;
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
  | { type: "done"; skipped: SkippedRecords; texts: TextRepairCounts }
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

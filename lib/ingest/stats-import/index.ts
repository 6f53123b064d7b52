// BOINC statistics import: a project's export (tables.xml, team.gz, user.gz) → users, teams,
// credit snapshots and team changes. See import-export.ts for the semantics.
export {
  importStatsExport,
  type StatsImportOptions,
  type StatsImportProgress,
  type StatsImportResult,
} from "./import-export";
export { importStatsExportInWorker, type WorkerImportOptions } from "./run-in-worker";
export { ExportLocationError } from "./export-files";
export type { ImportMode } from "./user-batch";
export { formatImportSummary } from "./summary";

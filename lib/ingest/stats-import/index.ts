// BOINC statistics import: a project's export (tables.xml, team.gz, user.gz) → users, teams,
// credit snapshots and team changes. See import-export.ts for the semantics.
export { importStatsExport } from "./import-export";
export type { StatsImportOptions, StatsImportResult } from "./types";
export { importStatsExportInWorker } from "./run-in-worker";
export { ExportLocationError } from "./export-files";
export { formatImportSummary } from "./summary";

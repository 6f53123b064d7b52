// BOINC statistics export (user.gz, team.gz, tables.xml): streaming readers and writers.
export type * from "./types";
export { StatsExportError, type StatsExportFailure } from "./export-error";
export type { ExportSource } from "./text-source";
export { ExportReader, readTeamExport, readUserExport, type ReadExportOptions } from "./read-export";
export { readTablesXml } from "./read-tables";
export { escapeXml, tablesXml, teamXml, userXml } from "./export-xml";
export {
  writeTablesXml,
  writeTeamExport,
  writeUserExport,
  type ExportDestination,
  type WriteExportOptions,
} from "./write-export";

// BOINC statistics export (user.gz, team.gz, tables.xml): streaming readers and writers.
export type * from "./types";
export { StatsExportError, type StatsExportFailure } from "./export-error";
export { ExportReader, readHostExport, readTeamExport, readUserExport } from "./read-export";
export { readTablesXml } from "./read-tables";
export { teamXml, userXml } from "./export-xml";
export { repairBoincText, type TextRepairCounts } from "./boinc-text";
export { writeHostExport, writeTablesXml, writeTeamExport, writeUserExport } from "./write-export";

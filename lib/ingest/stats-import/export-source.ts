// A statistics export's files (or URLs, ./export-files.ts) as a CreditSource (./types.ts).
import { readTablesXml, StatsExportError } from "@/lib/ingest/boinc-stats";
import { openExport, type OpenedExportFile } from "./export-files";
import type { CreditSource } from "./types";
import { hostRecords, teamRecords, userRecords } from "./worker-records";

const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * An export's files as a source. `parseInWorker` "auto": user.gz, team.gz and host.gz of 4 MB or
 * more (or of unknown size) are parsed in a worker thread, so parsing and database writes run on
 * two cores; starting a worker costs more than parsing a small file here.
 */
export async function exportFileSource(
  location: string,
  options: { parseInWorker?: boolean | "auto"; maxSkipExamples: number },
): Promise<CreditSource> {
  const opened = await openExport(location);
  try {
    const tablesFile = opened.files["tables.xml"];
    const tables = await readTablesXml(tablesFile.stream, { fileName: tablesFile.name, gzip: false });
    if (tables.updateTime <= 0) throw new StatsExportError("xml", "<update_time> is 0", undefined, tablesFile.name);
    const recordOptions = (file: OpenedExportFile) => {
      const choice = options.parseInWorker ?? "auto";
      const inWorker = choice === "auto" ? file.size === undefined || file.size >= WORKER_MIN_BYTES : choice;
      return { inWorker, maxSkipExamples: options.maxSkipExamples };
    };
    const fileOf = { teams: opened.files["team.gz"], users: opened.files["user.gz"], hosts: opened.files["host.gz"] };
    return {
      location: opened.location,
      tables,
      names: { teams: "team.gz", users: "user.gz", hosts: "host.gz" },
      teams: () => teamRecords(fileOf.teams, recordOptions(fileOf.teams)),
      users: () => userRecords(fileOf.users, recordOptions(fileOf.users)),
      hosts: () => (fileOf.hosts ? hostRecords(fileOf.hosts, recordOptions(fileOf.hosts)) : null),
      position(phase) {
        const file = fileOf[phase];
        return { done: file?.bytesRead() ?? 0, total: file?.size };
      },
      async close() {
        opened.close();
      },
    };
  } catch (error) {
    opened.close();
    throw error;
  }
}

// The one-line report of an import, as the CLI prints it.
import type { StatsImportResult } from "./types";

const count = (n: number) => n.toLocaleString("en-US");

/** `2025-08-22 00:00 UTC` */
export function formatExportTime(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatImportSummary(r: StatsImportResult): string {
  const what = `export of ${formatExportTime(r.exportTime)}`;
  if (r.status === "already imported")
    return `The ${what} is already imported: nothing changed (${r.seconds.toFixed(1)} s)`;
  const parts = [
    `${count(r.users)} users`,
    `${count(r.teams)} teams`,
    ...(r.hosts ? [`${count(r.hosts)} computers`] : []),
    `${count(r.skipped)} skipped`,
    `${count(r.userSnapshots + r.teamSnapshots)} snapshots (${count(r.userSnapshots)} users, ${count(r.teamSnapshots)} teams)`,
    `${count(r.teamDeltas)} team changes`,
  ];
  if (r.usersWithoutTeam) parts.push(`${count(r.usersWithoutTeam)} users' team not in team.gz`);
  if (r.textsRepaired) parts.push(`${count(r.textsRepaired)} names and texts repaired from BOINC's byte-wise escaping`);
  if (r.textsKeptLatin1) parts.push(`${count(r.textsKeptLatin1)} texts not UTF-8, kept as Latin-1`);
  const history = r.mode === "history" ? " as history (a newer export is already imported)" : "";
  const locked =
    r.writeLockSeconds === undefined ? "" : ` (the database locked for ${r.writeLockSeconds.toFixed(1)} s of it)`;
  return `Imported the ${what}${history}: ${parts.join(", ")} in ${r.seconds.toFixed(1)} s${locked}`;
}

// npm run import-stats -- <directory|http(s) URL|mysql://user:password@host/boinc_db>
// Imports a BOINC statistics export (tables.xml, team.gz, user.gz, host.gz) into DATABASE_URL's
// database: users, teams, computers, credit snapshots and team changes, all or nothing (on SQLite
// staged, then swapped in by one short transaction, so ingests are not locked out meanwhile).
// Replaying an export changes nothing; a broken file changes nothing. A BOINC project's own
// MySQL/MariaDB database is read directly (read-only), as at the moment of the import, so
// standings can be updated hourly.
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { formatImportSummary, importStatsExportInWorker } from "@/lib/ingest/stats-import";
import { progressDisplay } from "@/lib/ingest/stats-import/progress-display";
import { runCli } from "./cli";

const USAGE =
  "usage: npm run import-stats -- <directory or http(s) URL holding tables.xml, team.gz and user.gz, " +
  "or mysql://user:password@host/db of a BOINC project's database>";

await runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error(USAGE);
  const { databaseUrl } = settings();
  const display = progressDisplay();
  const result = await importStatsExportInWorker(databaseUrl, positionals[0], {
    onProgress: (p) => display.update(p),
  }).finally(() => display.stop());
  for (const reason of result.skipReasons) console.error(`skipped: ${reason}`);
  if (result.skipped > result.skipReasons.length)
    console.error(`skipped: … and ${result.skipped - result.skipReasons.length} more`);
  for (const example of result.latin1Examples) console.error(`kept as Latin-1 (not UTF-8): ${example}`);
  console.log(formatImportSummary(result));
});

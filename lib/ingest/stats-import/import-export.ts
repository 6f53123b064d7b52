/**
 * Imports one BOINC statistics export (tables.xml, team.gz, user.gz) in one database transaction.
 * Everything streams; what is kept in memory is a batch of rows, a few numbers per team and the
 * ids of the users seen (to catch a user listed twice).
 *
 * What it stores (docs/formats.md §10, §11):
 * - The export time is tables.xml's update_time; one StatsExport row per export time. An export
 *   whose time is already there is recognised and changes nothing (a replay).
 * - Teams, then users, are upserted; a user's team is the <teamid> when team.gz has that team,
 *   else none (counted as usersWithoutTeam).
 * - Snapshots at the export time, RAC decayed to it by BOINC's formula (below 0.009 shown as 0):
 *   every team at every export, with its member count (the export's users in it); a user only
 *   when their total credit or team differs from their latest earlier snapshot (always the first
 *   time). Charts carry a user's last snapshot forward; its RAC then decays exactly, since no
 *   credit was granted in between.
 * - A user whose team differs from the stored one gets TeamDelta rows at the export time with
 *   their total credit: leaving the old team, joining the new. A user first seen in a team joins
 *   it at the export time, except on the first import ever (their join time is unknown).
 * - An export older than the newest imported is history (ImportMode "history"): its snapshots
 *   are added and users and teams never seen before are inserted, but stored users and teams keep
 *   the newest export's values and no team deltas are written (they describe the present).
 * - A malformed record is skipped and counted; a malformed file (gzip, XML, root, truncated)
 *   throws StatsExportError, and the transaction rolls back, leaving the database as it was.
 */
import type { Db } from "@/lib/db/client";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { boincDatabaseSource, isBoincDatabaseUrl } from "./boinc-database";
import { exportFileSource } from "./export-source";
import { EMPTY_COUNTS, ImportRun } from "./import-run";
import { providerOfClient, sqlDialect, type SqlDialect } from "./sql-dialect";
import type { StatsImportOptions, StatsImportResult } from "./types";

export async function importStatsExport(
  db: Db,
  location: string,
  options: StatsImportOptions = {},
): Promise<StatsImportResult> {
  const started = performance.now();
  const dialect = sqlDialect(providerOfClient(db));
  const source = isBoincDatabaseUrl(location)
    ? await boincDatabaseSource(location, { now: options.sourceTime })
    : await exportFileSource(location, {
        parseInWorker: options.parseInWorker,
        maxSkipExamples: options.maxSkipExamples ?? 5,
      });
  try {
    const tables = source.tables;
    const exportTime = new Date(tables.updateTime * 1000);
    const base = { source: source.location, exportTime, seconds: 0 };
    if (await db.statsExport.findUnique({ where: { exportTime }, select: { id: true } })) {
      return { ...base, ...EMPTY_COUNTS, status: "already imported", mode: null, seconds: elapsed(started) };
    }
    const result = await withLargerSqliteCache(db, dialect, () =>
      db.$transaction((tx) => new ImportRun(tx as unknown as Db, dialect, source, tables, options).run(), {
        timeout: options.transactionTimeoutMs ?? 3_600_000,
        maxWait: 60_000,
      }),
    );
    await recomputeChallengeStandings(db, options.now);
    await detectMilestones(db);
    await awardTrophies(db);
    return { ...base, ...result, status: "imported", seconds: elapsed(started) };
  } finally {
    await source.close();
  }
}

/**
 * A whole export is one transaction, so every page it changes is written (to the WAL) whenever it
 * leaves SQLite's page cache; the default 2 MB cache makes the indexes of a million users spill
 * over and over. 32 MB for the import, then back to what it was.
 */
async function withLargerSqliteCache<T>(db: Db, dialect: SqlDialect, work: () => Promise<T>): Promise<T> {
  if (dialect.provider !== "sqlite") return work();
  const [before] = await db.$queryRawUnsafe<{ cache_size: number }[]>("PRAGMA cache_size");
  await db.$executeRawUnsafe("PRAGMA cache_size = -32768");
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Math.trunc(Number(before.cache_size))}`);
  }
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}

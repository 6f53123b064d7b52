/**
 * Imports one BOINC statistics export (tables.xml, team.gz, user.gz), all of it or nothing. On
 * PostgreSQL that is one transaction; on SQLite the rows are staged first and swapped in by one short
 * transaction, so that ingests are not locked out for the minutes an import takes.
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
 *   throws StatsExportError, and the transaction rolls back (or the staging is dropped), leaving the
 *   database as it was.
 */
import { creditChanged } from "@/lib/cache/events";
import { retryWhenBusy } from "@/lib/db/busy-retry";
import type { Db } from "@/lib/db/client";
import { withLargerSqliteCache } from "@/lib/db/sqlite-cache";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import { refreshRankCheckpoints } from "@/lib/credit/rank-checkpoints";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { boincDatabaseSource, isBoincDatabaseUrl } from "./boinc-database";
import { exportFileSource } from "./export-source";
import { EMPTY_COUNTS, ImportRun } from "./import-run";
import { directTarget } from "./import-target";
import { providerOfClient, sqlDialect, type SqlDialect } from "./sql-dialect";
import { StagingTables } from "./staging-tables";
import type { CreditSource, StatsImportOptions, StatsImportResult } from "./types";

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
    const result =
      dialect.provider === "sqlite" && options.staged !== false
        ? await importStaged(db, dialect, source, options)
        : await db.$transaction(
            async (tx) => {
              const run = new ImportRun(
                tx as unknown as Db,
                directTarget(tx, dialect),
                dialect,
                source,
                tables,
                options,
              );
              await run.stream(tx as unknown as Db);
              return run.finish(tx as unknown as Db);
            },
            { timeout: options.transactionTimeoutMs ?? 3_600_000, maxWait: 60_000 },
          );
    await recomputeChallengeStandings(db, options.now);
    // The rank checkpoints change with an import only (an ingest's volunteers have no credit yet).
    await refreshRankCheckpoints(db);
    await detectMilestones(db);
    await awardTrophies(db);
    await creditChanged(options.dataDir);
    return { ...base, ...result, status: "imported", seconds: elapsed(started) };
  } finally {
    await source.close();
  }
}

/**
 * SQLite: the rows are staged on the import's own connection, holding no lock on the database, and
 * swapped in by one transaction (./staging-tables.ts); a busy database at the swap is retried. When
 * many volunteers changed, their table is rebuilt beforehand in short statements and the swap
 * renames it into place.
 */
async function importStaged(db: Db, dialect: SqlDialect, source: CreditSource, options: StatsImportOptions) {
  const staging = new StagingTables(db, dialect);
  await staging.create();
  try {
    const run = new ImportRun(db, staging, dialect, source, source.tables, options);
    await run.stream();
    await staging.prune();
    const swap = async () => {
      const swapStarted = performance.now();
      // The swap writes every staged row in one transaction: every page it changes that leaves the
      // cache is written to the WAL again, so the indexes of a million volunteers get 32 MB.
      const counts = await withLargerSqliteCache(
        db,
        () =>
          retryWhenBusy(() =>
            db.$transaction(async (tx) => run.finish(tx as unknown as Db, await staging.swapIn(tx)), {
              timeout: options.transactionTimeoutMs ?? 3_600_000,
              maxWait: 60_000,
            }),
          ),
        32,
      );
      return { counts, writeLockSeconds: elapsed(swapStarted) };
    };
    const { counts, writeLockSeconds } = (await staging.manyUsersStaged(options.rebuildUsersAt ?? 50_000))
      ? await staging.rebuilding(async () => {
          await staging.rebuildUsers(options.rebuildChunk ?? 100_000, (rows, total) =>
            options.onProgress?.({ phase: "rebuild", records: rows, done: rows, total }),
          );
          return swap();
        })
      : await swap();
    await staging.afterSwap();
    return { ...counts, writeLockSeconds };
  } finally {
    await staging.drop();
  }
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}

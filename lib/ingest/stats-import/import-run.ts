/**
 * One import inside its transaction: teams, then users (in batches: user rows, snapshots, team
 * deltas), then team snapshots with member counts, then the StatsExport row's counts.
 */
import type { Db } from "@/lib/db/client";
import type { BoincTables } from "@/lib/ingest/boinc-stats";
import { insertRows } from "./batch-insert";
import { TEAM_SNAPSHOT_TABLE, TEAM_TABLE, pushTeamRow, racAtExport, teamProblem, userProblem } from "./credit-rows";
import type { OpenedExport, OpenedExportFile } from "./export-files";
import { IdSet } from "./id-set";
import type { ImportCounts, StatsImportOptions, StatsImportProgress } from "./types";
import type { SqlDialect, SqlLiteral } from "./sql-dialect";
import { storeUserBatch, type UserToStore } from "./user-batch";
import { teamRecords, userRecords, type RecordSource } from "./worker-records";

export const EMPTY_COUNTS = {
  users: 0,
  teams: 0,
  skipped: 0,
  skipReasons: [],
  usersWithoutTeam: 0,
  userSnapshots: 0,
  teamSnapshots: 0,
  teamDeltas: 0,
};

const BATCH = 500;
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

interface TeamTotals {
  totalCredit: number;
  rac: number;
  members: number;
}

export class ImportRun {
  private readonly counts: ImportCounts = { ...EMPTY_COUNTS, skipReasons: [], mode: "current" };
  private readonly teams = new Map<number, TeamTotals>();
  private readonly exportTimeValue: unknown;
  private readonly exportTimeLiteral: SqlLiteral;
  private readonly updatedAtLiteral: SqlLiteral;
  private readonly now: Date;
  private readonly exportTime: number;
  private readonly exportTotalCredit: number;
  private creditSum = 0;

  constructor(
    private readonly tx: Db,
    private readonly dialect: SqlDialect,
    private readonly opened: OpenedExport,
    tables: BoincTables,
    private readonly options: StatsImportOptions,
  ) {
    this.exportTime = tables.updateTime;
    this.exportTotalCredit = tables.totalCredit;
    this.now = options.now ?? new Date();
    this.exportTimeValue = dialect.dateTime(new Date(tables.updateTime * 1000));
    this.exportTimeLiteral = dialect.dateTimeLiteral(new Date(tables.updateTime * 1000));
    this.updatedAtLiteral = dialect.dateTimeLiteral(this.now);
  }

  async run(): Promise<ImportCounts> {
    const exportTime = new Date(this.exportTime * 1000);
    const newest = await this.tx.statsExport.findFirst({
      orderBy: { exportTime: "desc" },
      select: { exportTime: true },
    });
    this.counts.mode = newest && newest.exportTime > exportTime ? "history" : "current";
    // Claimed first, so a concurrent import of the same export fails on the unique time at once.
    const record = await this.tx.statsExport.create({
      data: { exportTime, importedAt: this.now, source: this.opened.location },
    });
    // Into an empty user table (a first import) nothing can have changed: no lookups needed.
    const anyUserStored = (await this.tx.boincUser.findFirst({ select: { id: true } })) !== null;
    await this.importTeams();
    await this.importUsers(newest !== null, anyUserStored);
    await this.writeTeamSnapshots();
    await this.tx.statsExport.update({
      where: { id: record.id },
      data: {
        userCount: this.counts.users,
        teamCount: this.counts.teams,
        skipped: this.counts.skipped,
        // BOINC's own total (all users, before the consent filter) when the export gives one.
        totalCredit: this.exportTotalCredit > 0 ? this.exportTotalCredit : this.creditSum,
      },
    });
    return this.counts;
  }

  private async importTeams(): Promise<void> {
    const file = this.opened.files["team.gz"];
    const reader = teamRecords(file, this.sourceOptions(file));
    let values: unknown[] = [];
    const flush = async () => {
      await insertRows(this.tx, this.dialect, TEAM_TABLE, values, this.counts.mode === "current" ? "update" : "ignore");
      values = [];
      this.progress("teams", file);
    };
    for await (const team of reader) {
      const problem = teamProblem(team) ?? (this.teams.has(team.id) ? `team ${team.id} is listed twice` : null);
      if (problem) {
        this.skip(file, problem);
        continue;
      }
      this.teams.set(team.id, {
        totalCredit: team.totalCredit,
        rac: racAtExport(team.expavgCredit, team.expavgTime, this.exportTime),
        members: 0,
      });
      pushTeamRow(values, this.dialect, team, this.updatedAtLiteral);
      this.counts.teams++;
      if (values.length >= BATCH * TEAM_TABLE.columns.length) await flush();
    }
    await flush();
    this.addReaderSkips(file, reader);
  }

  private async importUsers(hasEarlierImport: boolean, anyUserStored: boolean): Promise<void> {
    const file = this.opened.files["user.gz"];
    const reader = userRecords(file, this.sourceOptions(file));
    const context = {
      client: this.tx,
      dialect: this.dialect,
      mode: this.counts.mode ?? "current",
      exportTime: this.exportTime,
      exportTimeValue: this.exportTimeValue,
      exportTimeLiteral: this.exportTimeLiteral,
      updatedAtLiteral: this.updatedAtLiteral,
      hasEarlierImport,
      anyUserStored,
    };
    const seen = new IdSet();
    let batch: UserToStore[] = [];
    const flush = async () => {
      const written = await storeUserBatch(context, batch);
      this.counts.userSnapshots += written.userSnapshots;
      this.counts.teamDeltas += written.teamDeltas;
      batch = [];
      this.progress("users", file);
    };
    for await (const user of reader) {
      const problem = userProblem(user) ?? (seen.add(user.id) ? null : `user ${user.id} is listed twice`);
      if (problem) {
        this.skip(file, problem);
        continue;
      }
      let teamId = user.teamId;
      if (teamId !== null) {
        const team = this.teams.get(teamId);
        if (team) team.members++;
        else {
          teamId = null;
          this.counts.usersWithoutTeam++;
        }
      }
      batch.push({ record: user, teamId });
      this.counts.users++;
      this.creditSum += user.totalCredit;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    this.addReaderSkips(file, reader);
  }

  private async writeTeamSnapshots(): Promise<void> {
    let values: unknown[] = [];
    for (const [id, team] of this.teams) {
      values.push(id, this.exportTimeLiteral, team.totalCredit, team.rac, team.members);
      if (values.length >= 10 * BATCH * TEAM_SNAPSHOT_TABLE.columns.length) {
        this.counts.teamSnapshots += await insertRows(this.tx, this.dialect, TEAM_SNAPSHOT_TABLE, values, "ignore");
        values = [];
      }
    }
    this.counts.teamSnapshots += await insertRows(this.tx, this.dialect, TEAM_SNAPSHOT_TABLE, values, "ignore");
  }

  private sourceOptions(file: OpenedExportFile) {
    const choice = this.options.parseInWorker ?? "auto";
    const inWorker = choice === "auto" ? file.size === undefined || file.size >= WORKER_MIN_BYTES : choice;
    return { inWorker, maxSkipExamples: this.maxExamples };
  }

  private get maxExamples(): number {
    return this.options.maxSkipExamples ?? 5;
  }

  private skip(file: OpenedExportFile, reason: string): void {
    this.counts.skipped++;
    if (this.counts.skipReasons.length < this.maxExamples) this.counts.skipReasons.push(`${file.name}: ${reason}`);
  }

  private addReaderSkips(file: OpenedExportFile, reader: RecordSource<unknown>): void {
    const skipped = reader.skipped;
    this.counts.skipped += skipped.count;
    for (const example of skipped.examples) {
      if (this.counts.skipReasons.length < this.maxExamples)
        this.counts.skipReasons.push(`${file.name}:${example.line}: ${example.reason}`);
    }
  }

  private progress(phase: StatsImportProgress["phase"], file: OpenedExportFile): void {
    const records = phase === "teams" ? this.counts.teams : this.counts.users;
    this.options.onProgress?.({ phase, records, bytesRead: file.bytesRead(), bytesTotal: file.size });
  }
}

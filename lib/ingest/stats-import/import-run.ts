/**
 * One import inside its transaction: teams, then users (in batches: user rows, snapshots, team
 * deltas), then hosts, then team snapshots with member counts, the country totals, and the
 * StatsExport row's counts and totals.
 */
import type { Db } from "@/lib/db/client";
import type { BoincTables } from "@/lib/ingest/boinc-stats";
import { insertRows } from "./batch-insert";
import {
  HOST_TABLE,
  TEAM_DELTA_TABLE,
  TEAM_SNAPSHOT_TABLE,
  TEAM_TABLE,
  hostProblem,
  pushHostRow,
  pushTeamRow,
  racAtExport,
  teamProblem,
  userProblem,
} from "./credit-rows";
import { ExportTotals, updateTeamMemberCounts } from "./export-totals";
import { IdSet } from "./id-set";
import type {
  CreditSource,
  ImportCounts,
  RecordSource,
  StatsImportOptions,
  StatsImportProgress,
  TeamChangeRow,
} from "./types";
import type { SqlDialect, SqlLiteral } from "./sql-dialect";
import { storeUserBatch, type UserToStore } from "./user-batch";

export const EMPTY_COUNTS = {
  users: 0,
  teams: 0,
  skipped: 0,
  skipReasons: [],
  usersWithoutTeam: 0,
  hosts: 0,
  textsRepaired: 0,
  textsKeptLatin1: 0,
  latin1Examples: [],
  userSnapshots: 0,
  teamSnapshots: 0,
  teamDeltas: 0,
};

const BATCH = 500;

interface TeamTotals {
  totalCredit: number;
  rac: number;
  members: number;
}

export class ImportRun {
  private readonly counts: ImportCounts = { ...EMPTY_COUNTS, skipReasons: [], latin1Examples: [], mode: "current" };
  private readonly teams = new Map<number, TeamTotals>();
  private readonly users = new IdSet();
  private teamChanges: TeamChangeRow[] = [];
  private readonly totals = new ExportTotals();
  private readonly exportTimeValue: unknown;
  private readonly exportTimeLiteral: SqlLiteral;
  private readonly updatedAtLiteral: SqlLiteral;
  private readonly now: Date;
  private readonly exportTime: number;
  private readonly tables: BoincTables;
  private creditSum = 0;

  constructor(
    private readonly tx: Db,
    private readonly dialect: SqlDialect,
    private readonly source: CreditSource,
    tables: BoincTables,
    private readonly options: StatsImportOptions,
  ) {
    this.exportTime = tables.updateTime;
    this.tables = tables;
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
      data: { exportTime, importedAt: this.now, source: this.source.location },
    });
    // Into an empty user table (a first import) nothing can have changed: no lookups needed.
    const anyUserStored = (await this.tx.boincUser.findFirst({ select: { id: true } })) !== null;
    await this.importTeams();
    // The source's own log of team changes since the newest import (only into the present).
    if (this.source.teamChanges && this.counts.mode === "current") {
      const after = newest ? Math.floor(newest.exportTime.getTime() / 1000) : 0;
      this.teamChanges = await this.source.teamChanges(after, this.exportTime);
    }
    await this.importUsers(newest !== null, anyUserStored);
    await this.writeLoggedTeamChanges();
    await this.importHosts();
    await this.writeTeamSnapshots();
    if (this.counts.mode === "current") {
      await updateTeamMemberCounts(this.tx, this.exportTimeLiteral);
      await this.totals.writeCountries(this.tx, this.dialect, this.updatedAtLiteral);
    }
    await this.tx.statsExport.update({
      where: { id: record.id },
      data: {
        userCount: this.counts.users,
        teamCount: this.counts.teams,
        skipped: this.counts.skipped,
        // BOINC's own totals (all users, before the consent filter) when the export gives them.
        totalCredit: this.tables.totalCredit > 0 ? this.tables.totalCredit : this.creditSum,
        registeredUsers: Math.max(this.tables.nusersTotal, this.counts.users),
        activeUsers: this.totals.activeUsers,
        totalRac: this.totals.totalRac,
        hostCount: this.counts.hosts || this.tables.nhostsTotal,
      },
    });
    return this.counts;
  }

  private async importTeams(): Promise<void> {
    const file = this.source.names.teams;
    const reader = this.source.teams();
    let values: unknown[] = [];
    const flush = async () => {
      await insertRows(this.tx, this.dialect, TEAM_TABLE, values, this.counts.mode === "current" ? "update" : "ignore");
      values = [];
      this.progress("teams");
    };
    for await (const team of reader) {
      const problem = teamProblem(team) ?? (this.teams.has(team.id) ? `team ${team.id} is listed twice` : null);
      if (problem) {
        this.skip(file, problem);
        continue;
      }
      const rac = racAtExport(team.expavgCredit, team.expavgTime, this.exportTime);
      this.teams.set(team.id, { totalCredit: team.totalCredit, rac, members: 0 });
      pushTeamRow(values, this.dialect, team, this.updatedAtLiteral);
      this.counts.teams++;
      if (values.length >= BATCH * TEAM_TABLE.columns.length) await flush();
    }
    await flush();
    this.addReaderSkips(file, reader);
  }

  private async importUsers(hasEarlierImport: boolean, anyUserStored: boolean): Promise<void> {
    const file = this.source.names.users;
    const reader = this.source.users();
    const context = {
      client: this.tx,
      dialect: this.dialect,
      mode: this.counts.mode ?? "current",
      exportTimeValue: this.exportTimeValue,
      exportTimeLiteral: this.exportTimeLiteral,
      updatedAtLiteral: this.updatedAtLiteral,
      hasEarlierImport,
      anyUserStored,
      loggedTeamChanges: new Set(this.teamChanges.map((c) => c.userId)),
    };
    let batch: UserToStore[] = [];
    const flush = async () => {
      const written = await storeUserBatch(context, batch);
      this.counts.userSnapshots += written.userSnapshots;
      this.counts.teamDeltas += written.teamDeltas;
      batch = [];
      this.progress("users");
    };
    for await (const user of reader) {
      const problem = userProblem(user) ?? (this.users.add(user.id) ? null : `user ${user.id} is listed twice`);
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
      const rac = racAtExport(user.expavgCredit, user.expavgTime, this.exportTime);
      batch.push({ record: user, teamId, rac });
      this.totals.addUser(user.country, user.totalCredit, rac);
      this.counts.users++;
      this.creditSum += user.totalCredit;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    this.addReaderSkips(file, reader);
  }

  /**
   * host.gz, when the export has it. A host's owner is kept only when that user is in this export
   * (BOINC names the owner only of volunteers who show their computers; a user without credit is
   * not exported). An older export only adds hosts never seen.
   */
  private async importHosts(): Promise<void> {
    const file = this.source.names.hosts;
    const reader = this.source.hosts();
    if (!reader) return;
    const seen = new IdSet();
    let values: unknown[] = [];
    const flush = async () => {
      await insertRows(this.tx, this.dialect, HOST_TABLE, values, this.counts.mode === "current" ? "update" : "ignore");
      values = [];
      this.progress("hosts");
    };
    for await (const host of reader) {
      const problem = hostProblem(host) ?? (seen.add(host.id) ? null : `host ${host.id} is listed twice`);
      if (problem) {
        this.skip(file, problem);
        continue;
      }
      const owner = host.userId !== null && this.users.has(host.userId) ? host.userId : null;
      pushHostRow(values, this.dialect, host, owner, this.updatedAtLiteral);
      this.counts.hosts++;
      if (values.length >= BATCH * HOST_TABLE.columns.length) await flush();
    }
    await flush();
    this.addReaderSkips(file, reader);
  }

  /** BOINC's team_delta rows of users and teams this import has (the others cannot be stored). */
  private async writeLoggedTeamChanges(): Promise<void> {
    const values: unknown[] = [];
    for (const c of this.teamChanges) {
      if (!this.users.has(c.userId) || !this.teams.has(c.teamId)) continue;
      values.push(c.userId, c.teamId, this.dialect.dateTimeLiteral(new Date(c.time * 1000)), c.joining, c.totalCredit);
    }
    this.counts.teamDeltas += await insertRows(this.tx, this.dialect, TEAM_DELTA_TABLE, values, "ignore");
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

  private get maxExamples(): number {
    return this.options.maxSkipExamples ?? 5;
  }

  private skip(file: string, reason: string): void {
    this.counts.skipped++;
    if (this.counts.skipReasons.length < this.maxExamples) this.counts.skipReasons.push(`${file}: ${reason}`);
  }

  private addReaderSkips(file: string, reader: RecordSource<unknown>): void {
    const { skipped, texts } = reader;
    this.counts.textsRepaired += texts.repaired;
    this.counts.textsKeptLatin1 += texts.latin1;
    for (const example of texts.latin1Examples)
      if (this.counts.latin1Examples.length < this.maxExamples) this.counts.latin1Examples.push(`${file}: ${example}`);
    this.counts.skipped += skipped.count;
    for (const example of skipped.examples) {
      if (this.counts.skipReasons.length < this.maxExamples)
        this.counts.skipReasons.push(`${file}:${example.line}: ${example.reason}`);
    }
  }

  private progress(phase: StatsImportProgress["phase"]): void {
    const records = { teams: this.counts.teams, users: this.counts.users, hosts: this.counts.hosts }[phase];
    const { done, total } = this.source.position(phase);
    this.options.onProgress?.({ phase, records, done, total });
  }
}

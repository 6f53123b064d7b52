/**
 * One import: `stream` writes teams, then users (in batches: user rows, snapshots, team deltas),
 * then hosts, then team snapshots into its target (./import-target.ts); `finish`, in the committing
 * transaction, the member counts, the country totals, and the StatsExport row's counts and totals.
 */
import type { Db } from "@/lib/db/client";
import type { BoincTables } from "@/lib/ingest/boinc-stats";
import {
  HOST_TABLE,
  TEAM_DELTA_TABLE,
  TEAM_SNAPSHOT_TABLE,
  TEAM_TABLE,
  USER_SNAPSHOT_TABLE,
  hostProblem,
  pushHostRow,
  pushTeamRow,
  racAtExport,
  teamProblem,
  userProblem,
} from "./credit-rows";
import { ExportTotals, updateTeamMemberCounts } from "./export-totals";
import { IdSet } from "./id-set";
import type { ImportTarget } from "./import-target";
import type { CreditSource, ImportCounts, ReadPhase, RecordSource, StatsImportOptions, TeamChangeRow } from "./types";
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
  /** The newest export stored when the import began (ms), which decided its mode. */
  private newestBefore: number | null = null;
  private recordId: number | null = null;
  private readonly exportDate: Date;

  /** `db` reads what is stored; `target` takes the streamed rows. */
  constructor(
    private readonly db: Db,
    private readonly target: ImportTarget,
    private readonly dialect: SqlDialect,
    private readonly source: CreditSource,
    tables: BoincTables,
    private readonly options: StatsImportOptions,
  ) {
    this.exportTime = tables.updateTime;
    this.exportDate = new Date(tables.updateTime * 1000);
    this.tables = tables;
    this.now = options.now ?? new Date();
    this.exportTimeValue = dialect.dateTime(new Date(tables.updateTime * 1000));
    this.exportTimeLiteral = dialect.dateTimeLiteral(new Date(tables.updateTime * 1000));
    this.updatedAtLiteral = dialect.dateTimeLiteral(this.now);
  }

  /**
   * Reads what is stored and streams the export's rows into the target. In a direct import `claim`
   * is the transaction: the StatsExport row is created first, so a concurrent import of the same
   * export fails on the unique time at once.
   */
  async stream(claim?: Db): Promise<void> {
    const newest = await this.db.statsExport.findFirst({
      orderBy: { exportTime: "desc" },
      select: { exportTime: true },
    });
    this.newestBefore = newest?.exportTime.getTime() ?? null;
    this.counts.mode = newest && newest.exportTime > this.exportDate ? "history" : "current";
    if (claim) this.recordId = (await claim.statsExport.create({ data: this.recordData() })).id;
    // Into an empty user table (a first import) nothing can have changed: no lookups needed.
    const anyUserStored = (await this.db.boincUser.findFirst({ select: { id: true } })) !== null;
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
  }

  /**
   * The rest, inside the transaction that commits the import: team member counts, the country
   * totals and the StatsExport row. `staged`: the rows the swap wrote per table, which are the
   * counts (staging itself counts nothing).
   */
  async finish(tx: Db, staged?: Map<string, number>): Promise<ImportCounts> {
    if (staged) {
      this.counts.userSnapshots = staged.get(USER_SNAPSHOT_TABLE.table) ?? 0;
      this.counts.teamSnapshots = staged.get(TEAM_SNAPSHOT_TABLE.table) ?? 0;
      this.counts.teamDeltas = staged.get(TEAM_DELTA_TABLE.table) ?? 0;
      // History or present was decided against the newest export when the import began.
      const newest = await tx.statsExport.findFirst({ orderBy: { exportTime: "desc" }, select: { exportTime: true } });
      if ((newest?.exportTime.getTime() ?? null) !== this.newestBefore)
        throw new Error(
          "another statistics import was committed while this one ran: nothing was changed, run it again",
        );
    }
    if (this.counts.mode === "current") {
      await updateTeamMemberCounts(tx, this.exportTimeLiteral);
      await this.totals.writeCountries(tx, this.dialect, this.updatedAtLiteral);
    }
    const data = {
      ...this.recordData(),
      userCount: this.counts.users,
      teamCount: this.counts.teams,
      skipped: this.counts.skipped,
      // BOINC's own totals (all users, before the consent filter) when the export gives them.
      totalCredit: this.tables.totalCredit > 0 ? this.tables.totalCredit : this.creditSum,
      registeredUsers: Math.max(this.tables.nusersTotal, this.counts.users),
      activeUsers: this.totals.activeUsers,
      totalRac: this.totals.totalRac,
      hostCount: this.counts.hosts || this.tables.nhostsTotal,
    };
    if (this.recordId === null) await tx.statsExport.create({ data });
    else await tx.statsExport.update({ where: { id: this.recordId }, data });
    return this.counts;
  }

  private recordData() {
    return { exportTime: this.exportDate, importedAt: this.now, source: this.source.location };
  }

  private async importTeams(): Promise<void> {
    const file = this.source.names.teams;
    const reader = this.source.teams();
    let values: unknown[] = [];
    const flush = async () => {
      await this.target.write(TEAM_TABLE, values, this.counts.mode === "current" ? "update" : "ignore");
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
      target: this.target,
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
      await this.target.write(HOST_TABLE, values, this.counts.mode === "current" ? "update" : "ignore");
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
    this.counts.teamDeltas += await this.target.write(TEAM_DELTA_TABLE, values, "ignore");
  }

  private async writeTeamSnapshots(): Promise<void> {
    let values: unknown[] = [];
    for (const [id, team] of this.teams) {
      values.push(id, this.exportTimeLiteral, team.totalCredit, team.rac, team.members);
      if (values.length >= 10 * BATCH * TEAM_SNAPSHOT_TABLE.columns.length) {
        this.counts.teamSnapshots += await this.target.write(TEAM_SNAPSHOT_TABLE, values, "ignore");
        values = [];
      }
    }
    this.counts.teamSnapshots += await this.target.write(TEAM_SNAPSHOT_TABLE, values, "ignore");
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

  private progress(phase: ReadPhase): void {
    const records = { teams: this.counts.teams, users: this.counts.users, hosts: this.counts.hosts }[phase];
    const { done, total } = this.source.position(phase);
    this.options.onProgress?.({ phase, records, done, total });
  }
}

/**
 * A survey at the scale the volunteer pages must stand (by default 100,000 volunteers, 5,000 teams,
 * 100 daily exports, 1,000 galaxies), bulk-inserted straight into the tables the statistics import
 * and the ingest fill — the same rows they would write, in a minute rather than an hour: users and
 * teams with their newest values, a user snapshot whenever credit or team changed, a team snapshot
 * per export, team deltas, export totals, country totals, per-galaxy contributions, and portal
 * accounts of which some hide from lists. Trophies are left to the award run being measured.
 * Used by bench/credit-pages.bench.ts; later benches extend it.
 */
import { racOrder } from "@/lib/credit/rac";
import type { Db } from "@/lib/db/client";
import { BulkInsert } from "./bulk-insert";
import { drawPopulation, simulateDays, teamOf } from "./scale-population";
import { writeContributions, writeCountryTotals } from "./scale-contributions";
import { writeHistory } from "./scale-history";
import { inTransaction, withFastSqliteWrites } from "./scale-sqlite";

export interface ScaleSurveyOptions {
  users?: number;
  teams?: number;
  /** daily exports */
  days?: number;
  galaxies?: number;
  /** time of the newest export */
  end?: Date;
  seed?: string;
  /** share of volunteers with a portal account, and of those the share hidden from lists */
  accounts?: number;
  hidden?: number;
  onProgress?: Progress;
}

type Progress = (phase: string, done: number, total: number) => void;

export interface ScaleSurvey {
  users: number;
  teams: number;
  exportTimes: Date[];
  userSnapshots: number;
  teamSnapshots: number;
  galaxyUsers: number;
  hiddenUserIds: number[];
}

export function buildScaleSurvey(db: Db, options: ScaleSurveyOptions = {}): Promise<ScaleSurvey> {
  return withFastSqliteWrites(db, () => writeScaleSurvey(db, options));
}

async function writeScaleSurvey(db: Db, options: ScaleSurveyOptions): Promise<ScaleSurvey> {
  const o = { users: 100_000, teams: 5_000, days: 100, galaxies: 1_000, seed: "scale", accounts: 0.02, hidden: 0.1 };
  Object.assign(o, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  const end = Math.floor((options.end ?? new Date("2026-11-23T00:00:00Z")).getTime() / 1000);
  const exportTimes = Array.from({ length: o.days }, (_, d) => end - (o.days - 1 - d) * 86_400);
  const progress = options.onProgress ?? (() => {});
  const pop = drawPopulation(o.seed, o.users, o.teams, exportTimes);
  const final = await simulateDays(pop, o.seed, () => {});
  const date = (t: number) => new Date(t * 1000);
  const newest = date(end);

  const memberCount = new Map<number, number>();
  for (const u of pop.users) {
    const t = teamOf(u, end);
    if (final.users.present[u.id - 1] && t !== null) memberCount.set(t, (memberCount.get(t) ?? 0) + 1);
  }
  const teams = new BulkInsert(db, "team", TEAM_COLUMNS);
  for (const t of pop.teams) {
    const s = final.teams;
    const k = t.id - 1;
    const founder = pop.users[t.founderId - 1].name;
    const values = [t.id, t.name, t.type, t.founderId, founder, t.country ?? "", `Team ${t.name}.`, date(t.createTime)];
    const rac = [s.rac[k], s.racTime[k], racOrder(s.rac[k], s.racTime[k])];
    teams.add(...values, s.total[k], ...rac, memberCount.get(t.id) ?? 0, newest);
  }
  // Every volunteer, with or without credit yet (results can arrive before the statistics).
  const users = new BulkInsert(db, "boinc_user", USER_COLUMNS);
  for (const u of pop.users) {
    const s = final.users;
    const k = u.id - 1;
    const values = [u.id, u.name, u.country ?? "", date(u.createTime), s.total[k], s.rac[k], s.racTime[k]];
    users.add(...values, racOrder(s.rac[k], s.racTime[k]), teamOf(u, end), newest);
  }
  await inTransaction(db, async (tx) => {
    await teams.flush(tx);
    await users.flush(tx);
  });

  const history = await writeHistory(db, pop, o.seed, progress);
  let galaxyUsers = 0;
  let hiddenUserIds: number[] = [];
  await inTransaction(db, async (tx) => {
    await writeCountryTotals(tx, pop, final, end);
    galaxyUsers = await writeContributions(tx, pop, final, o.galaxies, newest);
    hiddenUserIds = await writeAccounts(tx, pop.users.length, o.accounts, o.hidden);
  });
  return {
    users: pop.users.length,
    teams: pop.teams.length,
    exportTimes: exportTimes.map(date),
    ...history,
    galaxyUsers,
    hiddenUserIds,
  };
}

const TEAM_COLUMNS = [
  ...["id", "name", "type", "founder_id", "founder_name", "country", "description", "create_time"],
  ...["total_credit", "expavg_credit", "expavg_time", "rac_order", "member_count", "updated_at"],
];
const USER_COLUMNS = [
  ...["id", "name", "country", "create_time", "total_credit", "expavg_credit", "expavg_time", "rac_order"],
  ...["team_id", "updated_at"],
];

/** Portal accounts for a share of the volunteers; a share of those hide from public lists. */
async function writeAccounts(db: Db, users: number, share: number, hiddenShare: number): Promise<number[]> {
  const accounts = new BulkInsert(db, "account", [
    "email",
    "name",
    "password_hash",
    "role",
    "boinc_user_id",
    "hide_from_lists",
  ]);
  const hidden: number[] = [];
  const every = Math.max(1, Math.round(1 / share));
  const hideEvery = Math.max(1, Math.round(1 / hiddenShare));
  for (let id = 7, k = 0; id <= users; id += every, k++) {
    const hide = k % hideEvery === 0;
    if (hide) hidden.push(id);
    // Not a real password hash: nobody signs in to the scale survey.
    accounts.add(`scale-${id}@example.org`, `volunteer ${id}`, "-", "volunteer", id, hide);
  }
  await accounts.flush();
  return hidden;
}

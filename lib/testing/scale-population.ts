/**
 * The volunteers and teams of the scale survey (scale-survey.ts) and their days of credit: drawn
 * from a seed, with BOINC's semantics (RAC by update_average at each grant, team credit only while
 * a member), fast enough for a million user-days a second. `simulateDays` is deterministic, so the
 * survey runs it twice: once for the final values (users are written before their snapshots, which
 * reference them), once to write the history.
 */
import { Rng } from "@/lib/demo/random";
import { teamName, uniqueName, userName } from "@/lib/demo/volunteers/names";
import { COUNTRY_WEIGHTS } from "@/lib/demo/volunteers/word-lists";
import { CreditLedger } from "./scale-ledger";

const DAY = 86_400;

export interface ScaleUser {
  id: number;
  name: string;
  country: string | null;
  createTime: number;
  creditPerDay: number;
  /** chance of a grant on a day while active (until activeUntil: most veterans have long stopped) */
  activity: number;
  activeUntil: number;
  team: number | null;
  /** a second team from this time on (1 % of volunteers move) */
  moveAt: number;
  moveTo: number | null;
}

export interface ScaleTeam {
  id: number;
  name: string;
  type: number;
  country: string | null;
  createTime: number;
  founderId: number;
}

export interface ScalePopulation {
  users: ScaleUser[];
  teams: ScaleTeam[];
  /** export times (Unix seconds), one a day, oldest first */
  exportTimes: number[];
}

export function drawPopulation(seed: string, users: number, teams: number, exportTimes: number[]): ScalePopulation {
  const r = Rng.fromSeed(`scale:${seed}`);
  const start = exportTimes[0];
  const end = exportTimes[exportTimes.length - 1];
  const countries = COUNTRY_WEIGHTS.map((c) => c[0]);
  const countryWeights = COUNTRY_WEIGHTS.map((c) => c[1]);
  const teamNames = new Set<string>();
  const teamList: ScaleTeam[] = Array.from({ length: teams }, (_, k) => {
    const type = 1 + r.int(0, 12);
    const country = r.bool(0.6) ? r.weightedChoice(countries, countryWeights) : null;
    const name = uniqueName(teamName(r, type, country), teamNames);
    return { id: k + 1, name, type, country, createTime: start - r.int(30, 3000) * DAY, founderId: 0 };
  });
  // Team sizes are heavy-tailed: the largest teams hold a thousand or two, most teams a handful
  // (Pareto, α = 1.5: with 5,000 teams the largest holds about 2 % of the volunteers).
  const cumulative = new Float64Array(teams);
  let sum = 0;
  for (let k = 0; k < teams; k++) cumulative[k] = sum += r.pareto(1, 1.5);
  const pickTeam = () => 1 + lowerBound(cumulative, r.next() * sum);
  const userNames = new Set<string>();
  const userList: ScaleUser[] = Array.from({ length: users }, (_, k) => {
    const country = r.weightedChoice(countries, countryWeights);
    const veteran = r.bool(0.6);
    const createTime = veteran ? start - r.int(1, 1800) * DAY - r.int(0, DAY) : r.int(start, end);
    const team = r.bool(0.65) ? pickTeam() : null;
    const moves = r.bool(0.01);
    return {
      id: k + 1,
      name: uniqueName(userName(r, country), userNames),
      country,
      createTime,
      creditPerDay: Math.min(200_000, r.lognormal(Math.log(150), 1.5)),
      activity: r.uniform(0.2, 1),
      activeUntil: veteran && r.bool(0.55) ? start : r.bool(0.35) ? r.int(Math.max(start, createTime), end) : end,
      team,
      moveAt: moves ? r.int(start, end) : Infinity,
      moveTo: moves ? pickTeam() : null,
    };
  });
  for (const t of teamList) t.founderId = 1 + r.int(0, users);
  return { users: userList, teams: teamList, exportTimes };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function teamOf(u: ScaleUser, time: number): number | null {
  return time >= u.moveAt ? u.moveTo : u.team;
}

/** What a day's export holds, given to `onExport` after the day's grants. */
export interface ExportDay {
  index: number;
  time: number;
  users: CreditLedger;
  teams: CreditLedger;
}

/**
 * Grants a day's credit before each export: a volunteer active that day gets about their daily
 * rate at a random moment of it, and their team the same at noon. Veterans start with the credit
 * of their months before the first export.
 */
export async function simulateDays(
  pop: ScalePopulation,
  seed: string,
  onExport: (day: ExportDay) => Promise<void> | void,
): Promise<ExportDay> {
  const r = Rng.fromSeed(`scale-days:${seed}`);
  const start = pop.exportTimes[0];
  const users = new CreditLedger(pop.users.length);
  const teams = new CreditLedger(pop.teams.length);
  for (const u of pop.users) {
    if (u.createTime >= start - DAY) continue;
    const k = u.id - 1;
    const days = Math.min(400, (start - u.createTime) / DAY);
    const rac = u.creditPerDay * u.activity * (1 - 2 ** (-days / 7));
    users.set(k, u.creditPerDay * u.activity * days * r.uniform(0.3, 1), rac, start - r.int(0, DAY));
    const t = teamOf(u, start);
    if (t === null) continue;
    teams.set(t - 1, teams.total[t - 1] + users.total[k] * 0.8, teams.rac[t - 1] + rac, start - DAY);
  }
  let day: ExportDay = { index: 0, time: start, users, teams };
  const teamCredit = new Float64Array(pop.teams.length);
  for (const [index, time] of pop.exportTimes.entries()) {
    teamCredit.fill(0);
    for (const u of index === 0 ? [] : pop.users) {
      if (u.createTime > time || time > u.activeUntil || r.next() >= u.activity) continue;
      const credit = u.creditPerDay * r.uniform(0.5, 1.5);
      const at = Math.max(u.createTime, time - r.int(1, DAY));
      users.grant(u.id - 1, at, credit, u.createTime);
      const t = teamOf(u, at);
      if (t !== null) teamCredit[t - 1] += credit;
    }
    for (const [k, credit] of teamCredit.entries())
      if (credit > 0) teams.grant(k, time - DAY / 2, credit, pop.teams[k].createTime);
    day = { index, time, users, teams };
    await onExport(day);
  }
  return day;
}

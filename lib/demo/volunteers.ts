// Simulated BOINC volunteers, teams and challenges of the demo survey (BOINC_FACTS §1, §8), and
// a schedule of who processed which work unit when, with BOINC credit semantics:
//   - every work unit is sent to two different users (quorum 2); credit is granted to both when
//     the second result comes back (validation), credit = pixels × cobblestone factor each;
//   - throughput (credits/day) is heavy-tailed (lognormal), so a few users do most of the work;
//   - users join over the weeks (a launch wave), some go idle; they join, switch and leave teams;
//     a team earns only what members earn while they belong to it (use `teamAt`).
// All times are unix seconds (UTC). Users and teams depend only on the seed and the options,
// never on the work units, so adding galaxies does not change the volunteers.
import { COUNTRY_WEIGHTS, HANDLE_WORDS, TEAM_TYPE_WEIGHTS, TEAM_WORDS, namesFor } from "./volunteer-names";
import { Rng, toRng, type DemoSeed } from "./random";

export const DAY = 86_400;
export const WEEK = 7 * DAY;

export interface DemoUser {
  /** BOINC user id (1-based, in creation order). */
  readonly id: number;
  /** Unique in the demo. */
  readonly name: string;
  /** BOINC country name, or null (none given). */
  readonly country: string | null;
  readonly createTime: number;
  /** Sustained throughput while active, credits/day, before the schedule's capacity scaling. */
  readonly creditPerDay: number;
  /** First host attached and working. */
  readonly activeFrom: number;
  /** Stops processing (goes idle) at this time; may lie after the simulated period. */
  readonly activeUntil: number;
  readonly url: string | null;
  readonly hasProfile: boolean;
  /** Invented address at example.org (for the exported cpid = md5(cross_project_id + email)). */
  readonly emailAddr: string;
  /** 32 hex digits. */
  readonly crossProjectId: string;
  readonly authenticator: string;
}

export interface DemoTeam {
  readonly id: number;
  readonly name: string;
  /** BOINC team type 1–12 (1 Other, 2 Company, …, 9 National, …, 12 Social/political/religious). */
  readonly type: number;
  /** Founder's user id; the founder is a member from the team's creation. */
  readonly founderId: number;
  readonly createTime: number;
  readonly country: string | null;
  readonly url: string | null;
  readonly description: string;
}

export interface TeamChange {
  readonly time: number;
  readonly userId: number;
  /** null = no team. */
  readonly fromTeam: number | null;
  readonly toTeam: number | null;
}

export interface DemoChallenge {
  readonly name: string;
  readonly description: string;
  /** Window [start, end), 00:00 UTC boundaries. */
  readonly start: number;
  readonly end: number;
  readonly teamIds: readonly number[];
}

export interface VolunteerPopulation {
  /** Simulated period [start, end). */
  readonly start: number;
  readonly end: number;
  readonly users: readonly DemoUser[];
  readonly teams: readonly DemoTeam[];
  /** Every membership change, including first joins (from null), sorted by time then user. */
  readonly teamChanges: readonly TeamChange[];
  readonly challenges: readonly DemoChallenge[];
}

export interface VolunteerOptions {
  /** Number of users (default 200). */
  readonly users?: number;
  /** Start of the simulated period (default 2013-07-01T00:00:00Z). Date, ISO string or unix seconds. */
  readonly start?: Date | string | number;
  /** Length of the simulated period, weeks (default 8). */
  readonly weeks?: number;
  /** Teams per user (default 1/15). */
  readonly teamsPerUser?: number;
}

export const DEFAULT_START = Date.UTC(2013, 6, 1) / 1000;

export function toUnixSeconds(t: Date | string | number): number {
  if (typeof t === "number") return t;
  const ms = typeof t === "string" ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`not a time: ${String(t)}`);
  return Math.floor(ms / 1000);
}

const hex32 = (rng: Rng) => Array.from({ length: 4 }, () => rng.nextUint32().toString(16).padStart(8, "0")).join("");

export function drawVolunteers(seed: DemoSeed | Rng, options: VolunteerOptions = {}): VolunteerPopulation {
  const root = toRng(seed).child("volunteers");
  const nUsers = options.users ?? 200;
  const start = toUnixSeconds(options.start ?? DEFAULT_START);
  const weeks = options.weeks ?? 8;
  const end = start + weeks * WEEK;

  // Users, in creation order: ~30 % veterans from before the period, then a launch wave.
  const drafts = Array.from({ length: nUsers }, (_, k) => {
    const r = root.child("user", k);
    const createTime = r.bool(0.3)
      ? start - Math.round(r.uniform(1, 400) * DAY)
      : start + Math.round(Math.pow(r.next(), 1.8) * (end - start - DAY));
    return { r, createTime };
  }).sort((a, b) => a.createTime - b.createTime || a.r.key[0] - b.r.key[0]);

  const usedNames = new Set<string>();
  const users: DemoUser[] = drafts.map(({ r, createTime }, k) => {
    const country = r.child("country").weightedChoice(
      COUNTRY_WEIGHTS.map((c) => c[0]),
      COUNTRY_WEIGHTS.map((c) => c[1]),
    );
    const name = uniqueName(userName(r.child("name"), country), usedNames);
    const activeFrom = createTime + Math.round(r.uniform(0, 2) * 3600);
    const idle = r.child("idle");
    const activeUntil = idle.bool(0.35)
      ? activeFrom + Math.round(idle.exponential(1 / (3 * WEEK))) + DAY
      : end + Math.round(idle.uniform(1, 400) * DAY);
    const ids = r.child("ids");
    const slug =
      name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z0-9]+/g, ".")
        .replace(/^\.|\.$/g, "") || `user${k + 1}`;
    return {
      id: k + 1,
      name,
      country,
      createTime,
      creditPerDay: Math.min(200_000, Math.max(5, r.child("throughput").lognormal(Math.log(150), 1.5))),
      activeFrom,
      activeUntil,
      url: r.bool(0.08) ? `https://www.example.org/~${slug}` : null,
      hasProfile: r.bool(0.12),
      emailAddr: `${slug}.${k + 1}@example.org`,
      crossProjectId: hex32(ids),
      authenticator: hex32(ids),
    };
  });

  // Teams: a founder each (any user; the team is created soon after the founder's account).
  const teamRng = root.child("teams");
  const nTeams = Math.max(2, Math.round(nUsers * (options.teamsPerUser ?? 1 / 15)));
  const founders = teamRng
    .child("founders")
    .sample(users, nTeams)
    .sort((a, b) => a.createTime - b.createTime || a.id - b.id);
  const usedTeamNames = new Set<string>();
  const teams: DemoTeam[] = founders.map((f, k) => {
    const r = teamRng.child("team", k);
    const type = r.weightedChoice(
      TEAM_TYPE_WEIGHTS.map((t) => t[0]),
      TEAM_TYPE_WEIGHTS.map((t) => t[1]),
    );
    const country = type === 9 && !f.country ? "International" : f.country;
    const name = uniqueName(teamName(r.child("name"), type, country), usedTeamNames);
    return {
      id: k + 1,
      name,
      type,
      founderId: f.id,
      createTime: Math.min(end - DAY, f.createTime + Math.round(r.uniform(0.1, 3) * DAY)),
      country: type === 9 || r.bool(0.7) ? country : "International",
      url: r.bool(0.4)
        ? `https://www.example.org/teams/${name
            .toLowerCase()
            .normalize("NFD")
            .replace(/[^a-z0-9]+/g, "-")}`
        : null,
      description: teamDescription(type, name),
    };
  });
  // Popularity: heavy-tailed, so a few big teams and many small ones.
  const popularity = teams.map((_, k) => teamRng.child("popularity", k).pareto(1, 1.1));

  const changes: TeamChange[] = [];
  const founderOf = new Map(teams.map((t) => [t.founderId, t]));
  const memberRng = root.child("membership");
  for (const u of users) {
    const r = memberRng.child(u.id);
    const founded = founderOf.get(u.id);
    let team: number | null = null;
    let since = u.createTime;
    if (founded) {
      team = founded.id;
      since = founded.createTime;
      changes.push({ time: since, userId: u.id, fromTeam: null, toTeam: team });
    } else if (r.bool(0.55)) {
      const at = u.createTime + Math.round(r.exponential(1 / (5 * DAY)));
      const open = teams.filter((t) => t.createTime <= at);
      if (open.length > 0 && at < end) {
        team = r.weightedChoice(
          open.map((t) => t.id),
          open.map((t) => popularity[t.id - 1]),
        );
        since = at;
        changes.push({ time: at, userId: u.id, fromTeam: null, toTeam: team });
      }
    }
    // Later during the period: switch, leave, or (if teamless) join.
    const later = Math.max(since, start) + Math.round(r.uniform(0.1, 1) * Math.max(0, end - Math.max(since, start)));
    if (later < end && !founded) {
      const open = teams.filter((t) => t.createTime <= later && t.id !== team);
      const roll = r.next();
      if (team !== null && roll < 0.12 && open.length > 0) {
        const to = r.weightedChoice(
          open.map((t) => t.id),
          open.map((t) => popularity[t.id - 1]),
        );
        changes.push({ time: later, userId: u.id, fromTeam: team, toTeam: to });
        team = to;
      } else if (team !== null && roll < 0.18) {
        changes.push({ time: later, userId: u.id, fromTeam: team, toTeam: null });
        team = null;
      } else if (team === null && roll < 0.1 && open.length > 0) {
        const to = r.weightedChoice(
          open.map((t) => t.id),
          open.map((t) => popularity[t.id - 1]),
        );
        changes.push({ time: later, userId: u.id, fromTeam: null, toTeam: to });
        team = to;
      }
    }
  }
  changes.sort((a, b) => a.time - b.time || a.userId - b.userId);

  const challenges = drawChallenges(root.child("challenges"), teams, popularity, start, end);
  return { start, end, users, teams, teamChanges: changes, challenges };
}

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let k = 2; used.has(out); k++) out = `${name} ${k}`;
  used.add(out);
  return out;
}

function userName(r: Rng, country: string | null): string {
  const names = namesFor(country);
  const style = r.weightedIndex([30, 12, 25, 12, 8, 6, 7]);
  switch (style) {
    case 0:
      return `${r.choice(names.first)} ${r.choice(names.last)}`;
    case 1:
      return `${r.choice(names.first)[0]}. ${r.choice(names.last)}`;
    case 2:
      return `${r.choice(HANDLE_WORDS.adjective)}${r.choice(HANDLE_WORDS.noun)}${r.bool(0.6) ? r.int(1, 1000) : ""}`;
    case 3:
      return `${r.choice(HANDLE_WORDS.astro)}${r.choice(["", "_", "-"])}${r.int(1, 100)}`;
    case 4:
      return `${r.choice(names.first).toLowerCase()}${r.int(60, 100)}`;
    case 5:
      return `${r.choice(HANDLE_WORDS.astro)} ${r.choice(HANDLE_WORDS.noun)}`;
    default:
      return `${r.choice(names.first)}${r.choice(names.last)}`;
  }
}

const DEMONYM: Record<string, string> = {
  "United States": "American",
  Germany: "German",
  "United Kingdom": "British",
  Australia: "Aussie",
  France: "French",
  Russia: "Russian",
  Japan: "Japanese",
  Canada: "Canadian",
  Netherlands: "Dutch",
  Italy: "Italian",
  Poland: "Polish",
  Spain: "Spanish",
  "Czech Republic": "Czech",
  China: "Chinese",
  Brazil: "Brazilian",
  Sweden: "Swedish",
  Belgium: "Belgian",
  Austria: "Austrian",
  Switzerland: "Swiss",
  Finland: "Finnish",
};

function teamName(r: Rng, type: number, country: string | null): string {
  const place = r.choice(TEAM_WORDS.place);
  const c = country && country !== "International" ? country : null;
  switch (type) {
    case 9:
      return c
        ? r.choice([
            `BOINC@${c.replace(/[ ,]+/g, "")}`,
            `${c} National Team`,
            `Team ${c}`,
            `${DEMONYM[c] ?? c} ${r.choice(TEAM_WORDS.noun)}`,
          ])
        : `International ${r.choice(TEAM_WORDS.noun)}`;
    case 10:
      return r.choice([`${place} BOINC`, `${place} Astronomy Club`, `${place} ${r.choice(TEAM_WORDS.noun)}`]);
    case 6:
      return r.choice([
        `University of ${place} Astrophysics`,
        `${place} Uni Physics`,
        `${place} Institute of Technology`,
      ]);
    case 3:
    case 4:
    case 5:
      return r.choice([`${place} High School Science`, `${place} College Computing`, `${place} Grammar Astronomy`]);
    case 2:
      return `${r.choice(HANDLE_WORDS.astro)} ${r.choice(TEAM_WORDS.company)}`;
    case 7:
      return `${place} ${r.choice(["Observatory", "Space Agency Staff", "Met Office Volunteers"])}`;
    case 8:
      return `${r.choice(TEAM_WORDS.cause)} ${place}`;
    case 11:
      return r.choice(TEAM_WORDS.hardware);
    case 12:
      return `${r.choice(["Friends of", "Society for", "Fellowship of"])} ${r.choice(HANDLE_WORDS.astro)}`;
    default:
      return r.choice([
        `${r.choice(TEAM_WORDS.adjective)} ${r.choice(TEAM_WORDS.noun)}`,
        `The ${r.choice(HANDLE_WORDS.astro)} ${r.choice(TEAM_WORDS.noun)}`,
      ]);
  }
}

function teamDescription(type: number, name: string): string {
  const kind = [
    "",
    "everyone",
    "a company team",
    "a primary school",
    "a secondary school",
    "a junior college",
    "a university group",
    "a government agency",
    "a non-profit",
    "a national team",
    "a local team",
    "a hardware team",
    "a community team",
  ][type];
  return `${name}: ${kind} crunching galaxies for theSkyNet POGS.`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function drawChallenges(
  r: Rng,
  teams: readonly DemoTeam[],
  popularity: readonly number[],
  start: number,
  end: number,
): DemoChallenge[] {
  const byPopularity = teams.slice().sort((a, b) => popularity[b.id - 1] - popularity[a.id - 1] || a.id - b.id);
  const midnight = (t: number) => Math.floor(t / DAY) * DAY;
  // One finished two-week challenge early in the period, one three-week challenge still running at its end.
  const aStart = midnight(start + Math.round(r.uniform(0.1, 0.3) * (end - start)));
  const bStart = midnight(end - Math.round(r.uniform(8, 12)) * DAY);
  const month = (t: number) => {
    const d = new Date(t * 1000);
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  };
  // Teams that exist before the challenge starts, favouring the popular ones.
  const pick = (k: number, at: number, rr: Rng) => {
    const existing = byPopularity.filter((t) => t.createTime < at);
    return rr
      .sample(existing.slice(0, Math.min(existing.length, k + 3)), Math.min(k, existing.length))
      .map((t) => t.id)
      .sort((a, b) => a - b);
  };
  return [
    {
      name: `Pan-STARRS Galaxy Challenge ${month(aStart)}`,
      description: "Two weeks of team racing on POGS work units: credit granted in the window counts.",
      start: aStart,
      end: aStart + 14 * DAY,
      teamIds: pick(13, aStart, r.child("a")),
    },
    {
      name: `Spiral Arms Sprint ${month(bStart)}`,
      description: "Three teams, three weeks: who processes the most galaxy pixels?",
      start: bStart,
      end: bStart + 21 * DAY,
      teamIds: pick(3, bStart, r.child("b")),
    },
  ];
}

/** The team (or null) a user belongs to at a time, from the population's team changes. */
export function teamAt(pop: VolunteerPopulation, userId: number, time: number): number | null {
  let team: number | null = null;
  for (const c of pop.teamChanges) {
    if (c.time > time) break;
    if (c.userId === userId) team = c.toTeam;
  }
  return team;
}

/** A lookup for many queries: membership intervals per user. */
export function membershipIndex(pop: VolunteerPopulation): (userId: number, time: number) => number | null {
  const byUser = new Map<number, TeamChange[]>();
  for (const c of pop.teamChanges) {
    const list = byUser.get(c.userId) ?? [];
    list.push(c);
    byUser.set(c.userId, list);
  }
  return (userId, time) => {
    let team: number | null = null;
    for (const c of byUser.get(userId) ?? []) {
      if (c.time > time) break;
      team = c.toTeam;
    }
    return team;
  };
}

// ---- schedule -------------------------------------------------------------------------------

export interface WorkUnitInput {
  /** Pixels in the work unit (its area); credit = pixels × cobblestone factor. */
  readonly pixels: number;
  /** When the work unit was created (its galaxy registered), unix s; default: the period's start. */
  readonly availableAt?: number;
}

export interface CreditEvent {
  /** Validation time: when the second result arrived and credit was granted. */
  readonly time: number;
  readonly workunitIndex: number;
  /** Two distinct users; the first got the work unit first. */
  readonly userIds: readonly [number, number];
  /** Credit granted to each of the two users. */
  readonly credit: number;
  /** When each user was sent and reported the result. */
  readonly sentAt: readonly [number, number];
  readonly reportedAt: readonly [number, number];
}

export interface ScheduleOptions {
  /** Credit per pixel (default 2.5). */
  readonly cobblestoneFactor?: number;
  /**
   * Scale every user's throughput so that the expected work done in the period is this fraction
   * of all the work units (default 0.8: most galaxies processed, some still computing). null = no scaling.
   */
  readonly targetCompletedFraction?: number | null;
}

export interface Schedule {
  /** Validated work units, sorted by time (then work unit). */
  readonly events: readonly CreditEvent[];
  readonly teamChanges: readonly TeamChange[];
  /** Work units validated within the period. */
  readonly completed: number;
  /** Factor applied to every user's creditPerDay. */
  readonly capacityScale: number;
  readonly cobblestoneFactor: number;
}

/**
 * Who processes which work unit when. Each user runs one task at a time at their (scaled)
 * throughput while active; the next task goes to the oldest work unit still needing a second,
 * different user, else to the next new work unit. Deterministic in seed, population and work units.
 */
export function scheduleWork(
  seed: DemoSeed | Rng,
  pop: VolunteerPopulation,
  workUnits: readonly WorkUnitInput[],
  options: ScheduleOptions = {},
): Schedule {
  const rng = toRng(seed).child("schedule");
  const factor = options.cobblestoneFactor ?? 2.5;
  const { start, end } = pop;
  const target = options.targetCompletedFraction === undefined ? 0.8 : options.targetCompletedFraction;
  let totalCredit = 0;
  for (const w of workUnits) totalCredit += 2 * w.pixels * factor;
  let capacity = 0;
  for (const u of pop.users)
    capacity += (u.creditPerDay * Math.max(0, Math.min(end, u.activeUntil) - Math.max(start, u.activeFrom))) / DAY;
  const capacityScale = target === null || capacity <= 0 ? 1 : (target * totalCredit) / capacity;

  const avail = workUnits.map((w) => Math.max(start, w.availableAt ?? start));
  // Work units are handed out in order of availability (then index).
  const order = workUnits.map((_, i) => i).sort((a, b) => avail[a] - avail[b] || a - b);
  let nextNew = 0;
  const waiting: { wu: number; user: number; sentAt: number; reportedAt: number }[] = [];
  let waitingHead = 0;
  const events: CreditEvent[] = [];

  const heap = new MinHeap();
  const rate = new Float64Array(pop.users.length + 1);
  for (const u of pop.users) {
    rate[u.id] = (u.creditPerDay * capacityScale) / DAY; // credits per second
    const t0 = Math.max(start, u.activeFrom) + Math.round(rng.child("first", u.id).uniform(0, 3600));
    if (t0 < Math.min(end, u.activeUntil)) heap.push(t0, u.id);
  }
  const users = new Map(pop.users.map((u) => [u.id, u]));
  const jitter = rng.child("jitter");

  while (heap.size > 0) {
    const [t, uid] = heap.pop();
    const u = users.get(uid)!;
    if (t >= end || t >= u.activeUntil) continue;
    // Oldest work unit still waiting for a second, different user.
    let taken = -1;
    for (let k = waitingHead; k < Math.min(waiting.length, waitingHead + 8); k++) {
      if (waiting[k].user !== uid && avail[waiting[k].wu] <= t) {
        taken = k;
        break;
      }
    }
    let wu: number;
    let first: (typeof waiting)[number] | null = null;
    if (taken >= 0) {
      first = waiting[taken];
      wu = first.wu;
      // Remove it, keeping the others in FIFO order.
      for (let k = taken; k > waitingHead; k--) waiting[k] = waiting[k - 1];
      waitingHead++;
    } else if (nextNew < order.length && avail[order[nextNew]] <= t) {
      wu = order[nextNew++];
    } else {
      // Nothing to do now: come back when the next work unit appears (or stop).
      const nextAt = nextNew < order.length ? avail[order[nextNew]] : Infinity;
      if (nextAt < end) heap.push(Math.max(nextAt, t + 60) + Math.round(jitter.uniform(0, 1800)), uid);
      continue;
    }
    const credit = workUnits[wu].pixels * factor;
    const duration = Math.max(60, Math.round((credit / rate[uid]) * jitter.uniform(0.8, 1.25)));
    const done = t + duration;
    const reported = done + Math.round(jitter.exponential(1 / 3600));
    if (first === null) {
      waiting.push({ wu, user: uid, sentAt: t, reportedAt: reported });
    } else {
      const time = Math.max(first.reportedAt, reported) + Math.round(jitter.uniform(30, 600));
      if (time < end) {
        events.push({
          time,
          workunitIndex: wu,
          userIds: [first.user, uid],
          credit,
          sentAt: [first.sentAt, t],
          reportedAt: [first.reportedAt, reported],
        });
      }
    }
    if (done < Math.min(end, u.activeUntil)) heap.push(done, uid);
  }
  events.sort((a, b) => a.time - b.time || a.workunitIndex - b.workunitIndex);
  return { events, teamChanges: pop.teamChanges, completed: events.length, capacityScale, cobblestoneFactor: factor };
}

/** Binary min-heap of (time, id), ties broken by id for determinism. */
class MinHeap {
  private t: number[] = [];
  private id: number[] = [];
  get size(): number {
    return this.t.length;
  }
  private less(a: number, b: number): boolean {
    return this.t[a] < this.t[b] || (this.t[a] === this.t[b] && this.id[a] < this.id[b]);
  }
  private swap(a: number, b: number): void {
    [this.t[a], this.t[b]] = [this.t[b], this.t[a]];
    [this.id[a], this.id[b]] = [this.id[b], this.id[a]];
  }
  push(time: number, id: number): void {
    this.t.push(time);
    this.id.push(id);
    let i = this.t.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.t[0], this.id[0]];
    const lastT = this.t.pop()!;
    const lastId = this.id.pop()!;
    if (this.t.length > 0) {
      this.t[0] = lastT;
      this.id[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.t.length && this.less(l, m)) m = l;
        if (r < this.t.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Totals at a time: user credit, and team credit earned while a member (BOINC semantics). */
export function creditTotals(
  pop: VolunteerPopulation,
  schedule: Schedule,
  until: number,
): { users: Map<number, number>; teams: Map<number, number> } {
  const users = new Map<number, number>();
  const teams = new Map<number, number>();
  const team = membershipIndex(pop);
  for (const e of schedule.events) {
    if (e.time > until) break;
    for (const uid of e.userIds) {
      users.set(uid, (users.get(uid) ?? 0) + e.credit);
      const t = team(uid, e.time);
      if (t !== null) teams.set(t, (teams.get(t) ?? 0) + e.credit);
    }
  }
  return { users, teams };
}

// Simulated BOINC volunteers and teams of the demo survey (docs/formats.md §10): users join over
// the weeks (a launch wave), some go idle; their throughput (credits/day) is heavy-tailed
// (lognormal), so a few users do most of the work; they join, switch and leave teams, and a team
// earns only what members earn while they belong to it (use `teamAt`). Users and teams depend
// only on the seed and the options, never on the work units, so adding galaxies does not change
// the volunteers. Who processed which work unit when is the schedule's business (schedule.ts).
import { Rng, toRng, type DemoSeed } from "@/lib/demo/random";
import { DAY, DEFAULT_START, WEEK, drawChallenges, toUnixSeconds, type DemoChallenge } from "./calendar";
import { teamDescription, teamName, uniqueName, userName } from "./names";
import { nativeTeamName, nativeUserName } from "./native-script";
import { COUNTRY_WEIGHTS, TEAM_TYPE_WEIGHTS } from "./word-lists";

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
    const name = uniqueName(nativeUserName(userName(r.child("name"), country), country), usedNames);
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
    const name = uniqueName(nativeTeamName(teamName(r.child("name"), type, country)), usedTeamNames);
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

import { describe, expect, it } from "vitest";
import { DAY, WEEK } from "@/lib/demo/volunteers/calendar";
import { drawVolunteers, membershipIndex, teamAt } from "@/lib/demo/volunteers/population";
import { creditTotals, scheduleWork, type WorkUnitInput } from "@/lib/demo/volunteers/schedule";
import { COUNTRY_WEIGHTS } from "@/lib/demo/volunteers/word-lists";

const START = Date.UTC(2013, 6, 1) / 1000;
const workUnits = (n: number, start = START): WorkUnitInput[] =>
  Array.from({ length: n }, (_, i) => ({
    pixels: 16 + ((i * 7919) % 9),
    availableAt: start + Math.floor(i / 400) * DAY,
  }));

describe("simulated volunteers and teams", () => {
  const pop = drawVolunteers(42, { users: 300, start: "2013-07-01T00:00:00Z", weeks: 8 });

  it("are deterministic in the seed", () => {
    expect(JSON.stringify(drawVolunteers(42, { users: 300, start: START, weeks: 8 }))).toBe(JSON.stringify(pop));
    expect(JSON.stringify(drawVolunteers(43, { users: 300, start: START, weeks: 8 }))).not.toBe(JSON.stringify(pop));
  });

  it("have unique names, BOINC countries, ids from 1 in creation order and 32-hex identifiers", () => {
    expect(pop.start).toBe(START);
    expect(pop.end).toBe(START + 8 * WEEK);
    expect(pop.users.map((u) => u.id)).toEqual(pop.users.map((_, i) => i + 1));
    expect(new Set(pop.users.map((u) => u.name)).size).toBe(pop.users.length);
    const countries = new Set(COUNTRY_WEIGHTS.map((c) => c[0]));
    const seen = new Map<string | null, number>();
    for (let k = 0; k < pop.users.length; k++) {
      const u = pop.users[k];
      if (k > 0) expect(u.createTime).toBeGreaterThanOrEqual(pop.users[k - 1].createTime);
      expect(countries.has(u.country)).toBe(true);
      seen.set(u.country, (seen.get(u.country) ?? 0) + 1);
      expect(u.crossProjectId).toMatch(/^[0-9a-f]{32}$/);
      expect(u.authenticator).toMatch(/^[0-9a-f]{32}$/);
      expect(u.emailAddr).toMatch(/@example\.org$/);
      expect(u.activeFrom).toBeGreaterThanOrEqual(u.createTime);
      expect(u.activeUntil).toBeGreaterThan(u.activeFrom);
      expect(u.createTime).toBeLessThan(pop.end);
    }
    // The United States and Germany lead, as on BOINC projects.
    const ranked = [...seen.entries()].filter(([c]) => c !== null).sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 3).map((r) => r[0])).toEqual(expect.arrayContaining(["United States", "Germany"]));
    // Some go idle during the period, many join during it.
    expect(pop.users.filter((u) => u.activeUntil < pop.end).length).toBeGreaterThan(0.15 * pop.users.length);
    expect(pop.users.filter((u) => u.createTime >= pop.start).length).toBeGreaterThan(0.5 * pop.users.length);
  });

  it("have about N/15 teams of BOINC types 1–12, each founded by a member", () => {
    expect(pop.teams.length).toBe(20);
    expect(new Set(pop.teams.map((t) => t.name)).size).toBe(pop.teams.length);
    const team = membershipIndex(pop);
    for (const t of pop.teams) {
      expect(t.type).toBeGreaterThanOrEqual(1);
      expect(t.type).toBeLessThanOrEqual(12);
      expect(team(t.founderId, t.createTime)).toBe(t.id);
      expect(t.createTime).toBeGreaterThanOrEqual(pop.users[t.founderId - 1].createTime);
    }
    // Some big teams, many small: the biggest team has several times the median membership.
    const members = new Map<number, Set<number>>();
    for (const c of pop.teamChanges)
      if (c.toTeam !== null) members.set(c.toTeam, (members.get(c.toTeam) ?? new Set()).add(c.userId));
    const sizes = pop.teams.map((t) => members.get(t.id)?.size ?? 0).sort((a, b) => a - b);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(3 * sizes[sizes.length >> 1]);
  });

  it("record consistent team changes: joins, switches and departures", () => {
    const current = new Map<number, number | null>();
    let switches = 0;
    let leaves = 0;
    for (let k = 0; k < pop.teamChanges.length; k++) {
      const c = pop.teamChanges[k];
      if (k > 0) expect(c.time).toBeGreaterThanOrEqual(pop.teamChanges[k - 1].time);
      expect(c.fromTeam).toBe(current.get(c.userId) ?? null);
      expect(c.toTeam).not.toBe(c.fromTeam);
      if (c.toTeam !== null) expect(pop.teams[c.toTeam - 1].createTime).toBeLessThanOrEqual(c.time);
      if (c.fromTeam !== null && c.toTeam !== null) switches++;
      if (c.fromTeam !== null && c.toTeam === null) leaves++;
      current.set(c.userId, c.toTeam);
    }
    expect(switches).toBeGreaterThan(0);
    expect(leaves).toBeGreaterThan(0);
    const u = pop.teamChanges.find((c) => c.fromTeam !== null)!;
    expect(teamAt(pop, u.userId, u.time - 1)).toBe(u.fromTeam);
    expect(teamAt(pop, u.userId, u.time)).toBe(u.toTeam);
  });

  it("have two challenges overlapping the period, with teams that exist when they start", () => {
    expect(pop.challenges).toHaveLength(2);
    for (const ch of pop.challenges) {
      expect(ch.start % DAY).toBe(0);
      expect(ch.end).toBeGreaterThan(ch.start);
      expect(ch.start).toBeLessThan(pop.end);
      expect(ch.end).toBeGreaterThan(pop.start);
      expect(ch.teamIds.length).toBeGreaterThanOrEqual(2);
      for (const id of ch.teamIds) expect(pop.teams[id - 1].createTime).toBeLessThan(ch.start);
    }
    const [a, b] = pop.challenges;
    expect(a.end).toBeLessThanOrEqual(pop.end); // finished
    expect(b.end).toBeGreaterThan(pop.end); // still running at the end
  });
});

describe("work schedule", () => {
  const pop = drawVolunteers(7, { users: 250, start: START, weeks: 8 });
  const wus = workUnits(12_000);
  const schedule = scheduleWork(7, pop, wus, { cobblestoneFactor: 2.5 });

  it("is deterministic", () => {
    expect(JSON.stringify(scheduleWork(7, pop, wus, { cobblestoneFactor: 2.5 }))).toBe(JSON.stringify(schedule));
    expect(JSON.stringify(scheduleWork(8, pop, wus, { cobblestoneFactor: 2.5 }).events.slice(0, 50))).not.toBe(
      JSON.stringify(schedule.events.slice(0, 50)),
    );
  });

  it("validates each work unit once, with two distinct users, crediting pixels × factor to each", () => {
    const seen = new Set<number>();
    const active = new Map(pop.users.map((u) => [u.id, u]));
    let problems = 0;
    for (let k = 0; k < schedule.events.length; k++) {
      const e = schedule.events[k];
      if (k > 0 && e.time < schedule.events[k - 1].time) problems++;
      if (seen.has(e.workunitIndex)) problems++;
      seen.add(e.workunitIndex);
      const [a, b] = e.userIds;
      if (a === b || !active.has(a) || !active.has(b)) problems++;
      if (e.credit !== wus[e.workunitIndex].pixels * 2.5) problems++;
      if (!(e.time >= pop.start && e.time < pop.end)) problems++;
      if (!(e.time >= e.reportedAt[0] && e.time >= e.reportedAt[1])) problems++;
      if (!(
        e.sentAt[0] >= (wus[e.workunitIndex].availableAt ?? 0) && e.sentAt[1] >= (wus[e.workunitIndex].availableAt ?? 0)
      ))
        problems++;
      for (const [j, uid] of e.userIds.entries()) {
        const u = active.get(uid)!;
        if (e.sentAt[j] < u.activeFrom || e.sentAt[j] >= u.activeUntil) problems++;
      }
    }
    expect(problems).toBe(0);
    expect(schedule.completed).toBe(schedule.events.length);
  });

  it("processes most but not all of the work by default (galaxies at every stage)", () => {
    expect(schedule.completed).toBeGreaterThan(0.5 * wus.length);
    expect(schedule.completed).toBeLessThan(wus.length);
    const all = scheduleWork(7, pop, workUnits(2000), { targetCompletedFraction: 5 });
    expect(all.completed).toBe(2000);
  });

  it("has a heavy tail: the top 10 % of users earn more than half the credit", () => {
    const totals = creditTotals(pop, schedule, pop.end);
    const credits = [...totals.users.values()].sort((a, b) => b - a);
    const sum = credits.reduce((a, b) => a + b, 0);
    const top = credits.slice(0, Math.ceil(pop.users.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / sum).toBeGreaterThan(0.5);
    // Team credit only counts while a member: never more than the members' total.
    const teamSum = [...totals.teams.values()].reduce((a, b) => a + b, 0);
    expect(teamSum).toBeLessThanOrEqual(sum);
    expect(teamSum).toBeGreaterThan(0);
    expect(sum).toBeCloseTo(2 * schedule.events.reduce((a, e) => a + e.credit, 0), 6);
  });

  it("does not change the volunteers when the survey grows", () => {
    const again = drawVolunteers(7, { users: 250, start: START, weeks: 8 });
    scheduleWork(7, again, workUnits(20_000));
    expect(JSON.stringify(again)).toBe(JSON.stringify(pop));
  });
});

// Challenge scoring as a pure function of volunteers' credit histories: the window in exports,
// members joining and leaving mid-window, volunteers first seen inside it, teams added late.
import { describe, expect, it } from "vitest";
import { ChallengeTally, type CreditStep, type ScoringWindow } from "@/lib/credit/challenges/scoring";
import { reusableRacePoints } from "@/lib/credit/challenges/race";
import { racePoints, rankStandings } from "@/lib/credit/challenges/standings";
import { challengePhase, challengeWindow, teamZero } from "@/lib/credit/challenges/window";

const D = 86_400_000;
const day = (n: number) => n * D;
const snap = (d: number, credit: number, teamId: number | null): CreditStep => ({
  time: day(d),
  kind: "snapshot",
  credit,
  teamId,
});
const delta = (d: number, kind: "join" | "leave", credit: number, teamId: number): CreditStep => ({
  time: day(d),
  kind,
  credit,
  teamId,
});

describe("the window in exports", () => {
  const exports = [0, 1, 2, 3, 4, 5].map(day);

  it("starts at the first export at or after the start and ends at the first at or after the end", () => {
    expect(challengeWindow(exports, day(1) + 1, day(3))).toEqual({
      zero: day(2),
      final: day(3),
      exports: [2, 3].map(day),
    });
    expect(challengeWindow(exports, day(1), day(9))).toEqual({
      zero: day(1),
      final: null,
      exports: [1, 2, 3, 4, 5].map(day),
    });
    expect(challengeWindow(exports, day(6), day(9))).toEqual({ zero: null, final: null, exports: [] });
  });

  it("gives a team added after the start its own time zero", () => {
    const w = challengeWindow(exports, day(1), day(9));
    expect(teamZero(w, day(1), day(0))).toBe(day(1));
    expect(teamZero(w, day(1), day(2) + 5)).toBe(day(3));
    expect(teamZero(w, day(1), day(7))).toBeNull();
  });

  it("tells upcoming, running and finished apart by the clock", () => {
    const c = { startsAt: new Date(day(1)), endsAt: new Date(day(3)) };
    expect([0, 1, 2.9, 3].map((d) => challengePhase(c, new Date(day(d))))).toEqual([
      "upcoming",
      "running",
      "running",
      "finished",
    ]);
  });
});

describe("scoring", () => {
  const window = (zeros: Record<number, number>): ScoringWindow => ({
    exports: [1, 2, 3, 4].map(day),
    zeroOf: (teamId) => zeros[teamId] ?? null,
  });

  it("counts only credit earned while a member, with the team it was earned in", () => {
    const tally = new ChallengeTally(window({ 1: day(1), 2: day(1) }));
    // Stays in team 1 throughout: 100 → 400.
    tally.add({ userId: 10, baseline: { credit: 100, teamId: 1 }, steps: [snap(2, 250, 1), snap(4, 400, 1)] });
    // Leaves team 1 for team 2 between days 2 and 3 (the import records it at day 3 with day 3's
    // credit): day 2→3 stays with team 1, day 3→4 goes to team 2.
    tally.add({
      userId: 11,
      baseline: { credit: 1000, teamId: 1 },
      steps: [
        snap(2, 1100, 1),
        delta(3, "leave", 1200, 1),
        delta(3, "join", 1200, 2),
        snap(3, 1200, 2),
        snap(4, 1500, 2),
      ],
    });
    // Leaves team 2 for no team at day 2 (a team_delta between exports, with its credit) and
    // keeps computing: only the 50 before leaving counts.
    tally.add({
      userId: 12,
      baseline: { credit: 0, teamId: 2 },
      steps: [delta(1.5, "leave", 50, 2), snap(2, 80, null), snap(4, 500, null)],
    });
    // Not in a team at all.
    tally.add({ userId: 13, baseline: { credit: 5, teamId: null }, steps: [snap(4, 900, null)] });
    const standings = rankStandings(tally, [1, 2, 3]);
    expect(standings).toEqual([
      { teamId: 1, credit: 300 + 200, members: 2, rank: 1 },
      { teamId: 2, credit: 300 + 50, members: 2, rank: 2 },
      { teamId: 3, credit: 0, members: 0, rank: 3 },
    ]);
    expect(Object.fromEntries([...tally.contributions].map(([k, c]) => [k, c.credit]))).toEqual({
      "1:10": 300,
      "1:11": 200,
      "2:11": 300,
      "2:12": 50,
    });
  });

  it("gives a volunteer first seen inside the window all their credit, in the team they appear in", () => {
    const tally = new ChallengeTally(window({ 7: day(1) }));
    tally.add({ userId: 20, baseline: null, steps: [snap(3, 40, 7), delta(3, "join", 40, 7), snap(4, 90, 7)] });
    expect(rankStandings(tally, [7])[0]).toMatchObject({ teamId: 7, credit: 90, members: 1 });
  });

  it("counts a late team's credit only after its own time zero, and draws its race from there", () => {
    const w = window({ 1: day(1), 2: day(3) });
    const tally = new ChallengeTally(w);
    tally.add({
      userId: 30,
      baseline: { credit: 0, teamId: 2 },
      steps: [snap(2, 100, 2), snap(3, 150, 2), snap(4, 175, 2)],
    });
    tally.add({ userId: 31, baseline: { credit: 0, teamId: 1 }, steps: [snap(2, 10, 1), snap(4, 20, 1)] });
    const standings = rankStandings(tally, [1, 2]);
    expect(standings.map((s) => [s.teamId, s.credit])).toEqual([
      [2, 25],
      [1, 20],
    ]);
    expect(racePoints(tally, w, standings).map((p) => [p.teamId, p.time / D, p.credit])).toEqual([
      [2, 3, 0],
      [2, 4, 25],
      [1, 1, 0],
      [1, 2, 10],
      [1, 3, 10],
      [1, 4, 20],
    ]);
  });

  it("ignores teams not taking part and shares ranks between ties", () => {
    const tally = new ChallengeTally(window({ 1: day(1), 2: day(1), 3: day(1) }));
    tally.add({ userId: 40, baseline: { credit: 0, teamId: 1 }, steps: [snap(2, 60, 1)] });
    tally.add({ userId: 41, baseline: { credit: 0, teamId: 2 }, steps: [snap(2, 60, 2)] });
    tally.add({ userId: 42, baseline: { credit: 0, teamId: 9 }, steps: [snap(2, 600, 9)] });
    expect(rankStandings(tally, [1, 2, 3]).map((s) => [s.teamId, s.rank])).toEqual([
      [1, 1],
      [2, 1],
      [3, 3],
    ]);
  });
});

describe("the race between recomputes", () => {
  const scoring: ScoringWindow = { exports: [1, 2, 3].map(day), zeroOf: (t) => (t === 3 ? day(2) : day(1)) };
  const standing = (teamId: number, credit: number) => ({ teamId, credit, rank: 1, members: 1 });
  const point = (teamId: number, d: number, credit: number) => ({ teamId, time: day(d), credit });

  it("keeps the points of earlier exports, adds the newest from the standings, replays a team missing some", () => {
    const stored = [point(1, 1, 0), point(1, 2, 40), point(2, 1, 0), point(3, 2, 0)];
    const { points, replay } = reusableRacePoints(scoring, [standing(1, 90), standing(2, 50), standing(3, 7)], stored);
    expect(points).toEqual([point(1, 1, 0), point(1, 2, 40), point(1, 3, 90), point(3, 2, 0), point(3, 3, 7)]);
    expect(replay.map((s) => s.teamId)).toEqual([2]);
  });

  it("replays every team when an export arrived inside the window out of order", () => {
    const stored = [point(1, 1, 0), point(1, 3, 40)];
    const withOlder: ScoringWindow = { ...scoring, exports: [1, 2, 3, 4].map(day) };
    expect(reusableRacePoints(withOlder, [standing(1, 90)], stored).replay).toHaveLength(1);
  });
});

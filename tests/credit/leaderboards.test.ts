// Leaderboards on a real SQLite file: order and ties, ranks, pagination, search, hidden volunteers,
// "around", RAC ranked by RAC order; every page compared with a plain sort of the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import type { LeaderboardRow } from "@/lib/credit/leaderboard-types";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { seededRandom } from "@/lib/testing/seeded-random";
import { DAY, NOW, addExport, addTeams, addVolunteers, hideFromLists } from "./helpers";

let temp: TempDatabase;
const random = seededRandom(7);
// 240 volunteers whose credit takes few values, so ties are everywhere; 12 of them hidden.
const volunteers = Array.from({ length: 240 }, (_, k) => ({
  id: 1000 - 3 * k,
  totalCredit: 100 * Math.floor(random() * 40),
  rac: Math.floor(random() * 20) * 10,
  racTime: NOW - Math.floor(random() * 5) * DAY,
  name: k % 9 === 0 ? `Star_gazer ${k}` : `cruncher ${k}`,
}));
const hidden = volunteers.filter((_, k) => k % 20 === 3).map((v) => v.id);
const listed = volunteers.filter((v) => !hidden.includes(v.id));
const options = () => ({ db: temp.db, nowMs: NOW * 1000 });

/** Competition ranks of listed volunteers in (key desc, id asc) order, computed the obvious way. */
function expected(key: (v: (typeof volunteers)[number]) => number) {
  const sorted = [...listed].sort((a, b) => key(b) - key(a) || a.id - b.id);
  return sorted.map((v) => ({ id: v.id, rank: 1 + listed.filter((w) => key(w) > key(v)).length }));
}
const racNow = (v: (typeof volunteers)[number]) => v.rac * 2 ** (-(NOW - v.racTime) / (7 * DAY));

beforeAll(async () => {
  temp = await createTempDatabase();
  await addVolunteers(temp.db, volunteers);
  await hideFromLists(temp.db, hidden);
  await addExport(temp.db, NOW);
});
afterAll(() => temp.cleanup());

describe("volunteers by total credit", () => {
  it("orders by credit, ties by id ascending, ranks shared by ties, on every page", async () => {
    const want = expected((v) => v.totalCredit);
    const got: { id: number | string; rank: number }[] = [];
    for (let page = 1; page <= 5; page++) {
      const board = await getLeaderboard({ kind: "users", by: "credit", size: 50, page }, options());
      expect(board.pageCount).toBe(5);
      expect(board.total).toBe(listed.length);
      got.push(...board.rows.map((r) => ({ id: r.id, rank: r.rank })));
    }
    expect(got).toEqual(want);
    const ranks = got.map((r) => r.rank);
    expect(new Set(ranks).size).toBeLessThan(ranks.length); // there are ties
  });

  it("gives the same order every time", async () => {
    const a = await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 3 }, options());
    const b = await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 3 }, options());
    expect(b.rows).toEqual(a.rows);
  });

  it("leaves hidden volunteers out and counts ranks without them", async () => {
    const all: LeaderboardRow[] = [];
    for (let page = 1; page <= 5; page++)
      all.push(...(await getLeaderboard({ kind: "users", by: "credit", size: 50, page }, options())).rows);
    expect(all.some((r) => hidden.includes(r.id as number))).toBe(false);
    expect(all[0].rank).toBe(1);
  });

  it("answers an empty page past the end", async () => {
    const board = await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 9 }, options());
    expect(board.rows).toEqual([]);
    expect(board.pageCount).toBe(5);
  });
});

describe("volunteers by RAC", () => {
  it("ranks by RAC at one common time, not by the exported values of different times", async () => {
    const want = expected(racNow);
    const got: LeaderboardRow[] = [];
    for (let page = 1; page <= 5; page++)
      got.push(...(await getLeaderboard({ kind: "users", by: "rac", size: 50, page }, options())).rows);
    expect(got.map((r) => r.id)).toEqual(want.map((w) => w.id));
    expect(got.map((r) => r.rank)).toEqual(want.map((w) => w.rank));
    const first = listed.find((v) => v.id === got[0].id)!;
    expect(got[0].rac).toBeCloseTo(racNow(first), 9);
  });
});

describe("search and around", () => {
  it("finds names containing the text, case-insensitively, with their ranks", async () => {
    const board = await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 1, q: "STAR_GAZER" }, options());
    const want = expected((v) => v.totalCredit).filter((w) =>
      listed.find((v) => v.id === w.id)!.name.startsWith("Star_gazer"),
    );
    expect(board.rows.map((r) => ({ id: r.id, rank: r.rank }))).toEqual(want);
    expect(board.total).toBe(want.length);
  });

  it("takes % and _ in the search literally", async () => {
    const stars = listed.filter((v) => v.name.includes("_")).length;
    expect((await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 1, q: "_" }, options())).total).toBe(
      stars,
    );
    expect((await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 1, q: "%" }, options())).total).toBe(0);
  });

  it("opens the page holding a volunteer and marks them", async () => {
    const want = expected((v) => v.totalCredit);
    const target = want[123];
    const board = await getLeaderboard(
      { kind: "users", by: "credit", size: 50, page: 1, around: target.id },
      options(),
    );
    expect(board.page).toBe(3);
    expect(board.marked).toBe(target.id);
    expect(board.rows.find((r) => r.id === target.id)?.rank).toBe(target.rank);
  });

  it("says when `around` names a hidden volunteer, without revealing where they would be", async () => {
    const board = await getLeaderboard(
      { kind: "users", by: "credit", size: 50, page: 1, around: hidden[0] },
      options(),
    );
    expect(board.aroundNotListed).toBe(true);
    expect(board.marked).toBeNull();
    expect(board.page).toBe(1);
  });
});

describe("teams and countries", () => {
  beforeAll(async () => {
    await addTeams(temp.db, [
      { id: 1, totalCredit: 500, rac: 10, members: 3, name: "Alpha" },
      { id: 2, totalCredit: 900, rac: 5, members: 8, name: "Beta" },
      { id: 3, totalCredit: 500, rac: 50, members: 1, name: "Gamma" },
    ]);
    await temp.db.countryTotal.createMany({
      data: [
        { country: "Germany", users: 3, totalCredit: 700, rac: 30 },
        { country: "Australia", users: 2, totalCredit: 700, rac: 10 },
        { country: "Chile", users: 1, totalCredit: 100, rac: 90 },
      ],
    });
  });

  it("ranks teams by credit with ties by id, and by RAC", async () => {
    const byCredit = await getLeaderboard({ kind: "teams", by: "credit", size: 50, page: 1 }, options());
    expect(byCredit.rows.map((r) => [r.name, r.rank, r.members])).toEqual([
      ["Beta", 1, 8],
      ["Alpha", 2, 3],
      ["Gamma", 2, 1],
    ]);
    const byRac = await getLeaderboard({ kind: "teams", by: "rac", size: 50, page: 1 }, options());
    expect(byRac.rows.map((r) => r.name)).toEqual(["Gamma", "Alpha", "Beta"]);
  });

  it("ranks countries, ties by name, and searches them", async () => {
    const byCredit = await getLeaderboard({ kind: "countries", by: "credit", size: 50, page: 1 }, options());
    expect(byCredit.rows.map((r) => [r.name, r.rank, r.members])).toEqual([
      ["Australia", 1, 2],
      ["Germany", 1, 3],
      ["Chile", 3, 1],
    ]);
    const search = await getLeaderboard({ kind: "countries", by: "rac", size: 50, page: 1, q: "chi" }, options());
    expect(search.rows.map((r) => [r.name, r.rank])).toEqual([["Chile", 1]]);
  });
});

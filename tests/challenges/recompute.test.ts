// Challenge standings recomputed from a hand-made credit history in a real SQLite database:
// members joining and leaving mid-window, a volunteer first seen inside it, a team added late,
// standings frozen by the final export, and a challenge open to all teams.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addChallengeTeams, createChallenge } from "@/lib/credit/challenges/definitions";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import type { Db } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { addExports, addTeams, addVolunteer, contributionsOf, day, standingsOf } from "./credit-history";

let temp: TempDatabase;
let db: Db;

beforeAll(async () => {
  temp = await createTempDatabase();
  db = temp.db;
  await addTeams(db, [1, 2, 3, 9]);
  // In team 1 throughout.
  await addVolunteer(db, 1, {
    snapshots: [
      [0, 100, 1],
      [2, 150, 1],
      [3, 300, 1],
      [5, 500, 1],
      [7, 900, 1],
    ],
  });
  // Joins team 1 between the exports of days 2 and 3: the 30 earned before is nobody's.
  await addVolunteer(db, 2, {
    snapshots: [
      [0, 50, null],
      [3, 80, 1],
      [4, 200, 1],
    ],
    deltas: [[3, "join", 80, 1]],
  });
  // Moves from team 2 to team 1 between days 3 and 4.
  await addVolunteer(db, 3, {
    snapshots: [
      [0, 1000, 2],
      [3, 1100, 2],
      [4, 1150, 1],
      [5, 1250, 1],
    ],
    deltas: [
      [4, "leave", 1150, 2],
      [4, "join", 1150, 1],
    ],
  });
  // Leaves team 2 at day 2.5 (a team_delta between exports, with the credit at that moment).
  await addVolunteer(db, 4, {
    snapshots: [
      [1, 500, 2],
      [3, 600, null],
      [5, 700, null],
    ],
    deltas: [[2.5, "leave", 520, 2]],
  });
  // Team 3 is added late; its member keeps computing.
  await addVolunteer(db, 5, {
    snapshots: [
      [0, 10, 3],
      [3, 40, 3],
      [4, 70, 3],
      [5, 100, 3],
    ],
  });
  // A team outside the challenge; the volunteer is first seen inside the window.
  await addVolunteer(db, 6, { snapshots: [[3, 5000, 9]] });
  // A new volunteer, first seen at day 4 in team 2.
  await addVolunteer(db, 7, {
    snapshots: [
      [4, 60, 2],
      [5, 90, 2],
    ],
    deltas: [[4, "join", 60, 2]],
  });
  await addExports(db, [0, 1, 2, 3, 4]);
});
afterAll(() => temp.cleanup());

const window = { startsAt: day(1.25).toISOString(), endsAt: day(5).toISOString() };

describe("a challenge between teams", () => {
  let id: number;

  it("counts from time zero, each member only while a member, a late team from its own time zero", async () => {
    ({ id } = await createChallenge(db, { name: "Sprint", ...window, teamIds: [1, 2] }, day(0)));
    expect(await addChallengeTeams(db, id, [3], day(3.5))).toBe(1);
    expect(await standingsOf(db, id)).toEqual([
      { team: 1, credit: 150 + 120, rank: 1, members: 2 },
      { team: 2, credit: 100 + 20 + 50 + 60, rank: 2, members: 3 },
      { team: 3, credit: 0, rank: 3, members: 0 },
    ]);
    const challenge = await db.challenge.findUniqueOrThrow({ where: { id } });
    expect(challenge.frozenAt).toBeNull();
    expect(challenge.standingsUpdatedAt).toEqual(day(3.5));
  });

  it("freezes the standings with the first export at or after the end", async () => {
    await addExports(db, [5, 6]);
    await recomputeChallengeStandings(db, day(6.1));
    expect(await standingsOf(db, id)).toEqual([
      { team: 1, credit: 350 + 120 + 100, rank: 1, members: 3 },
      { team: 2, credit: 150 + 20 + 90, rank: 2, members: 3 },
      { team: 3, credit: 30, rank: 3, members: 1 },
    ]);
    expect(await contributionsOf(db, id)).toEqual({
      "1:1": 350,
      "1:2": 120,
      "1:3": 100,
      "2:3": 150,
      "2:4": 20,
      "2:7": 90,
      "3:5": 30,
    });
    const points = await db.challengePoint.findMany({
      where: { challengeId: id },
      orderBy: [{ teamId: "asc" }, { time: "asc" }],
    });
    expect(points.map((p) => [p.teamId, p.time.toISOString().slice(5, 10), p.credit])).toEqual([
      [1, "11-03", 0],
      [1, "11-04", 150],
      [1, "11-05", 270],
      [1, "11-06", 570],
      [2, "11-03", 0],
      [2, "11-04", 120],
      [2, "11-05", 230],
      [2, "11-06", 260],
      [3, "11-05", 0],
      [3, "11-06", 30],
    ]);
    expect((await db.challenge.findUniqueOrThrow({ where: { id } })).frozenAt).toEqual(day(6.1));
  });

  it("changes nothing after it is frozen, whatever later imports bring", async () => {
    const before = { standings: await standingsOf(db, id), contributions: await contributionsOf(db, id) };
    await addExports(db, [7, 8]);
    await db.userCreditSnapshot.create({
      data: { userId: 2, time: day(8), totalCredit: 9999, expavgCredit: 0, teamId: 1 },
    });
    expect(await recomputeChallengeStandings(db, day(8.1))).toEqual([]);
    expect({ standings: await standingsOf(db, id), contributions: await contributionsOf(db, id) }).toEqual(before);
    expect((await db.challenge.findUniqueOrThrow({ where: { id } })).frozenAt).toEqual(day(6.1));
    await expect(addChallengeTeams(db, id, [9])).rejects.toThrow(/has ended: its standings are final/);
  });
});

describe("a challenge open to all teams", () => {
  it("ranks every team that scored, from the same time zero", async () => {
    const { id } = await createChallenge(db, { name: "Open", ...window, openToAll: true }, day(0));
    expect(await standingsOf(db, id)).toEqual([
      { team: 9, credit: 5000, rank: 1, members: 1 },
      { team: 1, credit: 570, rank: 2, members: 3 },
      { team: 2, credit: 260, rank: 3, members: 3 },
      { team: 3, credit: 90, rank: 4, members: 1 },
    ]);
  });
});

describe("defining challenges", () => {
  const base = { name: "Another", ...window, teamIds: [1] };
  it.each([
    [{ ...base, teamIds: [1, 77] }, "no team with id 77"],
    [{ ...base, endsAt: window.startsAt }, "the end must be after the start"],
    [{ ...base, startsAt: "2026-11-02 10:00+02:00" }, "the start must be a UTC time like 2026-12-01"],
    [{ ...base, teamIds: [] }, "name the teams taking part, or open the challenge to all teams"],
    [{ ...base, openToAll: true }, "a challenge open to all teams takes no team list"],
    [{ ...base, name: "Sprint" }, 'a challenge named "Sprint" already exists'],
  ])("refuses %o", async (input, message) => {
    await expect(createChallenge(db, input)).rejects.toThrow(message);
  });

  it("waits for time zero when the start is after the newest export", async () => {
    const { standings } = await createChallenge(db, { ...base, startsAt: "2026-12-01", endsAt: "2026-12-08" });
    expect(standings?.outcome).toBe("waiting");
  });
});

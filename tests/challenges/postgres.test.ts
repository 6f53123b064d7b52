// The hand-written SQL of challenges, milestones and /stats on PostgreSQL (POGS_TEST_POSTGRES_URL,
// set in CI): a fresh database made for the test and dropped after it. The same scenarios as on
// SQLite give the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import { addChallengeTeams, createChallenge } from "@/lib/credit/challenges/definitions";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { detectMilestones } from "@/lib/credit/milestones/detect";
import type { Db } from "@/lib/db/client";
import { getProjectStats } from "@/lib/stats/queries";
import { addSurvey, at } from "@/tests/milestones/survey";
import { addExports, addTeams, addVolunteer, contributionsOf, day, standingsOf } from "./credit-history";

describe.runIf(TEST_POSTGRES_URL)("challenges and milestones on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createPostgresDatabase("challenges");
    db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("scores members joining and leaving, a volunteer first seen in the window and a late team", async () => {
    await addTeams(db, [1, 2, 3]);
    await addVolunteer(db, 1, {
      snapshots: [
        [0, 100, 1],
        [2, 150, 1],
        [3, 300, 1],
        [5, 500, 1],
      ],
    });
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
    await addVolunteer(db, 4, {
      snapshots: [
        [1, 500, 2],
        [3, 600, null],
      ],
      deltas: [[2.5, "leave", 520, 2]],
    });
    await addVolunteer(db, 5, {
      snapshots: [
        [0, 10, 3],
        [3, 40, 3],
        [4, 70, 3],
        [5, 100, 3],
      ],
    });
    await addVolunteer(db, 7, {
      snapshots: [
        [4, 60, 2],
        [5, 90, 2],
      ],
      deltas: [[4, "join", 60, 2]],
    });
    await addExports(db, [0, 1, 2, 3, 4]);
    const window = { startsAt: day(1.25), endsAt: day(5) };
    const { id } = await createChallenge(db, { name: "Sprint", ...window, teamIds: [1, 2] }, day(0));
    await addChallengeTeams(db, id, [3], day(3.5));
    await addExports(db, [5, 6]);
    await recomputeChallengeStandings(db, day(6.1));
    expect(await standingsOf(db, id)).toEqual([
      { team: 1, credit: 350 + 100, rank: 1, members: 2 },
      { team: 2, credit: 150 + 20 + 90, rank: 2, members: 3 },
      { team: 3, credit: 30, rank: 3, members: 1 },
    ]);
    expect(await contributionsOf(db, id)).toEqual({
      "1:1": 350,
      "1:3": 100,
      "2:3": 150,
      "2:4": 20,
      "2:7": 90,
      "3:5": 30,
    });
    expect((await db.challenge.findUniqueOrThrow({ where: { id } })).frozenAt).toEqual(day(6.1));
    const open = await createChallenge(db, { name: "Open", ...window, openToAll: true }, day(0));
    expect((await standingsOf(db, open.id)).map((s) => [s.team, s.credit])).toEqual([
      [1, 450],
      [2, 260],
      [3, 90],
    ]);
  });

  it("detects the survey's milestones once", async () => {
    await db.boincUser.deleteMany(); // the survey brings its own volunteers
    await addSurvey(db);
    const before = await db.milestone.count();
    await detectMilestones(db);
    const found = await db.milestone.findMany({
      where: { kind: { in: ["work_units", "pixels", "galaxies"] } },
      orderBy: [{ kind: "asc" }, { value: "asc" }],
      select: { kind: true, value: true, reachedAt: true, userId: true },
    });
    expect(found).toEqual([
      { kind: "galaxies", value: 1, reachedAt: at(150), userId: null },
      { kind: "pixels", value: 10_000, reachedAt: at(100), userId: 100 },
      { kind: "pixels", value: 20_000, reachedAt: at(199), userId: 200 },
      { kind: "work_units", value: 100, reachedAt: at(100), userId: 100 },
      { kind: "work_units", value: 200, reachedAt: at(199), userId: 200 },
    ]);
    const after = await db.milestone.count();
    expect(await detectMilestones(db)).toBe(0);
    expect(await db.milestone.count()).toBe(after);
    expect(after).toBeGreaterThan(before);
  });

  it("reads the statistics page's data", async () => {
    const stats = await getProjectStats(db);
    expect(stats.volunteers).toHaveLength(7);
    expect(stats.computers.total).toBe(0);
  });
});

// The credit queries' hand-written SQL on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI): a fresh
// database made for the test and dropped after it. $n placeholders, BOOLEAN, bigint counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import type { Db } from "@/lib/db/client";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import { getTeam, getTeamDetails } from "@/lib/credit/team-page";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { listTrophies } from "@/lib/credit/trophies/queries";
import { getVolunteerPage } from "@/lib/credit/volunteer-page";
import { DAY, NOW, addExport, addTeams, addVolunteers, hideFromLists } from "./helpers";

describe.runIf(TEST_POSTGRES_URL)("credit queries on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  const volunteers = Array.from({ length: 130 }, (_, k) => ({
    id: k + 1,
    totalCredit: 100 * (k % 40),
    rac: 3 * (k % 17),
    racTime: NOW - (k % 3) * DAY,
    name: k % 10 === 0 ? `Nova_${k}` : `cruncher ${k}`,
    teamId: k % 2 ? 1 : null,
    createTime: NOW - k * 20 * DAY,
  }));
  const hidden = [6, 77];
  const listed = volunteers.filter((v) => !hidden.includes(v.id));
  const options = () => ({ db, nowMs: NOW * 1000 });

  beforeAll(async () => {
    database = await createPostgresDatabase("credit");
    db = database.db;
    await addTeams(db, [{ id: 1, totalCredit: 9000, rac: 20, members: 65, name: "Odd ones" }]);
    await addVolunteers(db, volunteers);
    await hideFromLists(db, hidden);
    await addExport(db, NOW);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("pages volunteers by credit, ties by id, hidden ones left out", async () => {
    const want = [...listed].sort((a, b) => b.totalCredit - a.totalCredit || a.id - b.id);
    const rows = [];
    for (let page = 1; page <= 3; page++)
      rows.push(...(await getLeaderboard({ kind: "users", by: "credit", size: 50, page }, options())).rows);
    expect(rows.map((r) => r.id)).toEqual(want.map((v) => v.id));
    expect(rows.map((r) => r.rank)).toEqual(
      want.map((v) => 1 + listed.filter((w) => w.totalCredit > v.totalCredit).length),
    );
  });

  it("searches case-insensitively and finds the page around a volunteer", async () => {
    const search = await getLeaderboard({ kind: "users", by: "rac", size: 50, page: 1, q: "NOVA_" }, options());
    expect(search.total).toBe(13);
    const around = await getLeaderboard({ kind: "users", by: "credit", size: 50, page: 1, around: 100 }, options());
    expect(around.marked).toBe(100);
    expect(around.rows.some((r) => r.id === 100)).toBe(true);
  });

  it("reads volunteer and team pages", async () => {
    const page = await getVolunteerPage(2, 1, options());
    expect(page?.details?.standing.team?.members).toBe(65 - 1); // volunteer 6 is hidden
    expect((await getVolunteerPage(6, 1, options()))?.details).toBeNull();
    const team = (await getTeam(1, options()))!;
    const details = await getTeamDetails(team, { by: "rac", page: 2 }, options());
    expect(details.members.total).toBe(64);
    expect(details.members.members).toHaveLength(14);
  });

  it("awards trophies once, the same rows when run again", async () => {
    const first = await awardTrophies(db);
    expect(first.awarded).toBeGreaterThan(0);
    const rows = await db.trophyAward.findMany({ orderBy: [{ trophyId: "asc" }, { userId: "asc" }] });
    expect(await awardTrophies(db)).toMatchObject({ awarded: 0, revoked: 0 });
    expect(await db.trophyAward.findMany({ orderBy: [{ trophyId: "asc" }, { userId: "asc" }] })).toEqual(rows);
    const list = await listTrophies(db);
    // Volunteers 40, 80 and 120 tie for the most credit: all three are first.
    expect(list.find((t) => t.name === "Number one")?.holders).toBe(3);
  });
});

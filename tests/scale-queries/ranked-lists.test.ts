// Two ranked reads rewritten for survey scale give what the plain ones gave, on SQLite and (with
// POGS_TEST_POSTGRES_URL) PostgreSQL: the team name search with its competition ranks (one window
// over every team instead of a count per match), and each listed team's three leading
// contributors on a challenge page (ranked in the database instead of reading every contributor).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChallengeDetail } from "@/lib/credit/challenges/queries";
import { listTeams, type TeamOrder } from "@/lib/credit/team-list";
import type { Db } from "@/lib/db/client";
import { createPostgresDatabase, TEST_POSTGRES_URL } from "@/lib/testing/postgres-database";
import { createTempDatabase } from "@/lib/testing/temp-database";
import { addTeams, addVolunteers, NOW } from "@/tests/credit/helpers";

// 60 teams, credit and members tied in threes, names "team 1" … "team 60"; 120 volunteers.
async function makeSurvey(db: Db): Promise<number> {
  const teams = Array.from({ length: 60 }, (_, k) => ({
    id: k + 1,
    totalCredit: 1000 * Math.ceil((k + 1) / 3),
    rac: (k * 37) % 50,
    members: (k * 7) % 11,
  }));
  await addTeams(db, teams);
  await addVolunteers(
    db,
    Array.from({ length: 120 }, (_, k) => ({ id: k + 1, totalCredit: 10 * k, teamId: 1 + (k % 60) })),
  );
  const challenge = await db.challenge.create({
    data: { name: "Race", startsAt: new Date((NOW - 86_400 * 5) * 1000), endsAt: new Date((NOW + 86_400) * 1000) },
  });
  await db.challengeStanding.createMany({
    data: teams.map((t) => ({ challengeId: challenge.id, teamId: t.id, credit: 60 - t.id, rank: t.id, members: 4 })),
  });
  // Team t: volunteers 1…(t mod 7), credit tied in pairs, one with none.
  await db.challengeContribution.createMany({
    data: teams.flatMap((t) =>
      Array.from({ length: t.id % 7 }, (_, k) => ({
        challengeId: challenge.id,
        userId: 1 + ((t.id + 13 * k) % 120),
        teamId: t.id,
        credit: k === 2 ? 0 : 5 * Math.floor(k / 2),
      })),
    ),
  });
  return challenge.id;
}

/** Matching teams in list order with 1 + the number of teams with a larger key. */
async function plainSearch(db: Db, by: TeamOrder, q: string) {
  const field = ({ credit: "totalCredit", rac: "racOrder", members: "memberCount" } as const)[by];
  const all = await db.team.findMany({ orderBy: [{ [field]: "desc" }, { id: "asc" }] });
  const keyOf = (t: (typeof all)[number]) => t[field];
  return all
    .filter((t) => t.name.toLowerCase().includes(q.toLowerCase()))
    .map((t) => ({ id: t.id, rank: 1 + all.filter((o) => keyOf(o) > keyOf(t)).length }));
}

async function plainTopContributors(db: Db, challengeId: number, teamId: number) {
  const rows = await db.challengeContribution.findMany({
    where: { challengeId, teamId, credit: { gt: 0 } },
    orderBy: [{ credit: "desc" }, { userId: "asc" }],
    take: 3,
    select: { credit: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.user, credit: r.credit }));
}

const engines: [string, boolean, () => Promise<{ db: Db; close(): Promise<void> }>][] = [
  ["SQLite", true, async () => createTempDatabase().then((t) => ({ db: t.db, close: () => t.cleanup() }))],
  [
    "PostgreSQL",
    Boolean(TEST_POSTGRES_URL),
    async () => createPostgresDatabase("scale_ranked").then((p) => ({ db: p.db, close: () => p.drop() })),
  ],
];

describe.each(engines)("ranked lists on %s", (_engine, enabled, open) => {
  let db: Db;
  let close: () => Promise<void>;
  let challengeId: number;
  beforeAll(async () => {
    if (!enabled) return;
    ({ db, close } = await open());
    challengeId = await makeSurvey(db);
  }, 120_000);
  afterAll(() => close?.());

  it.runIf(enabled)("searches teams by name with their ranks among all teams", async () => {
    for (const by of ["credit", "rac", "members"] as const)
      for (const q of ["team 1", "5", "TEAM", "no such team"]) {
        const plain = await plainSearch(db, by, q);
        for (const page of [1, 2, 3]) {
          const found = await listTeams(db, { by, page, pageSize: 7, q }, NOW);
          expect(found.total).toBe(plain.length);
          expect(found.rows.map((r) => ({ id: r.id, rank: r.rank }))).toEqual(plain.slice(7 * (page - 1), 7 * page));
        }
      }
  });

  it.runIf(enabled)("lists each leading team's three top contributors", async () => {
    const detail = (await getChallengeDetail(challengeId, new Date(NOW * 1000), db))!;
    expect(detail.standings).toHaveLength(60);
    for (const s of detail.standings)
      expect(s.topContributors).toEqual(await plainTopContributors(db, challengeId, s.teamId));
    expect(detail.standings.some((s) => s.topContributors.length === 3)).toBe(true);
  });
});

// The larger reads of a challenge's page, in one statement each: its teams with their names (a
// thousand in a large race), and the leading contributors of each team it lists, ranked inside the
// database (a race's largest teams have thousands of contributors, all of which were read to keep three).
import type { Db } from "@/lib/db/client";
import { BoundParams, toMs } from "./raw-sql";

/** Top contributors shown for each listed team. */
const TOP_CONTRIBUTORS = 3;

export type TopContributor = { id: number; name: string; credit: number };

/** Per team: up to three volunteers with credit in the challenge, most first (ties by id). */
export async function topContributors(
  db: Db,
  challengeId: number,
  teamIds: number[],
): Promise<Map<number, TopContributor[]>> {
  const byTeam = new Map<number, TopContributor[]>();
  if (!teamIds.length) return byTeam;
  const p = new BoundParams(db);
  const rows = await db.$queryRawUnsafe<{ team_id: number; user_id: number; name: string; credit: number }[]>(
    // The name by a lookup per row kept: joined, PostgreSQL would hash every volunteer.
    `SELECT r."team_id", r."user_id", (SELECT u."name" FROM "boinc_user" u WHERE u."id" = r."user_id") AS "name", ` +
      `r."credit" FROM (SELECT "team_id", "user_id", "credit", ` +
      `ROW_NUMBER() OVER (PARTITION BY "team_id" ORDER BY "credit" DESC, "user_id" ASC) AS "k" ` +
      `FROM "challenge_contribution" WHERE "challenge_id" = ${p.add(challengeId)} ` +
      `AND "team_id" IN (${p.list(teamIds)}) AND "credit" > 0) r WHERE r."k" <= ${p.add(TOP_CONTRIBUTORS)} ` +
      `ORDER BY r."team_id", r."k"`,
    ...p.values,
  );
  for (const r of rows) {
    const teamId = Number(r.team_id);
    const list = byTeam.get(teamId) ?? [];
    list.push({ id: Number(r.user_id), name: r.name, credit: Number(r.credit) });
    byTeam.set(teamId, list);
  }
  return byTeam;
}

export type ChallengeTeamRow = { joinedAt: Date; team: { id: number; name: string } };

/** The challenge's teams by id, with when each joined. */
export async function challengeTeams(db: Db, challengeId: number): Promise<ChallengeTeamRow[]> {
  const p = new BoundParams(db);
  const rows = await db.$queryRawUnsafe<{ team_id: number; joined_at: unknown; name: string }[]>(
    `SELECT ct."team_id", ct."joined_at", t."name" FROM "challenge_team" ct JOIN "team" t ON t."id" = ct."team_id" ` +
      `WHERE ct."challenge_id" = ${p.add(challengeId)} ORDER BY ct."team_id"`,
    ...p.values,
  );
  return rows.map((r) => ({ joinedAt: new Date(toMs(r.joined_at)), team: { id: Number(r.team_id), name: r.name } }));
}

/**
 * Defining challenges (the CLI and the admin page): create, add or remove teams, delete. Each
 * change recomputes the challenge's standings at once when it has started, so a challenge set up
 * after the fact (or a team added late) shows its standings without waiting for the next import.
 *
 * Teams named when a challenge is created take part from its start, even if it is created after
 * the start; a team added later counts from the first export at or after it was added (window.ts).
 */
import type { Db } from "@/lib/db/client";
import { ChallengeInputError, checkChallengeInput, type ChallengeInput } from "./input";
import { recomputeChallenge, type RecomputeResult } from "./recompute";

async function requireTeams(db: Db, teamIds: readonly number[]): Promise<void> {
  const known = new Set(
    (await db.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true } })).map((t) => t.id),
  );
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length) throw new ChallengeInputError(`no team with id ${unknown.join(", ")}`);
}

export async function createChallenge(
  db: Db,
  input: ChallengeInput,
  now = new Date(),
): Promise<{ id: number; standings: RecomputeResult | null }> {
  const c = checkChallengeInput(input);
  await requireTeams(db, c.teamIds);
  if (await db.challenge.findUnique({ where: { name: c.name }, select: { id: true } }))
    throw new ChallengeInputError(`a challenge named "${c.name}" already exists`);
  const joinedAt = now < c.startsAt ? now : c.startsAt;
  const created = await db.challenge.create({
    data: {
      name: c.name,
      description: c.description,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      openToAll: c.openToAll,
      teams: { create: c.teamIds.map((teamId) => ({ teamId, joinedAt })) },
    },
    select: { id: true },
  });
  return { id: created.id, standings: await recomputeChallenge(db, created.id, now) };
}

async function editableChallenge(db: Db, id: number) {
  const challenge = await db.challenge.findUnique({ where: { id } });
  if (!challenge) throw new ChallengeInputError(`no challenge with id ${id}`);
  if (challenge.frozenAt) throw new ChallengeInputError(`"${challenge.name}" has ended: its standings are final`);
  if (challenge.openToAll) throw new ChallengeInputError(`"${challenge.name}" is open to all teams`);
  return challenge;
}

/** Adds teams (ids already taking part are left as they are); returns how many were added. */
export async function addChallengeTeams(db: Db, id: number, teamIds: readonly number[], now = new Date()) {
  await editableChallenge(db, id);
  await requireTeams(db, teamIds);
  const taking = new Set(
    (await db.challengeTeam.findMany({ where: { challengeId: id }, select: { teamId: true } })).map((t) => t.teamId),
  );
  const added = teamIds.filter((t) => !taking.has(t));
  await db.challengeTeam.createMany({ data: added.map((teamId) => ({ challengeId: id, teamId, joinedAt: now })) });
  await recomputeChallenge(db, id, now);
  return added.length;
}

export async function removeChallengeTeams(db: Db, id: number, teamIds: readonly number[], now = new Date()) {
  await editableChallenge(db, id);
  const { count } = await db.challengeTeam.deleteMany({ where: { challengeId: id, teamId: { in: [...teamIds] } } });
  await recomputeChallenge(db, id, now);
  return count;
}

/** Deletes a challenge with its teams, standings and race; returns its name, or null if unknown. */
export async function deleteChallenge(db: Db, id: number): Promise<string | null> {
  const challenge = await db.challenge.findUnique({ where: { id }, select: { name: true } });
  if (!challenge) return null;
  await db.challenge.delete({ where: { id } });
  return challenge.name;
}

"use server";
// The challenge admin page's Server Actions. Each checks for an admin itself and validates its
// form (lib/credit/challenges/input.ts): an action is a public endpoint whatever page shows it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/components/account/action-state";
import type { ChallengeFormFields, ChallengeFormState } from "@/components/challenges/challenge-form-state";
import { requireAdmin } from "@/lib/auth/session";
import { creditChanged } from "@/lib/cache/events";
import {
  addChallengeTeams,
  createChallenge,
  deleteChallenge,
  removeChallengeTeams,
} from "@/lib/credit/challenges/definitions";
import { ChallengeInputError, parseTeamIds } from "@/lib/credit/challenges/input";
import { recomputeChallenge } from "@/lib/credit/challenges/recompute";
import { db } from "@/lib/db/client";

const RETURN_TO = "/admin/challenges";
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const sentence = (message: string) => `${message[0].toUpperCase()}${message.slice(1)}.`;

function refresh(id?: number) {
  // The public challenge pages come from the page cache (lib/cache): the event reaches every server.
  void creditChanged();
  revalidatePath(RETURN_TO);
  revalidatePath("/challenges");
  if (id) revalidatePath(`/challenges/${id}`);
}

/** Runs a definition change; bad input comes back as the form's message, anything else throws. */
async function answer(work: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await work() };
  } catch (error) {
    if (error instanceof ChallengeInputError) return { ok: false, message: sentence(error.message) };
    throw error;
  }
}

export async function createChallengeAction(_state: ChallengeFormState, form: FormData): Promise<ChallengeFormState> {
  await requireAdmin(RETURN_TO);
  const fields: ChallengeFormFields = Object.fromEntries(
    (["name", "description", "start", "end", "teams"] as const).map((name) => [name, text(form, name)]),
  );
  const open = text(form, "scope") === "open";
  const teamIds = open ? [] : parseTeamIds(fields.teams ?? "");
  if (teamIds === null)
    return { ok: false, message: "Team ids are whole numbers separated by commas, like 12, 34.", fields };
  const answered = await answer(async () => {
    const { id, standings } = await createChallenge(db(), {
      name: fields.name ?? "",
      description: fields.description ?? "",
      startsAt: fields.start ?? "",
      endsAt: fields.end ?? "",
      openToAll: open,
      teamIds,
    });
    refresh(id);
    const counted = standings && standings.outcome !== "waiting" ? " Its standings are computed." : "";
    return `Challenge ${id} created.${counted}`;
  });
  return answered?.ok ? answered : { ok: false, message: answered?.message ?? "", fields };
}

const Id = z.coerce.number().int().positive();

export async function changeTeamsAction(_state: ActionState, form: FormData): Promise<ActionState> {
  await requireAdmin(RETURN_TO);
  const id = Id.safeParse(form.get("id"));
  const teamIds = parseTeamIds(text(form, "teams"));
  if (!id.success) return { ok: false, message: "No such challenge." };
  if (!teamIds?.length) return { ok: false, message: "Give team ids like 12, 34." };
  const remove = text(form, "change") === "remove";
  return answer(async () => {
    const n = await (remove ? removeChallengeTeams : addChallengeTeams)(db(), id.data, teamIds);
    refresh(id.data);
    return `${remove ? "Removed" : "Added"} ${n} team${n === 1 ? "" : "s"}.`;
  });
}

export async function recomputeChallengeAction(form: FormData): Promise<void> {
  await requireAdmin(RETURN_TO);
  const id = Id.safeParse(form.get("id"));
  if (id.success && (await recomputeChallenge(db(), id.data))) refresh(id.data);
}

export async function deleteChallengeAction(form: FormData): Promise<void> {
  await requireAdmin(RETURN_TO);
  const id = Id.safeParse(form.get("id"));
  if (id.success && (await deleteChallenge(db(), id.data)) !== null) refresh();
}

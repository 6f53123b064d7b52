"use server";
// The account page's Server Actions. Each checks the session itself and validates its form with
// zod: an action is a public endpoint whatever page shows its form.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState, TokenActionState } from "@/components/account/action-state";
import { createApiToken, countUsableApiTokens, MAX_TOKENS_PER_ACCOUNT, revokeApiToken } from "@/lib/auth/api-tokens";
import { linkBoincAccount, unlinkBoincAccount } from "@/lib/auth/boinc-link/link-account";
import { setHideFromLists } from "@/lib/auth/queries";
import { requireSignedIn } from "@/lib/auth/session";
import { creditChanged } from "@/lib/cache/events";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(max));

const LinkForm = z.object({ email: text(254), secret: text(1024) });

export async function linkBoincAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const { accountId } = await requireSignedIn();
  const input = LinkForm.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: "That email address or password is too long." };
  const result = await linkBoincAccount(db(), accountId, input.data, { projectUrl: settings().boincProjectUrl });
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function unlinkBoincAction(): Promise<void> {
  const { accountId } = await requireSignedIn();
  await unlinkBoincAccount(db(), accountId);
  revalidatePath("/account");
}

export async function savePrivacyAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const { accountId } = await requireSignedIn();
  const hide = form.get("hideFromLists") === "on";
  await setHideFromLists(accountId, hide);
  // Lists and leaderboards come from the page cache: they must drop (or show) the volunteer now.
  await creditChanged();
  revalidatePath("/account");
  return {
    ok: true,
    message: hide ? "Saved: you are left out of public lists." : "Saved: you appear in public lists.",
  };
}

const TokenForm = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(60, "Use at most 60 characters for the name."),
  lifetime: z.enum(["30", "90", "365", "never"], { error: "Choose when the token expires." }),
});

export async function createTokenAction(_state: TokenActionState, form: FormData): Promise<TokenActionState> {
  const { accountId } = await requireSignedIn();
  const input = TokenForm.safeParse({ name: form.get("name") ?? "", lifetime: form.get("lifetime") ?? "" });
  if (!input.success) return { ok: false, message: input.error.issues[0].message };
  if ((await countUsableApiTokens(db(), accountId)) >= MAX_TOKENS_PER_ACCOUNT)
    return { ok: false, message: `You have ${MAX_TOKENS_PER_ACCOUNT} tokens already: revoke one first.` };
  const { lifetime, name } = input.data;
  const expiresAt = lifetime === "never" ? null : new Date(Date.now() + Number(lifetime) * 86_400_000);
  const made = await createApiToken(db(), accountId, { name, expiresAt });
  revalidatePath("/account");
  return { ok: true, message: `Token ${name} made.`, token: made.token };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const { accountId } = await requireSignedIn();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (id.success) await revokeApiToken(db(), accountId, id.data);
  revalidatePath("/account");
}

// Linking a portal account to the BOINC user its owner proved to be (./boinc-account.ts), and
// unlinking it. The link is what makes "My galaxies", the default rectangles on galaxy pages and
// "jump to my rank" work.
import type { Db } from "@/lib/db/client";
import { hitRateLimit, waitText } from "@/lib/auth/rate-limit";
import { checkBoincAccount, looksLikeAccountKey } from "./boinc-account";
import { linkFailureMessage } from "./link-messages";
import { BoincRpcError } from "./rpc-client";

export type LinkResult = { ok: boolean; message: string };

// Each attempt is a password check against the BOINC project: do not let the portal be used to
// guess BOINC passwords.
const LINK_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

export async function linkBoincAccount(
  db: Db,
  accountId: number,
  input: { email: string; secret: string },
  options: { projectUrl: string | undefined; now?: Date },
): Promise<LinkResult> {
  const now = options.now ?? new Date();
  if (!options.projectUrl)
    return fail("Linking is not set up on this portal: its operator has to set BOINC_PROJECT_URL.");
  const email = input.email.trim();
  const byKeyOnly = !email;
  if (!input.secret) return fail("Enter your BOINC password, or your account key.");
  if (byKeyOnly && !looksLikeAccountKey(input.secret))
    return fail("Enter the email address of your BOINC account (only an account key works without it).");

  const limit = await hitRateLimit(db, `boinc-link:account:${accountId}`, LINK_LIMIT, now);
  if (!limit.allowed) return fail(`Too many linking attempts. Try again in ${waitText(limit.retryAfterMs)}.`);

  let boinc;
  try {
    boinc = await checkBoincAccount(options.projectUrl, { email, secret: input.secret });
  } catch (error) {
    if (error instanceof BoincRpcError) return fail(linkFailureMessage(error.failure, options.projectUrl, byKeyOnly));
    throw error;
  }
  const known = await db.boincUser.findUnique({ where: { id: boinc.id }, select: { id: true, name: true } });
  const name = boinc.name || known?.name || `user ${boinc.id}`;
  if (!known)
    return fail(
      `Your BOINC account (${name}, id ${boinc.id}) has no credit in POGS yet. The portal knows volunteers from the project's daily statistics, which list only users with credit: link it again after your first results are credited.`,
    );

  // Whoever proves they own the BOINC account gets the link, also from an older portal account.
  const moved = await db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { boincUserId: boinc.id, id: { not: accountId } },
      data: { boincUserId: null, boincLinkedAt: null },
    });
    await tx.account.update({ where: { id: accountId }, data: { boincUserId: boinc.id, boincLinkedAt: now } });
    return count > 0;
  });
  const from = moved ? " It was linked to another portal account before; that link is removed." : "";
  return { ok: true, message: `Linked to BOINC user ${name} (id ${boinc.id}).${from}` };
}

export async function unlinkBoincAccount(db: Db, accountId: number): Promise<void> {
  await db.account.update({ where: { id: accountId }, data: { boincUserId: null, boincLinkedAt: null } });
}

function fail(message: string): LinkResult {
  return { ok: false, message };
}

// Reads of accounts for the session, the account page and the admin page. None selects the email
// address or the password hash: pages and API answers must never carry either.
import { db } from "@/lib/db/client";
import { listApiTokens } from "./api-tokens";
import { asRole } from "./roles";

/** What a session knows of its account, read on every session check so role and link are current. */
export async function getSessionAccount(accountId: number) {
  const row = await db().account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, role: true, boincUserId: true },
  });
  return row ? { ...row, role: asRole(row.role) } : null;
}

export async function getAccountOverview(accountId: number) {
  return db().account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      lastSignInAt: true,
      hideFromLists: true,
      boincLinkedAt: true,
      boincUser: { select: { id: true, name: true, totalCredit: true, team: { select: { id: true, name: true } } } },
    },
  });
}

/** Counts for the admin home page. */
export async function getAccountCounts(now = new Date()) {
  const accounts = db().account;
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [total, admins, active, linked, hidden, locked, tokens] = await Promise.all([
    accounts.count(),
    accounts.count({ where: { role: "admin" } }),
    accounts.count({ where: { lastSignInAt: { gte: weekAgo } } }),
    accounts.count({ where: { boincUserId: { not: null } } }),
    accounts.count({ where: { hideFromLists: true } }),
    accounts.count({ where: { lockedUntil: { gt: now } } }),
    db().apiToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
  ]);
  return { total, admins, volunteers: total - admins, active, linked, hidden, locked, tokens };
}

export async function setHideFromLists(accountId: number, hide: boolean): Promise<void> {
  await db().account.update({ where: { id: accountId }, data: { hideFromLists: hide } });
}

/** The account's usable API tokens for its account page (names and prefixes, never hashes). */
export async function getAccountApiTokens(accountId: number) {
  return listApiTokens(db(), accountId);
}

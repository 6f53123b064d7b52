// Operators' account chores from the command line (scripts/account.ts): the first admin of a new
// portal has to come from somewhere, and a locked-out volunteer may ask to be let in early.
import type { Db } from "@/lib/db/client";
import { normalizeEmail } from "./email";
import { ROLES, type Role } from "./roles";

export class AccountAdminError extends Error {}

async function accountId(db: Db, email: string): Promise<number> {
  const row = await db.account.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  if (!row) throw new AccountAdminError(`no account with the email address ${email}`);
  return row.id;
}

export async function listAccounts(db: Db) {
  return db.account.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, role: true, boincUserId: true, lockedUntil: true, createdAt: true },
  });
}

export async function setAccountRole(db: Db, email: string, role: string): Promise<void> {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AccountAdminError(`unknown role "${role}": use ${ROLES.join(" or ")}`);
  await db.account.update({ where: { id: await accountId(db, email) }, data: { role: role as Role } });
}

export async function unlockAccount(db: Db, email: string): Promise<void> {
  await db.account.update({ where: { id: await accountId(db, email) }, data: { lockedUntil: null, failedLogins: 0 } });
}

/** Deletes an account and its API tokens; its BOINC user and credit stay (they are BOINC's). */
export async function deleteAccount(db: Db, email: string): Promise<void> {
  await db.account.delete({ where: { id: await accountId(db, email) } });
}

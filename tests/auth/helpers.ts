// Accounts for the auth tests. Hashes made at a low scrypt cost keep tests that sign in many
// times fast; the default cost is tested in password.test.ts.
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

export const CHEAP = { ln: 10, r: 8, p: 1 };

export async function makeAccount(db: Db, email: string, password: string, extra: { boincUserId?: number } = {}) {
  return db.account.create({
    data: { email, name: email.split("@")[0], passwordHash: await hashPassword(password, CHEAP), ...extra },
    select: { id: true },
  });
}

export const minutes = (n: number) => n * 60_000;
export const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

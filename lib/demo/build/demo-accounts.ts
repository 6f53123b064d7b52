// Portal accounts of the demo survey, so sign-in, "My galaxies" and the admin pages can be tried
// at once: a volunteer linked to the top BOINC user by credit, and an admin (an operator who also
// crunches, linked to the second). The passwords are public, as the demo is; they are stored
// hashed like any other. `npm start` prints them (scripts/start.ts).
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

type DemoAccount = { email: string; password: string; role: Role; name: string; creditRank: number };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "volunteer@example.org", password: "pogs-demo-volunteer", role: "volunteer", name: "", creditRank: 1 },
  { email: "admin@example.org", password: "pogs-demo-admin", role: "admin", name: "Survey operator", creditRank: 2 },
];

/** Creates (or resets) the demo accounts; runs after the statistics import, when BOINC users exist. */
export async function createDemoAccounts(db: Db, now = new Date()): Promise<void> {
  const top = await db.boincUser.findMany({
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    take: Math.max(...DEMO_ACCOUNTS.map((a) => a.creditRank)),
    select: { id: true, name: true },
  });
  for (const demo of DEMO_ACCOUNTS) {
    const boinc = top[demo.creditRank - 1] ?? null;
    const data = {
      name: demo.name || boinc?.name || "Demo volunteer",
      role: demo.role,
      passwordHash: await hashPassword(demo.password),
      boincUserId: boinc?.id ?? null,
      boincLinkedAt: boinc ? now : null,
      failedLogins: 0,
      lockedUntil: null,
    };
    await db.account.upsert({ where: { email: demo.email }, create: { email: demo.email, ...data }, update: data });
  }
}

/** The demo sign-ins present in a database, for `npm start` to print. */
export async function demoSignIns(db: Db) {
  const rows = await db.account.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: { email: true, role: true, boincUser: { select: { id: true, name: true } } },
  });
  return DEMO_ACCOUNTS.flatMap((demo) => {
    const row = rows.find((r) => r.email === demo.email);
    return row ? [{ email: demo.email, password: demo.password, role: row.role, boincUser: row.boincUser }] : [];
  });
}

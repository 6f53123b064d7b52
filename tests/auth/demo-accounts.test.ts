import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_HASH_PATTERN } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createDemoAccounts, DEMO_ACCOUNTS, demoSignIns } from "@/lib/demo/build/demo-accounts";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

describe("the demo's accounts", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
    const credit = [500, 9000, 7000, 9000];
    for (const [i, totalCredit] of credit.entries())
      await temp.db.boincUser.create({
        data: { id: i + 1, name: `User ${i + 1}`, createTime: new Date("2020-01-01Z"), totalCredit },
      });
    await createDemoAccounts(temp.db);
  });
  afterAll(() => temp.cleanup());

  it("link the volunteer to the top BOINC user by credit and the admin to the second", async () => {
    const signIns = await demoSignIns(temp.db);
    expect(signIns.map((s) => [s.email, s.role, s.boincUser?.id])).toEqual([
      ["volunteer@example.org", "volunteer", 2], // 9000 credits, the lower id of the tie
      ["admin@example.org", "admin", 4],
    ]);
  });

  it("store the public passwords hashed, and sign in with them", async () => {
    const rows = await temp.db.account.findMany({ omit: { passwordHash: false } });
    for (const row of rows) {
      expect(row.passwordHash).toMatch(PASSWORD_HASH_PATTERN);
      expect(row.passwordHash).not.toContain(DEMO_ACCOUNTS.find((a) => a.email === row.email)!.password);
    }
    for (const demo of DEMO_ACCOUNTS) {
      const r = await signInWithPassword(temp.db, { email: demo.email, password: demo.password, address: "x" });
      expect(r.ok).toBe(true);
    }
  });

  it("are made again, not twice, when the demo is rebuilt", async () => {
    await createDemoAccounts(temp.db);
    expect(await temp.db.account.count()).toBe(DEMO_ACCOUNTS.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { SIGN_IN_LIMITS, signInWithPassword } from "@/lib/auth/sign-in";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { later, makeAccount, minutes } from "./helpers";

describe("sign-in rate limits", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it("refuse an account's 11th attempt in 15 minutes from any address, even with the right password", async () => {
    const { id } = await makeAccount(temp.db, "dana@example.org", "dana's password");
    const t0 = new Date("2026-12-01T09:00:00Z");
    const { limit } = SIGN_IN_LIMITS.perAccount;
    // Right and wrong passwords alternate so the lock-out (consecutive failures) never starts.
    for (let i = 0; i < limit; i++) {
      const password = i % 2 ? "dana's password" : "a wrong one";
      await signInWithPassword(
        temp.db,
        { email: "dana@example.org", password, address: `198.51.100.${i}` },
        later(t0, i * 1000),
      );
    }
    const refused = await signInWithPassword(
      temp.db,
      { email: "dana@example.org", password: "dana's password", address: "203.0.113.99" },
      later(t0, minutes(5)),
    );
    expect(refused).toEqual({
      ok: false,
      reason: "rate-limited",
      message: "Too many sign-in attempts for this account. Try again in 10 minutes.",
    });
    const afterWindow = await signInWithPassword(
      temp.db,
      { email: "dana@example.org", password: "dana's password", address: "203.0.113.99" },
      later(t0, minutes(15) + 1000),
    );
    expect(afterWindow).toEqual({ ok: true, accountId: id });
  });

  it("refuse an address's 41st attempt in 15 minutes, whatever the account; other addresses go on", async () => {
    const t0 = new Date("2026-12-01T12:00:00Z");
    const emails = ["e1", "e2", "e3", "e4", "e5"].map((n) => `${n}@example.org`);
    for (const email of emails) await makeAccount(temp.db, email, "a long password");
    const address = "192.0.2.77";
    const perAccount = SIGN_IN_LIMITS.perAccount.limit;
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) {
      const r = await signInWithPassword(
        temp.db,
        { email: emails[Math.floor(i / perAccount)], password: "wrong", address },
        later(t0, i * 1000),
      );
      expect(r.ok ? "" : r.message).not.toMatch(/Too many/);
    }
    const refused = await signInWithPassword(
      temp.db,
      { email: emails[4], password: "a long password", address },
      later(t0, minutes(1)),
    );
    expect(refused.ok ? "" : refused.message).toBe(
      "Too many sign-in attempts from your network address. Try again in 14 minutes.",
    );
    const elsewhere = await signInWithPassword(
      temp.db,
      { email: emails[4], password: "a long password", address: "192.0.2.78" },
      later(t0, minutes(1)),
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("count in the database, so every server process sees the same window", async () => {
    const other = createDb(temp.databaseUrl); // a second server process's client
    try {
      const rule = { limit: 3, windowMs: minutes(1) };
      const t0 = new Date("2026-12-01T15:00:00Z");
      const seen = [];
      for (let i = 0; i < 4; i++)
        seen.push(await hitRateLimit(i % 2 ? other : temp.db, "test:shared", rule, later(t0, i)));
      expect(seen.map((s) => [s.count, s.allowed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, false],
      ]);
      const next = await hitRateLimit(other, "test:shared", rule, later(t0, minutes(1)));
      expect([next.count, next.allowed]).toEqual([1, true]);
    } finally {
      await other.$disconnect();
    }
  });
});

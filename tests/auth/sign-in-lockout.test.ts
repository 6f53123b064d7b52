import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT } from "@/lib/auth/lockout";
import { signInWithPassword, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { later, makeAccount, minutes } from "./helpers";

describe("lock-out after repeated failed sign-ins", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  const attempt = (email: string, password: string, now: Date, address = "192.0.2.1") =>
    signInWithPassword(temp.db, { email, password, address }, now);

  it("locks after the fifth wrong password, refuses the right one while locked, and lets it in after", async () => {
    const { id } = await makeAccount(temp.db, "ann@example.org", "the right password");
    const t0 = new Date("2026-12-01T10:00:00Z");
    for (let i = 1; i < LOCKOUT.maxFailures; i++) {
      const r = await attempt("ann@example.org", `wrong ${i}`, later(t0, i * 1000));
      expect(r).toEqual({ ok: false, reason: "invalid", message: WRONG_CREDENTIALS });
    }
    const fifth = await attempt("ann@example.org", "wrong 5", later(t0, 5000));
    expect(fifth.ok).toBe(false);
    expect(fifth.ok ? "" : fifth.message).toBe(
      "This account is locked after 5 failed sign-ins. Try again in 15 minutes (at 10:15 UTC).",
    );

    const whileLocked = await attempt("ann@example.org", "the right password", later(t0, minutes(10)));
    expect(whileLocked).toMatchObject({ ok: false, reason: "locked" });
    expect(whileLocked.ok ? "" : whileLocked.message).toMatch(/locked .* Try again in 6 minutes \(at 10:15 UTC\)/);

    const after = await attempt("ann@example.org", "the right password", later(t0, minutes(15) + 6000));
    expect(after).toEqual({ ok: true, accountId: id });
    const row = await temp.db.account.findUniqueOrThrow({ where: { id } });
    expect(row.failedLogins).toBe(0);
    expect(row.lockedUntil).toBeNull();
    expect(row.lastSignInAt?.toISOString()).toBe(later(t0, minutes(15) + 6000).toISOString());
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await makeAccount(temp.db, "bob@example.org", "bob's password!");
    const t0 = new Date("2026-12-02T10:00:00Z");
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt("bob@example.org", "nope", later(t0, i * 1000));
    expect((await attempt("bob@example.org", "bob's password!", later(t0, 10_000))).ok).toBe(true);
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) {
      const r = await attempt("bob@example.org", "nope", later(t0, 20_000 + i * 1000));
      expect(r).toMatchObject({ ok: false, reason: "invalid" });
    }
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const r = await attempt("nobody@example.org", "whatever it is", new Date("2026-12-03T10:00:00Z"));
    expect(r).toEqual({ ok: false, reason: "invalid", message: WRONG_CREDENTIALS });
  });

  it("takes the email in any case and with spaces around it", async () => {
    await makeAccount(temp.db, "cleo@example.org", "cleo's password");
    const r = await attempt("  Cleo@Example.ORG ", "cleo's password", new Date("2026-12-04T10:00:00Z"));
    expect(r.ok).toBe(true);
  });
});

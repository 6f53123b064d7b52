import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_HASH_PATTERN } from "@/lib/auth/password";
import { getAccountOverview, getSessionAccount } from "@/lib/auth/queries";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const valid = {
  name: "Ann",
  email: "Ann@Example.org",
  password: "a good long password",
  confirm: "a good long password",
};

describe("sign-up", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase({ useAsProcessDefault: true });
  });
  afterAll(() => temp.cleanup());

  it("makes a volunteer account with a scrypt hash, which signs in", async () => {
    const made = await signUp(temp.db, valid, "192.0.2.1");
    expect(made.ok).toBe(true);
    const row = await temp.db.account.findFirstOrThrow({ omit: { passwordHash: false } });
    expect(row.email).toBe("ann@example.org");
    expect(row.role).toBe("volunteer");
    expect(row.passwordHash).toMatch(PASSWORD_HASH_PATTERN);
    const signedIn = await signInWithPassword(temp.db, { email: valid.email, password: valid.password, address: "x" });
    expect(signedIn.ok).toBe(true);
  });

  it("never hands out the email or the hash through the page and session queries, or by default", async () => {
    const row = await temp.db.account.findFirstOrThrow();
    expect(row).not.toHaveProperty("passwordHash");
    for (const read of [await getSessionAccount(row.id), await getAccountOverview(row.id)]) {
      const text = JSON.stringify(read);
      expect(text).not.toMatch(/@/);
      expect(text).not.toMatch(/scrypt/);
    }
  });

  it("says what to fix in each field", async () => {
    const r = await signUp(
      temp.db,
      { name: " ", email: "not-an-email", password: "short", confirm: "other" },
      "192.0.2.2",
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        name: "Enter a name.",
        email: "Enter a valid email address.",
        password: "Use at least 10 characters for your password.",
        confirm: "The two passwords differ.",
      },
    });
  });

  it("refuses an email address that has an account, in any case", async () => {
    const r = await signUp(temp.db, { ...valid, email: "ANN@example.org" }, "192.0.2.3");
    expect(r).toEqual({
      ok: false,
      errors: { email: "An account with that email address exists already: sign in instead." },
    });
  });

  it("limits new accounts per address", async () => {
    const t0 = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < 10; i++) {
      const r = await signUp(temp.db, { ...valid, email: `n${i}@example.org` }, "192.0.2.50", t0);
      expect(r.ok).toBe(true);
    }
    const r = await signUp(temp.db, { ...valid, email: "n10@example.org" }, "192.0.2.50", t0);
    expect(r).toEqual({
      ok: false,
      errors: { form: "Too many new accounts from your network address. Try again in 60 minutes." },
    });
  });
});

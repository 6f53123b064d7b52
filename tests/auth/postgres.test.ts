// The account queries on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI): rate-limit counters
// under concurrent hits from two clients, the lock-out, sign-up's unique email and API tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import { createDb, type Db } from "@/lib/db/client";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { later, makeAccount, minutes } from "./helpers";

describe.runIf(TEST_POSTGRES_URL)("accounts on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  let other: Db;

  beforeAll(async () => {
    database = await createPostgresDatabase("auth");
    db = database.db;
    other = createDb(database.databaseUrl);
  });
  afterAll(async () => {
    await other?.$disconnect();
    await database?.drop();
  });

  it("counts concurrent hits from two server processes exactly once each", async () => {
    const rule = { limit: 15, windowMs: minutes(1) };
    const t0 = new Date("2026-12-01T10:00:00Z");
    const hits = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hitRateLimit(i % 2 ? other : db, "pg:concurrent", rule, later(t0, i))),
    );
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(hits.filter((h) => !h.allowed)).toHaveLength(5);
  });

  it("locks after five wrong passwords and unlocks after the lock's time", async () => {
    const { id } = await makeAccount(db, "pg-ann@example.org", "the right password");
    const t0 = new Date("2026-12-01T11:00:00Z");
    const attempt = (password: string, at: Date) =>
      signInWithPassword(db, { email: "pg-ann@example.org", password, address: "192.0.2.9" }, at);
    for (let i = 0; i < 5; i++) await attempt("wrong", later(t0, i * 1000));
    expect(await attempt("the right password", later(t0, minutes(1)))).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt("the right password", later(t0, minutes(16)))).toEqual({ ok: true, accountId: id });
  });

  it("keeps one account per email address in any case", async () => {
    const input = { name: "Bo", email: "Bo@Example.org", password: "a long password", confirm: "a long password" };
    expect((await signUp(db, input, "192.0.2.10")).ok).toBe(true);
    expect(await signUp(db, { ...input, email: "BO@example.ORG" }, "192.0.2.10")).toMatchObject({ ok: false });
  });

  it("lists and revokes API tokens", async () => {
    const { id } = await makeAccount(db, "pg-tok@example.org", "a long password");
    const made = await createApiToken(db, id, { name: "pg", expiresAt: null });
    expect((await listApiTokens(db, id)).map((t) => t.prefix)).toEqual([made.prefix]);
    expect(await revokeApiToken(db, id, made.id)).toBe(true);
    expect(await listApiTokens(db, id)).toEqual([]);
  });
});

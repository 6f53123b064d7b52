import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateBearer, createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { later, makeAccount, minutes } from "./helpers";

const bearer = (token: string) =>
  new Request("http://portal.test/api/soda/sync", { headers: { Authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  let temp: TempDatabase;
  let accountId: number;
  beforeAll(async () => {
    // authenticateBearer uses the process's database, as route handlers do
    temp = await createTempDatabase({ useAsProcessDefault: true });
    accountId = (await makeAccount(temp.db, "scripter@example.org", "a password here")).id;
  });
  afterAll(() => temp.cleanup());

  it("are shown once and stored only as their sha256", async () => {
    const made = await createApiToken(temp.db, accountId, { name: "laptop", expiresAt: null });
    expect(made.token).toMatch(/^pogs_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    const row = await temp.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(made.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const listed = await listApiTokens(temp.db, accountId);
    expect(listed.map((t) => t.name)).toContain("laptop");
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "prefix"]);
  });

  it("authenticate a Bearer request and note when they were last used, at most once a minute", async () => {
    const made = await createApiToken(temp.db, accountId, { name: "cron", expiresAt: null });
    const t0 = new Date("2026-12-01T08:00:00Z");
    const lastUsed = async () => (await temp.db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt;
    expect(await authenticateBearer(bearer(made.token), t0)).toEqual({ accountId });
    expect(await lastUsed()).toEqual(t0);
    await authenticateBearer(bearer(made.token), later(t0, 30_000));
    expect(await lastUsed()).toEqual(t0);
    await authenticateBearer(bearer(made.token), later(t0, minutes(2)));
    expect(await lastUsed()).toEqual(later(t0, minutes(2)));
  });

  it("stop working when revoked or expired", async () => {
    const revoked = await createApiToken(temp.db, accountId, { name: "old", expiresAt: null });
    expect(await revokeApiToken(temp.db, accountId, revoked.id)).toBe(true);
    expect(await authenticateBearer(bearer(revoked.token))).toBeNull();
    expect((await listApiTokens(temp.db, accountId)).map((t) => t.name)).not.toContain("old");

    const t0 = new Date("2026-12-01T08:00:00Z");
    const expiring = await createApiToken(temp.db, accountId, { name: "week", expiresAt: later(t0, minutes(60)) });
    expect(await authenticateBearer(bearer(expiring.token), later(t0, minutes(59)))).toEqual({ accountId });
    expect(await authenticateBearer(bearer(expiring.token), later(t0, minutes(60)))).toBeNull();
  });

  it("cannot be revoked by another account", async () => {
    const other = await makeAccount(temp.db, "other@example.org", "a password here");
    const made = await createApiToken(temp.db, accountId, { name: "mine", expiresAt: null });
    expect(await revokeApiToken(temp.db, other.id, made.id)).toBe(false);
    expect(await authenticateBearer(bearer(made.token))).toEqual({ accountId });
  });

  it("ignore requests without a well-formed Bearer token", async () => {
    expect(await authenticateBearer(new Request("http://portal.test/"))).toBeNull();
    expect(await authenticateBearer(bearer("pogs_short"))).toBeNull();
    expect(await authenticateBearer(bearer(`pogs_${"A".repeat(43)}`))).toBeNull();
    const basic = new Request("http://portal.test/", { headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect(await authenticateBearer(basic)).toBeNull();
  });
});

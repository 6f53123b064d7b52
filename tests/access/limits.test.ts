// Limits of data requests: counted per address in the shared RateLimit table (429 with Retry-After
// once an hour's allowance is used, another address unaffected); an API token lifts the limits
// (its own count per account, larger subsets at once); a token that is not valid is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as jobsPOST } from "@/app/api/jobs/route";
import { GET as sodaGET } from "@/app/api/soda/sync/route";
import { ANONYMOUS, WITH_TOKEN } from "@/lib/access/limits/allowances";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
let token: string;
let tokenId: number;
let bigId: number;

beforeAll(async () => {
  survey = await createAccessSurvey();
  const account = await survey.temp.db.account.create({
    data: { email: "ann@example.org", passwordHash: "x", role: "volunteer" },
  });
  ({ token, id: tokenId } = await createApiToken(survey.temp.db, account.id, { name: "script", expiresAt: null }));
  // A large galaxy said to have results (none stored: its subsets are all NaN), for the size limits.
  const g = await survey.temp.db.galaxy.findUniqueOrThrow({ where: { id: survey.galaxyId } });
  bigId = (
    await survey.temp.db.galaxy.create({
      data: {
        runId: g.runId,
        name: "BIG 1",
        ra: 10,
        dec: 10,
        redshift: 0.01,
        width: 2900,
        height: 2900,
        pixelScale: 1,
        wcs: g.wcs,
        pixelsProcessed: 1,
        status: "computing",
      },
    })
  ).id;
});
afterAll(() => survey?.temp.cleanup());

const sodaFrom = (headers: Record<string, string>, query = `ID=${survey.galaxyId}&PIXELS=[1:2,1:2]`) =>
  call(sodaGET, `/api/soda/sync?${query}`, {}, { headers });

describe("per address", () => {
  it(`allows ${ANONYMOUS.requestsPerHour} subset requests an hour, then 429 with Retry-After, per address`, async () => {
    const address = { "x-forwarded-for": "198.51.100.1" };
    for (let i = 0; i < ANONYMOUS.requestsPerHour; i++) expect((await sodaFrom(address)).status).toBe(200);
    const refused = await sodaFrom(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(
      /^ServiceUnavailable: 120 data requests an hour per address reached; retry in \d+ minutes?, or use an API token/,
    );
    // Jobs count against the same allowance, answered in JSON.
    const job = await call(jobsPOST, `/api/jobs?ID=${survey.galaxyId}`, {}, { method: "POST", headers: address });
    expect(job.status).toBe(429);
    expect((await job.json()).error.code).toBe("rate_limited");
    // The address the client claims (before the proxy's entry) is not the one counted.
    expect((await sodaFrom({ "x-forwarded-for": "198.51.100.1, 198.51.100.2" })).status).toBe(200);
    expect((await sodaFrom({ "x-forwarded-for": "198.51.100.3" })).status).toBe(200);
  });

  it("answers an anonymous subset over the immediate size with 413, saying to make it a job", async () => {
    const r = await sodaFrom({ "x-forwarded-for": "198.51.100.9" }, `ID=${bigId}&PARAM=mu&PARAM=m`);
    expect(r.status).toBe(413);
    expect(await r.text()).toContain(
      "over the 64 MB answered at once: narrow the region, PARAM or STAT, or submit it as a job",
    );
  });
});

describe("with an API token", () => {
  const bearer = () => ({ authorization: `Bearer ${token}`, "x-forwarded-for": "198.51.100.1" });

  it("is served from an address whose anonymous allowance is used up, and gets larger subsets at once", async () => {
    expect((await sodaFrom(bearer())).status).toBe(200);
    const big = await sodaFrom(bearer(), `ID=${bigId}&PARAM=mu&PARAM=m`);
    expect(ANONYMOUS.syncBytes).toBeLessThan(2900 * 2900 * 2 * 4);
    expect(WITH_TOKEN.syncBytes).toBeGreaterThan(2900 * 2900 * 2 * 4);
    expect(big.status).toBe(200);
    expect(Number(big.headers.get("content-length"))).toBeGreaterThan(2900 * 2900 * 2 * 4);
    await big.arrayBuffer();
  });

  it("owns its jobs through the account, not the address", async () => {
    const r = await call(
      jobsPOST,
      `/api/jobs?ID=${survey.galaxyId}&PIXELS=[1:2,1:2]`,
      {},
      { method: "POST", headers: bearer() },
    );
    expect(r.status).toBe(303);
    const row = await survey.temp.db.dataRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(row.owner).toMatch(/^account:\d+$/);
    expect(row.accountId).not.toBeNull();
  });

  it("refuses a revoked or malformed token with 401 instead of serving it as anonymous", async () => {
    await revokeApiToken(
      survey.temp.db,
      (await survey.temp.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).accountId,
      tokenId,
    );
    for (const authorization of [`Bearer ${token}`, "Bearer pogs_nonsense"]) {
      const r = await sodaFrom({ authorization, "x-forwarded-for": "198.51.100.50" });
      expect(r.status).toBe(401);
      expect(await r.text()).toBe(
        "AuthenticationError: the API token is unknown, revoked or expired; make a new one on your account page\n",
      );
    }
  });
});

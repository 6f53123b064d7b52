// The CSRF check of state-changing route handlers: another site's page is refused with 403 in the
// API's error shape (DALI text on the IVOA routes), the portal's own pages and scripts pass.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { apiRoute, type RouteHandler } from "@/lib/api/handler";
import { crossSiteRefusal } from "@/lib/security/same-origin";

const PORTAL = "http://pogs.example.org:3000";
const request = (method: string, headers: Record<string, string> = {}, url = `${PORTAL}/api/jobs`) =>
  new Request(url, { method, headers: { host: "pogs.example.org:3000", ...headers } });
const refused = (r: Request, publicUrl?: string) => crossSiteRefusal(r, () => publicUrl);

describe("crossSiteRefusal", () => {
  it("lets reads through whoever sent them", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(refused(request(method, { origin: "http://evil.example" }))).toBeNull();
  });

  it("lets the portal's own pages and scripts without an Origin change things", () => {
    expect(refused(request("POST", { origin: PORTAL }))).toBeNull();
    expect(refused(request("DELETE", { origin: "http://POGS.example.org" }))).toBeNull(); // ports are not compared
    expect(refused(request("POST"))).toBeNull(); // curl, Python, TOPCAT
    expect(refused(request("POST", { "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("knows the portal behind a proxy by X-Forwarded-Host or NEXTAUTH_URL", () => {
    const behind = { host: "127.0.0.1:3000", origin: "https://pogs.example.org" };
    const inside = (headers: Record<string, string>) =>
      new Request("http://127.0.0.1:3000/api/jobs", { method: "POST", headers });
    expect(refused(inside(behind))).not.toBeNull();
    expect(refused(inside({ ...behind, "x-forwarded-host": "pogs.example.org" }))).toBeNull();
    expect(refused(inside(behind), "https://pogs.example.org/")).toBeNull();
  });

  it("refuses another site's page, an opaque origin and a cross-site fetch without Origin", () => {
    for (const headers of [
      { origin: "http://evil.example" },
      { origin: "http://pogs.example.org.evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ] as Record<string, string>[]) {
      const error = refused(request("POST", headers));
      expect(error?.status, JSON.stringify(headers)).toBe(403);
      expect(error?.code).toBe("forbidden");
    }
    expect(refused(request("DELETE", { origin: "http://evil.example" }))?.message).toMatch(
      /^a DELETE from another site \(http:\/\/evil\.example\) is refused/,
    );
  });
});

describe("the route wrappers", () => {
  let ran = 0;
  const cancel = apiRoute({}, () => ({ cancelled: ++ran }));
  const Params = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));
  const sodaLike = ivoaRoute({ query: Params }, ({ query }) => ({ phase: query.PHASE }));
  const jobsLike = ivoaRoute({ query: Params }, ({ query }) => ({ phase: query.PHASE }), { errors: "json" });
  const call = (route: RouteHandler<unknown>, origin: string) =>
    route(
      new Request(`${PORTAL}/api/jobs/1/phase`, {
        method: "POST",
        headers: { host: "pogs.example.org:3000", origin, "content-type": "application/x-www-form-urlencoded" },
        body: "PHASE=ABORT",
      }),
      { params: Promise.resolve({}) },
    );

  it("answer 403 in the API's error shape before the handler runs", async () => {
    const r = await call(cancel, "http://evil.example");
    expect(r.status).toBe(403);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await r.json()).error.code).toBe("forbidden");
    expect(ran).toBe(0);
    expect((await call(cancel, PORTAL)).status).toBe(200);
    expect(ran).toBe(1);
  });

  it("check an IVOA form POST before it is read as a query", async () => {
    const json = await call(jobsLike, "http://evil.example");
    expect(json.status).toBe(403);
    expect((await json.json()).error.code).toBe("forbidden");
    const dali = await call(sodaLike, "http://evil.example");
    expect(dali.status).toBe(403);
    expect(await dali.text()).toMatch(/^AuthorizationError: a POST from another site/);
    expect(await (await call(jobsLike, PORTAL)).json()).toEqual({ phase: ["ABORT"] });
  });
});

// apiRoute on a route of its own (no database): every failure answers the one JSON error shape.
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { apiRoute, type RouteHandler } from "@/lib/api/handler";
import { idParam, intParam } from "@/lib/api/params";

const teams = new Map([[7, { id: 7, name: "Orion" }]]);

const teamMembers = apiRoute(
  {
    params: z.object({ id: idParam("team") }),
    query: z.object({ page: intParam("page", 100), sort: z.enum(["rac", "credit"]) }),
  },
  ({ params, query }) => ({ team: teams.get(params.id) ?? notFound(`no team with id ${params.id}`), ...query }),
);

const renameTeam = apiRoute(
  { params: z.object({ id: idParam("team") }), body: z.object({ name: z.string().min(1) }) },
  ({ params, body }) => Response.json({ id: params.id, name: body.name }, { status: 201 }),
);

const call = (route: RouteHandler<{ id: string }>, path: string, id: string, init?: RequestInit) =>
  route(new Request(`http://localhost${path}`, init), { params: Promise.resolve({ id }) });

const post = (body: string) => ({ method: "POST", body, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.restoreAllMocks());

describe("apiRoute", () => {
  it("hands the handler parsed params and query, and answers a plain object as JSON", async () => {
    const r = await call(teamMembers, "/api/teams/7/members?page=2&sort=rac&page=9", "7");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ team: { id: 7, name: "Orion" }, page: 2, sort: "rac" });
    expect((await call(renameTeam, "/api/teams/7", "7", post('{"name":"Lyra"}'))).status).toBe(201);
  });

  it("answers a query that does not parse with 400, the message naming the parameter", async () => {
    const cases = [
      ["page=x&sort=rac", "page must be a non-negative integer"],
      ["page=101&sort=rac", "page must be at most 100"],
      ["sort=rac", "page is required"],
      ["page=1&sort=name", "sort: "], // zod's own message, with the parameter's name in front
    ];
    for (const [query, message] of cases) {
      const r = await call(teamMembers, `/api/teams/7/members?${query}`, "7");
      expect(r.status, query).toBe(400);
      expect(r.headers.get("cache-control")).toBe("no-store");
      const body = await r.json();
      expect(body, query).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
      expect(body.error.message, query).toContain(message);
    }
  });

  it("answers a body that is not JSON, or not the expected JSON, with 400", async () => {
    const notJson = await call(renameTeam, "/api/teams/7", "7", post("{name"));
    expect(await notJson.json()).toEqual({ error: { code: "bad_request", message: "the request body must be JSON" } });
    const empty = await call(renameTeam, "/api/teams/7", "7", post('{"name":""}'));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/^name: /);
  });

  it("answers a malformed id in the path, and notFound() in the handler, with 404", async () => {
    for (const id of ["abc", "0", "-1", "99999999999"]) {
      const r = await call(teamMembers, `/api/teams/${id}/members?page=1&sort=rac`, id);
      expect(r.status, id).toBe(404);
      expect(await r.json()).toEqual({ error: { code: "not_found", message: `no team with id ${id}` } });
    }
    const missing = await call(teamMembers, "/api/teams/8/members?page=1&sort=rac", "8");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "no team with id 8" } });
  });

  it("answers an unexpected exception with 500 and an error id, logging the stack under that id", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = "connect ECONNREFUSED /var/lib/pogs/portal.db";
    const failing = apiRoute({}, () => {
      throw new Error(secret);
    });
    const r = await failing(new Request("http://localhost/api/leaderboard"), { params: Promise.resolve({}) });
    expect(r.status).toBe(500);
    const text = await r.text();
    const body = JSON.parse(text);
    expect(body).toEqual({
      error: { code: "internal_error", message: expect.stringContaining(body.error.id), id: expect.any(String) },
    });
    expect(body.error.id).toMatch(/^[0-9a-f]{8}$/);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\bat .*handler\.test\.ts/);
    const output = logged.mock.calls.map((args) => args.map((a) => (a instanceof Error ? a.stack : a)).join(" "));
    expect(output.join("\n")).toContain(body.error.id);
    expect(output.join("\n")).toContain(secret);
    expect(output.join("\n")).toMatch(/\bat .*handler\.test\.ts/);
  });

  it("lets Next's own control flow (redirect) through", async () => {
    const moved = apiRoute({}, () => redirect("/leaderboards"));
    await expect(moved(new Request("http://localhost/api/old"), { params: Promise.resolve({}) })).rejects.toThrow(
      "NEXT_REDIRECT",
    );
  });
});

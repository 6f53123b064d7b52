// The credit API's route handlers on a real SQLite file: shapes, 404s and 400s in the portal's
// error shape, hidden volunteers, and never an e-mail address or password hash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { NOW, addExport, addTeams, addVolunteers, hideFromLists } from "./helpers";

type Route<P> = (r: Request, c: { params: Promise<P> }) => Promise<Response>;
let temp: TempDatabase;
let users: Route<{ id: string }>;
let teams: Route<{ id: string }>;
let boards: Route<{ kind: string }>;
let trophies: Route<Record<string, never>>;

async function call<P>(route: Route<P>, params: P, query = "") {
  const response = await route(new Request(`http://localhost/api/x?${query}`), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  await addTeams(temp.db, [{ id: 7, totalCredit: 3000, rac: 40, members: 2, name: "Seven" }]);
  await temp.db.team.update({
    where: { id: 7 },
    data: { description: "<p>We <b>crunch</b> &amp; chat</p><script>alert(1)</script>" },
  });
  await addVolunteers(temp.db, [
    { id: 1, totalCredit: 2000, rac: 30, teamId: 7, name: "Ann", country: "Chile" },
    { id: 2, totalCredit: 1000, rac: 10, teamId: 7, name: "Ben" },
    { id: 3, totalCredit: 5000, rac: 90, name: "Hidden Hal" },
  ]);
  await hideFromLists(temp.db, [3]);
  await temp.db.account.create({ data: { email: "ann@example.org", passwordHash: "scrypt$secret", boincUserId: 1 } });
  await addExport(temp.db, NOW);
  ({ GET: users } = await import("@/app/api/users/[id]/route"));
  ({ GET: teams } = await import("@/app/api/teams/[id]/route"));
  ({ GET: boards } = await import("@/app/api/leaderboards/[kind]/route"));
  ({ GET: trophies } = await import("@/app/api/trophies/route"));
  const { awardTrophies } = await import("@/lib/credit/trophies/award");
  await awardTrophies(temp.db);
});
afterAll(() => temp.cleanup());

describe("/api/users/<id>", () => {
  it("answers a listed volunteer with ranks, trophies, contributions and history", async () => {
    const { status, body, text } = await call(users, { id: "1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 1,
      name: "Ann",
      country: "Chile",
      totalCredit: 2000,
      team: { id: 7, name: "Seven" },
      hiddenFromLists: false,
      ranks: { credit: 1, rac: 1, of: 2, team: { rank: 1, members: 2 } },
      contributions: { galaxies: 0, areas: 0, pixels: 0 },
      galaxies: { page: 1, pageCount: 1, rows: [] },
      history: [],
    });
    expect(body.trophies.map((t: { name: string }) => t.name)).toContain("Number one");
    expect(text).not.toMatch(/@|scrypt|password|email/i);
  });

  it("answers a hidden volunteer with what BOINC itself publishes only", async () => {
    const { status, body } = await call(users, { id: "3" });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      "country",
      "hiddenFromLists",
      "id",
      "joined",
      "name",
      "rac",
      "team",
      "totalCredit",
    ]);
    expect(body.hiddenFromLists).toBe(true);
  });

  it.each([
    ["99", "no volunteer with id 99"],
    ["abc", "no volunteer with id abc"],
    ["0", "no volunteer with id 0"],
  ])("answers /api/users/%s with 404", async (id, message) => {
    expect(await call(users, { id })).toMatchObject({ status: 404, body: { error: { code: "not_found", message } } });
  });

  it("refuses a bad page with 400", async () => {
    const { status, body } = await call(users, { id: "1" }, "page=0");
    expect(status).toBe(400);
    expect(body.error.message).toBe("page must be a whole number from 1 to 999999");
  });
});

describe("/api/teams/<id>", () => {
  it("answers the team with its plain-text description and listed members", async () => {
    const { status, body } = await call(teams, { id: "7" }, "sort=rac");
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 7, name: "Seven", description: "We crunch & chat", ranks: { credit: 1, rac: 1 } });
    expect(body.members.rows.map((m: { name: string; rank: number }) => [m.name, m.rank])).toEqual([
      ["Ann", 1],
      ["Ben", 2],
    ]);
  });

  it("answers 404 and 400 in the error shape", async () => {
    expect(await call(teams, { id: "8" })).toMatchObject({
      status: 404,
      body: { error: { message: "no team with id 8" } },
    });
    expect(await call(teams, { id: "7" }, "sort=name")).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", message: "sort must be credit or rac" } },
    });
  });
});

describe("/api/leaderboards/<kind>", () => {
  it("answers a page of volunteers without the hidden one", async () => {
    const { status, body } = await call(boards, { kind: "users" }, "by=credit");
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "users", by: "credit", page: 1, pageCount: 1, total: 2 });
    expect(body.rows).toEqual([
      {
        rank: 1,
        id: 1,
        name: "Ann",
        country: "Chile",
        team: { id: 7, name: "Seven" },
        totalCredit: 2000,
        rac: expect.any(Number),
      },
      {
        rank: 2,
        id: 2,
        name: "Ben",
        country: "",
        team: { id: 7, name: "Seven" },
        totalCredit: 1000,
        rac: expect.any(Number),
      },
    ]);
  });

  it("answers teams with members and searches", async () => {
    const { body } = await call(boards, { kind: "teams" }, "by=rac&q=sev");
    expect(body.rows).toEqual([
      { rank: 1, id: 7, name: "Seven", country: "", members: 2, totalCredit: 3000, rac: expect.any(Number) },
    ]);
  });

  it.each([
    ["users", "by=size", 400, "by must be credit or rac"],
    ["users", "page=-1", 400, "page must be a whole number from 1 to 1000000"],
    ["users", "around=x", 400, "around must be a volunteer or team id"],
    ["countries", "around=3", 400, "around is for users and teams"],
    ["hosts", "", 404, "no leaderboard hosts: there are users, teams and countries"],
  ])("/api/leaderboards/%s?%s → %i", async (kind, query, status, message) => {
    const r = await call(boards, { kind }, query);
    expect(r.status).toBe(status);
    expect(r.body.error.message).toBe(message);
  });
});

describe("/api/trophies", () => {
  it("lists every trophy with its rule and listed holders", async () => {
    const { status, body } = await call(trophies, {});
    expect(status).toBe(200);
    const first = body.trophies.find((t: { name: string }) => t.name === "Thousand credits");
    expect(first).toMatchObject({
      kind: "credit",
      threshold: 1000,
      metal: "bronze",
      holders: 2,
      holdersUrl: `/trophies/${first.id}`,
    });
    expect(first.rule).toBe("A total credit of at least 1,000.");
  });
});

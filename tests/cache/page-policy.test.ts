// Every page of the portal is decided: served from the page cache (the same for every visitor,
// with the tags of the events that change it) or rendered per request. A new page fails here
// until someone decides.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pagePolicy } from "@/lib/cache/page-policy";
import { PROJECT_ROOT } from "@/lib/project-root";

const SAMPLE: Record<string, string> = { "[id]": "12", "[xy]": "40,41" };

function pageRoutes(dir = path.join(PROJECT_ROOT, "app"), prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") routes.push(prefix || "/");
    if (!entry.isDirectory() || entry.name === "api") continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${SAMPLE[entry.name] ?? entry.name}`;
    routes.push(...pageRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
  }
  return routes;
}

const PER_VISITOR = ["/account", "/admin", "/admin/challenges", "/jobs", "/sign-in", "/sign-up", "/galaxies/12/data"];

describe("page policy", () => {
  const routes = pageRoutes();

  it("knows every page of the app", () => {
    expect(routes.length).toBeGreaterThan(20);
    const undecided = routes.filter((r) => pagePolicy(r) === null && !PER_VISITOR.includes(r));
    expect(undecided).toEqual([]);
  });

  it("renders personal pages per request", () => {
    for (const route of PER_VISITOR) expect(pagePolicy(route), route).toBeNull();
  });

  it("tags a galaxy's pages with the galaxy, and the credit pages with credit", () => {
    expect(pagePolicy("/galaxies/12")).toEqual({ tags: ["galaxy:12", "credit"], clientParams: ["user", "view"] });
    expect(pagePolicy("/galaxies/12/pixels/40,41")?.tags).toEqual(["galaxy:12", "credit"]);
    expect(pagePolicy("/")?.tags).toEqual(["survey", "credit"]);
    for (const route of ["/leaderboards", "/teams/4", "/challenges/2", "/trophies"])
      expect(pagePolicy(route)?.tags, route).toEqual(["credit"]);
    expect(pagePolicy("/data")?.tags).toEqual(["survey"]);
  });

  it("caches the API's public reads under the events that change them, and nothing per caller", () => {
    expect(pagePolicy("/api/galaxies/12/areas")?.tags).toEqual(["galaxy:12", "credit"]);
    expect(pagePolicy("/api/leaderboards/users")?.tags).toEqual(["credit"]);
    expect(pagePolicy("/api/catalogue")?.tags).toEqual(["survey"]);
    expect(pagePolicy("/api/users/4")?.tags).toEqual(["survey", "credit"]);
    for (const route of [
      "/api/galaxies/12/pixel",
      "/api/galaxies/12/maps",
      "/api/jobs",
      "/api/jobs/3",
      "/api/soda/sync",
    ])
      expect(pagePolicy(route), route).toBeNull();
  });

  it("does not take look-alike paths", () => {
    for (const route of ["/galaxies/12/", "/galaxies/abc", "/users/1/extra", "/galaxies/12/data/x", "//galaxies"])
      expect(pagePolicy(route), route).toBeNull();
  });
});

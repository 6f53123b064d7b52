// The maps routes' input errors through apiRoute: answered before any database read, so no
// database is needed here (tests/maps-service/endpoints.test.ts covers the answers themselves).
import { describe, expect, it } from "vitest";
import { GET as areasGET } from "@/app/api/galaxies/[id]/areas/route";
import { GET as pixelGET } from "@/app/api/galaxies/[id]/pixel/route";
import { GET as areasImageGET } from "@/app/galaxies/[id]/images/areas.png/route";
import { GET as thumbnailGET } from "@/app/galaxies/[id]/images/thumbnail.png/route";

type Route = (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>;

const call = (route: Route, id: string, query: string) =>
  route(new Request(`http://localhost/x?${query}`), { params: Promise.resolve({ id }) });

describe("maps routes' input errors", () => {
  it.each([
    [pixelGET, "y=1", "x is required"],
    [pixelGET, "x=1.5&y=2", "x must be a non-negative integer"],
    [pixelGET, "x=1&y=70000", "y must be at most 65535"],
    [areasGET, "user=x", "user must be a non-negative integer"],
    [areasGET, "user=3&progress=1", "give either user or progress, not both"],
    [areasGET, "progress=yes", "progress must be 1 or 0"],
    [areasImageGET, "", "user is required"],
    [areasImageGET, "user=1&image=5", "image must be 1, 2, 3 or 4"],
    [thumbnailGET, "size=2", "size must be at least 16"],
  ] as const)("%#: ?%s → 400 %s", async (route, query, message) => {
    const r = await call(route, "1", query);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { code: "bad_request", message } });
  });

  it("answers a malformed galaxy id with 404 whatever the query", async () => {
    const r = await call(pixelGET, "abc", "x=a");
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: "not_found", message: "no galaxy with id abc" } });
  });
});

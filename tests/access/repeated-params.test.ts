// apiRoute's repeated query parameters (lib/api/handler.ts): keys a route declares repeatable arrive
// as arrays of every value in order; the others keep their first value, as before.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";

const route = apiRoute(
  {
    query: z.object({ PARAM: z.array(z.string()).default([]), page: z.string().optional() }),
    repeated: ["PARAM"],
  },
  ({ query }) => query,
);
const everything = apiRoute(
  { query: z.record(z.string(), z.array(z.string())), repeated: "all" },
  ({ query }) => query,
);

const get = (handler: typeof route, query: string) =>
  handler(new Request(`http://localhost/api/x?${query}`), { params: Promise.resolve({}) }).then((r) => r.json());

describe("repeated query parameters", () => {
  it("arrive as arrays in order for the keys a route names, first values for the others", async () => {
    expect(await get(route, "PARAM=mu&page=2&PARAM=m&page=9&PARAM=sfr")).toEqual({
      PARAM: ["mu", "m", "sfr"],
      page: "2",
    });
    expect(await get(route, "PARAM=mu")).toEqual({ PARAM: ["mu"] });
    expect(await get(route, "")).toEqual({ PARAM: [] });
  });

  it("can be every key", async () => {
    expect(await get(everything, "a=1&b=2&a=3")).toEqual({ a: ["1", "3"], b: ["2"] });
  });
});

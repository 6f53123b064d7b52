// scripts/serve.ts as `npm start` runs it: the tile fast path in front of Next, one process or a
// cluster of two. Next needs a fresh production build; without one the server runs --tiles-only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESOURCE_SECURITY_HEADERS } from "@/lib/security/headers";
import { buildIsFresh } from "@/scripts/build-state";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults } from "./fixtures";
import { startPortal } from "@/lib/testing/processes";

let temp: TempDatabase;
let galaxyId: number;
const withNext = buildIsFresh();

beforeAll(async () => {
  temp = await createTempDatabase();
  const made = await createResultsGalaxy(temp.db, { name: "SERVE 1", width: 300, height: 200, areaWidth: 50 });
  galaxyId = made.galaxy.id;
  await storeResults(temp.db, galaxyId, made.areas, rampValues(300, 200));
});
afterAll(() => temp.cleanup());

describe("scripts/serve.ts", () => {
  it(`serves tiles on the fast path and the rest ${withNext ? "through Next" : "(tiles only: no fresh build)"}`, async () => {
    const server = await startPortal(temp, withNext ? [] : ["--tiles-only"]);
    try {
      const tile = await fetch(`${server.url}/tiles/${galaxyId}/v1/m_files/9/0_0.png`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await fetch(`${server.url}/tiles/${galaxyId}/v2/m.dzi`)).status).toBe(404);
      const api = await fetch(`${server.url}/api/galaxies/${galaxyId}/maps`);
      // The same security headers whichever answers: the fast path, Next, or the tiles-only 404.
      for (const [name, value] of Object.entries(RESOURCE_SECURITY_HEADERS)) {
        expect(tile.headers.get(name), name).toBe(value);
        expect(api.headers.get(name), name).toBe(value);
      }
      if (withNext) {
        expect(api.status).toBe(200);
        expect(await api.json()).toMatchObject({ galaxyId, resultsVersion: 1 });
      } else expect(api.status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it("runs two workers on one port with --workers 2", async () => {
    const server = await startPortal(temp, ["--tiles-only", "--workers", "2"]);
    try {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetch(`${server.url}/tiles/${galaxyId}/v1/mu_files/${i % 2 ? 9 : 8}/0_0.png`),
        ),
      );
      expect(
        responses.map((r) => r.status),
        server.output(),
      ).toEqual(new Array(8).fill(200));
    } finally {
      await server.stop();
    }
  });
});

// The tile fast path: headers, ETag/304, 404s, on-demand tiles identical to built ones, and a
// cold-tile stampede that renders once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { parseTileUrl } from "@/lib/maps/service/tile-paths";
import { sharedState } from "@/lib/maps/service/shared-state";
import { RESOURCE_SECURITY_HEADERS } from "@/lib/security/headers";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults, writeCompositeLayers } from "./fixtures";
import { startTileTestServer, type TestServer } from "./test-server";

// 600 × 300: DZI levels 0–10, level 10 has 3 × 2 tiles (the last column 88 px wide, the last row 44 px).
const W = 600;
const H = 300;
let temp: TempDatabase;
let galaxyId: number;
let server: TestServer;
const ctx = () => ({ db: temp.db, dataDir: temp.dataDir });

beforeAll(async () => {
  temp = await createTempDatabase();
  const made = await createResultsGalaxy(temp.db, { name: "TILES 1", width: W, height: H, areaWidth: 40 });
  galaxyId = made.galaxy.id;
  await storeResults(temp.db, galaxyId, made.areas, rampValues(W, H));
  await writeCompositeLayers(
    temp.db,
    temp.dataDir,
    made.galaxy,
    (band, x, y) => ({ i: 3, r: 2, g: 1 })[band] * (1 + Math.hypot(x - 300, y - 150) / 50),
  );
  server = await startTileTestServer(ctx(), { backgroundBuilds: false });
});
afterAll(async () => {
  await server.close();
  await temp.cleanup();
});

const get = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, init);
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
/** The security headers Next gives its non-page answers, which the fast path answers for it. */
const expectSecurityHeaders = (r: Response, what: string) => {
  for (const [name, value] of Object.entries(RESOURCE_SECURITY_HEADERS)) expect(r.headers.get(name), what).toBe(value);
};

describe("tile addresses", () => {
  it("accept one spelling per tile and nothing outside the layout", () => {
    expect(parseTileUrl("/tiles/5/v3/m_files/10/2_1.png")).toMatchObject({
      galaxyId: 5,
      version: 3,
      key: "m",
      tile: { level: 10, col: 2, row: 1 },
    });
    expect(parseTileUrl("/tiles/5/layers/rgb2.dzi")).toMatchObject({
      galaxyId: 5,
      version: null,
      key: "rgb2",
      tile: null,
    });
    expect(parseTileUrl("/tiles/5/v3/sfr-local.dzi")).toMatchObject({ key: "sfr-local" });
    for (const bad of [
      "/tiles/5/v03/m.dzi",
      "/tiles/05/v3/m.dzi",
      "/tiles/5/v3/rgb1.dzi",
      "/tiles/5/layers/m.dzi",
      "/tiles/5/v3/x.dzi",
      "/tiles/5/v3/m_files/10/01_1.png",
      "/tiles/5/v3/m_files/10/1_1.jpg",
      "/tiles/5/v3/../v2/m.dzi",
      "/tiles/5/v3/.m.tmp-1/m.dzi",
      "/tiles/5/v3/m-local-local.dzi",
      "/tiles/0/v3/m.dzi",
    ])
      expect(parseTileUrl(bad), bad).toBeNull();
  });
});

describe("the tile fast path", () => {
  it("renders a missing tile of the current version on demand, with immutable caching headers and an ETag", async () => {
    const r = await get(`/tiles/${galaxyId}/v1/m_files/10/2_1.png`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/png");
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(r, "rendered tile");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const body = await bytes(r);
    // Written where the pyramid keeps it, byte for byte what was sent.
    expect(readFileSync(path.join(temp.dataDir, `tiles/${galaxyId}/v1/m_files/10/2_1.png`))).toEqual(body);
    const again = await get(`/tiles/${galaxyId}/v1/m_files/10/2_1.png`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expectSecurityHeaders(again, "304");
    expectSecurityHeaders(await get(`/tiles/${galaxyId}/v1/m_files/10/2_1.png`), "tile from memory");
    const head = await get(`/tiles/${galaxyId}/v1/m_files/10/2_1.png`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(body.length));
    expect((await bytes(head)).length).toBe(0);
  });

  it("answers 404 outside the pyramid, for other versions, unknown galaxies and malformed paths; 405 for writes", async () => {
    for (const p of [
      `/tiles/${galaxyId}/v1/m_files/10/3_0.png`, // column 3 of 3
      `/tiles/${galaxyId}/v1/m_files/10/0_2.png`, // row 2 of 2
      `/tiles/${galaxyId}/v1/m_files/11/0_0.png`, // level 11 of 0–10
      `/tiles/${galaxyId}/v0/m_files/10/0_0.png`,
      `/tiles/${galaxyId}/v2/m_files/10/0_0.png`,
      `/tiles/${galaxyId}/v2/m.dzi`,
      `/tiles/999999/v1/m_files/10/0_0.png`,
      `/tiles/${galaxyId}/layers/rgb2_files/10/0_0.png`, // no second composite
      `/tiles/${galaxyId}/v1/m_files/10/0_0.jpg`,
      `/tiles/${galaxyId}/v1/../../pogs.db`,
    ]) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get("cache-control"), p).toBe("no-store");
      expectSecurityHeaders(r, p);
    }
    const post = await get(`/tiles/${galaxyId}/v1/m.dzi`, { method: "POST" });
    expect(post.status).toBe(405);
    expectSecurityHeaders(post, "405");
  });

  it("describes a pyramid not built yet with a generated .dzi", async () => {
    const r = await get(`/tiles/${galaxyId}/v1/mu-local.dzi`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const xml = await r.text();
    expect(xml).toContain('Format="png" Overlap="0" TileSize="256"');
    expect(xml).toContain(`<Size Width="${W}" Height="${H}"/>`);
  });

  it("serves on-demand tiles byte-identical to the built pyramid's, composites included", async () => {
    const onDemand: Record<string, Buffer> = {};
    const paths = [
      `/tiles/${galaxyId}/v1/sfr_files/9/0_0.png`,
      `/tiles/${galaxyId}/v1/ldust-local_files/10/1_1.png`,
      `/tiles/${galaxyId}/layers/rgb1_files/10/0_1.png`,
      `/tiles/${galaxyId}/layers/rgb1_files/0/0_0.png`,
    ];
    for (const p of paths) onDemand[p] = await bytes(await get(p));
    const build = await buildGalaxyMaps(galaxyId, { ...ctx(), force: true });
    expect(build).toMatchObject({
      version: 1,
      built: ["rgb1", "mu", "m", "ldust", "sfr", "mu-local", "m-local", "ldust-local", "sfr-local"],
    });
    for (const p of paths) expect(readFileSync(path.join(temp.dataDir, p)), p).toEqual(onDemand[p]);
    const dzi = await get(`/tiles/${galaxyId}/layers/rgb1.dzi`);
    expect(dzi.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/); // now a file
  });
});

describe("a cold-tile stampede", () => {
  it("renders the map and the tile once for 64 concurrent requests", async () => {
    // 520 × 270: levels 0–10; level 10 has 3 × 2 tiles, level 9 2 × 1, levels 8–0 one each.
    const made = await createResultsGalaxy(temp.db, { name: "TILES 2", width: 520, height: 270, areaWidth: 50 });
    await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(520, 270));
    const counters = { ...sharedState().counters };
    const p = `/tiles/${made.galaxy.id}/v1/ldust_files/10/1_1.png`;
    const responses = await Promise.all(Array.from({ length: 64 }, () => get(p)));
    expect(responses.map((r) => r.status)).toEqual(new Array(64).fill(200));
    const bodies = await Promise.all(responses.map(bytes));
    expect(new Set(bodies.map((b) => b.toString("base64"))).size).toBe(1);
    const now = { ...sharedState().counters };
    expect(now.tilesRendered - counters.tilesRendered).toBe(1);
    expect(now.rastersRendered - counters.rastersRendered).toBe(1);
    expect(now.resultLoads - counters.resultLoads).toBe(1);
    // 64 requests for 16 different tiles of another cold map: the raster once, each tile once.
    const tiles = [
      "10/0_0",
      "10/1_0",
      "10/2_0",
      "10/0_1",
      "10/1_1",
      "10/2_1",
      "9/0_0",
      "9/1_0",
      "8/0_0",
      "7/0_0",
      "6/0_0",
      "5/0_0",
      "4/0_0",
      "3/0_0",
      "2/0_0",
      "1/0_0",
    ];
    const many = await Promise.all(
      Array.from({ length: 64 }, (_, i) => get(`/tiles/${made.galaxy.id}/v1/m-local_files/${tiles[i % 16]}.png`)),
    );
    expect(many.every((r) => r.status === 200)).toBe(true);
    await Promise.all(many.map(bytes));
    const after = sharedState().counters;
    expect(after.tilesRendered - now.tilesRendered).toBe(16);
    expect(after.rastersRendered - now.rastersRendered).toBe(1);
    expect(after.resultLoads - now.resultLoads).toBe(0); // the grids were cached
  });

  it("queues one background build of the map's pyramid, which later requests then read", async () => {
    const background = await startTileTestServer(ctx(), { backgroundBuilds: true });
    try {
      const made = await createResultsGalaxy(temp.db, { name: "TILES 3", width: 300, height: 260, areaWidth: 50 });
      await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(300, 260));
      const before = sharedState().counters.pyramidsBuilt;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${background.url}/tiles/${made.galaxy.id}/v1/mu_files/9/${i % 2}_${(i >> 1) % 2}.png`),
        ),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      // Tiles keep being asked for while the build runs and swaps its pyramid in: never an error.
      const statuses: number[] = [];
      const all = [
        "9/0_0",
        "9/1_0",
        "9/0_1",
        "9/1_1",
        "8/0_0",
        "7/0_0",
        "6/0_0",
        "5/0_0",
        "4/0_0",
        "3/0_0",
        "2/0_0",
        "1/0_0",
        "0/0_0",
      ];
      for (let round = 0; background.onDemand.queue.pending > 0 && round < 500; round++) {
        const batch = await Promise.all(
          all.map((t) =>
            fetch(`${background.url}/tiles/${made.galaxy.id}/v1/mu_files/${t}.png`, {
              headers: { "Cache-Control": "no-cache" },
            }),
          ),
        );
        for (const r of batch) {
          statuses.push(r.status);
          await r.arrayBuffer();
        }
        background.tiles.forget(`/tiles/${made.galaxy.id}/`); // make every request go to disk
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await background.onDemand.queue.idle();
      expect(sharedState().counters.pyramidsBuilt - before).toBe(1);
      const dzi = path.join(temp.dataDir, `tiles/${made.galaxy.id}/v1/mu.dzi`);
      expect(readFileSync(dzi, "utf8")).toContain('Width="300" Height="260"');
    } finally {
      await background.close();
    }
  });
});

// Tiles keyed by results version: a new ingest (the real .fit path) makes the next version
// current without a restart, the previous one stays for its grace period, then goes; stale and
// foreign tile folders are swept.
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFit } from "@/lib/ingest/magphys";
import { ingestFits } from "@/lib/ingest/results";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { removedPrefixes } from "@/lib/maps/service/janitor";
import { getGalaxyMaps } from "@/lib/maps/service/maps-info";
import { removeSupersededVersions, SUPERSEDED_GRACE_MS, sweepTiles, versionsOnDisk } from "@/lib/maps/service/versions";
import { syntheticPixel } from "@/tests/ingest-formats/synthetic-fit";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults, type AreaRow } from "./fixtures";
import { startTileTestServer, type TestServer } from "./test-server";

let temp: TempDatabase;
let server: TestServer;
let galaxyId: number;
let areas: AreaRow[];
const ctx = () => ({ db: temp.db, dataDir: temp.dataDir });
const get = (p: string) => fetch(`${server.url}${p}`);
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
const tiles = (...p: string[]) => path.join(temp.dataDir, "tiles", ...p);

beforeAll(async () => {
  temp = await createTempDatabase();
  // 40 × 21 pixels: one 256-px tile at the top level (6); areas 4 × 7.
  const made = await createResultsGalaxy(temp.db, { name: "VERSIONS 1", width: 40, height: 21, areaWidth: 4 });
  galaxyId = made.galaxy.id;
  areas = made.areas;
  await storeResults(temp.db, galaxyId, areas.slice(1), rampValues(40, 21));
  server = await startTileTestServer(ctx(), { backgroundBuilds: false });
});
afterAll(async () => {
  await server.close();
  await temp.cleanup();
});

describe("results versions", () => {
  let v1Tile: Buffer;

  it("serve the current version's tiles", async () => {
    expect((await getGalaxyMaps(ctx(), galaxyId))?.maps[1].dzi).toBe(`/tiles/${galaxyId}/v1/m.dzi`);
    const r = await get(`/tiles/${galaxyId}/v1/m_files/6/0_0.png`);
    expect(r.status).toBe(200);
    v1Tile = await bytes(r);
  });

  it("move on with an ingest, without a restart: the new version is served, the old one only from disk", async () => {
    // The outstanding first area (x 0–3, y 0–6) arrives as a real .fit file.
    const area = areas[0];
    const pixels = Array.from({ length: area.pixelCount }, (_, k) => ({ ...syntheticPixel(k + 1), pixelId: 0 }));
    const first = (await temp.db.area.findUniqueOrThrow({ where: { id: area.id } })).firstPixelId;
    pixels.forEach((p, k) => (p.pixelId = first + k));
    const report = await ingestFits(temp.db, [{ fileName: "area0.fit", text: writeFit(pixels), users: [{ id: 7 }] }]);
    expect(report.stored).toBe(1);
    const maps = (await getGalaxyMaps(ctx(), galaxyId))!;
    expect(maps).toMatchObject({ resultsVersion: 2, status: "processed", pixelsProcessed: 40 * 21 });
    expect(maps.maps.map((m) => m.dzi)).toEqual(
      ["mu", "m", "ldust", "sfr"].map((k) => `/tiles/${galaxyId}/v2/${k}.dzi`),
    );

    const v2 = await get(`/tiles/${galaxyId}/v2/m_files/6/0_0.png`);
    expect(v2.status).toBe(200);
    expect(await bytes(v2)).not.toEqual(v1Tile); // the new area is drawn
    // v1: what is on disk stays visible during the grace period; nothing of v1 is rendered any more.
    expect((await get(`/tiles/${galaxyId}/v1/m_files/6/0_0.png`)).status).toBe(200);
    expect((await get(`/tiles/${galaxyId}/v1/mu_files/6/0_0.png`)).status).toBe(404);
    expect((await get(`/tiles/${galaxyId}/v1/mu.dzi`)).status).toBe(404);
  });

  it("keep the superseded version for the grace period, then remove it", async () => {
    const build = await buildGalaxyMaps(galaxyId, ctx());
    expect(build).toMatchObject({ version: 2, removedVersions: [] });
    expect(await versionsOnDisk(temp.dataDir, galaxyId)).toEqual([1, 2]);
    expect((await sweepTiles(ctx(), { now: Date.now() + SUPERSEDED_GRACE_MS - 60_000 })).removedVersions).toEqual([]);
    const report = await sweepTiles(ctx(), { now: Date.now() + SUPERSEDED_GRACE_MS + 1000 });
    expect(report.removedVersions).toEqual([{ galaxyId, version: 1 }]);
    for (const prefix of removedPrefixes(report)) server.tiles.forget(prefix);
    expect(existsSync(tiles(String(galaxyId), "v1"))).toBe(false);
    expect((await get(`/tiles/${galaxyId}/v1/m_files/6/0_0.png`)).status).toBe(404);
    expect((await get(`/tiles/${galaxyId}/v2/m_files/6/0_0.png`)).status).toBe(200);
  });

  it("count the grace from when the successor first appeared", async () => {
    const dir = tiles("77777");
    for (const v of [3, 5, 6]) mkdirSync(path.join(dir, `v${v}`), { recursive: true });
    const t = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const mark = (v: number, minutesAgo: number) => {
      writeFileSync(path.join(dir, `v${v}`, ".current-since"), "");
      utimesSync(path.join(dir, `v${v}`, ".current-since"), t(minutesAgo), t(minutesAgo));
    };
    mark(3, 60);
    mark(5, 30); // v3 superseded 30 minutes ago: removed
    mark(6, 2); // v5 superseded 2 minutes ago: kept
    expect(await removeSupersededVersions(temp.dataDir, 77777, 6)).toEqual([3]);
    expect(await versionsOnDisk(temp.dataDir, 77777)).toEqual([5, 6]);
    expect(await removeSupersededVersions(temp.dataDir, 77777, 6, { graceMs: 0 })).toEqual([5]);
  });

  it("sweep tiles of deleted galaxies, of another galaxy with the same id, and of versions ahead of the database", async () => {
    const made = await createResultsGalaxy(temp.db, { name: "VERSIONS 2", width: 8, height: 7, areaWidth: 8 });
    await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(8, 7));
    await buildGalaxyMaps(made.galaxy.id, ctx());
    mkdirSync(tiles(String(made.galaxy.id), "v9", "m_files"), { recursive: true }); // from an older database
    const ahead = await sweepTiles(ctx(), { now: Date.now() + SUPERSEDED_GRACE_MS + 1000 });
    expect(ahead.removedVersions).toContainEqual({ galaxyId: made.galaxy.id, version: 9 });
    expect(ahead.removedGalaxies).toContain(77777); // no such galaxy row
    expect(existsSync(tiles("77777"))).toBe(false);
    expect(existsSync(tiles(String(made.galaxy.id), "v1", "m.dzi"))).toBe(true);

    // The database was recreated and the id now names another galaxy: its old tiles go.
    const identity = tiles(String(made.galaxy.id), "galaxy.json");
    expect(JSON.parse(readFileSync(identity, "utf8"))).toMatchObject({ name: "VERSIONS 2" });
    writeFileSync(identity, JSON.stringify({ name: "SOMETHING ELSE", createdAt: "2020-01-01T00:00:00.000Z" }));
    const foreign = await sweepTiles(ctx());
    expect(foreign.removedGalaxies).toContain(made.galaxy.id);
    expect(existsSync(tiles(String(made.galaxy.id), "v1"))).toBe(false);
    expect(JSON.parse(readFileSync(identity, "utf8"))).toMatchObject({ name: "VERSIONS 2" });
  });
});

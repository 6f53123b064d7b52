// The maps API as the viewer calls it: the route handlers, on a real SQLite database.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as areasGET } from "@/app/api/galaxies/[id]/areas/route";
import { GET as mapsGET } from "@/app/api/galaxies/[id]/maps/route";
import { GET as pixelGET } from "@/app/api/galaxies/[id]/pixel/route";
import { GET as ogGET } from "@/app/galaxies/[id]/images/og.png/route";
import { GET as thumbnailGET } from "@/app/galaxies/[id]/images/thumbnail.png/route";
import { pixelToSky } from "@/lib/fits/wcs";
import { galaxyRange } from "@/lib/maps/parameter-maps";
import { parseGalaxyWcs } from "@/lib/maps/service/galaxy-wcs";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults, writeCompositeLayers, type AreaRow } from "./fixtures";

const W = 30;
const H = 20;
let temp: TempDatabase;
let galaxyId: number;
let areas: AreaRow[];
let wcs: string;
const ramp = rampValues(W, H);

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  const made = await createResultsGalaxy(temp.db, { name: "NGC 4414", width: W, height: H, areaWidth: 6 });
  galaxyId = made.galaxy.id;
  wcs = made.galaxy.wcs;
  areas = made.areas; // 5 per strip, 3 strips (the last 6 rows high)
  await writeCompositeLayers(
    temp.db,
    temp.dataDir,
    made.galaxy,
    (band, x, y) => ({ i: 3, r: 2, g: 1 })[band] * (1 + x + y),
  );
  await storeResults(temp.db, galaxyId, areas.slice(0, 4), ramp, {
    users: [7],
    processedAt: new Date("2026-11-20T10:00:00Z"),
  });
  await storeResults(temp.db, galaxyId, areas.slice(4, 9), ramp, {
    users: [7, 8],
    processedAt: new Date("2026-11-21T10:00:00Z"),
  });
});
afterAll(() => temp.cleanup());

const call = async (
  handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>,
  path: string,
  id: string | number = galaxyId,
  headers: HeadersInit = {},
) => handler(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve({ id: String(id) }) });

describe("GET /api/galaxies/<id>/maps", () => {
  it("describes the composites and the parameter maps of the current version", async () => {
    const r = await call(mapsGET, `/api/galaxies/${galaxyId}/maps`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const body = await r.json();
    expect(Object.keys(body).sort()).toEqual([
      "composites",
      "galaxyId",
      "height",
      "maps",
      "name",
      "pixelCount",
      "pixelsProcessed",
      "resultsVersion",
      "status",
      "wcs",
      "width",
    ]);
    expect(body).toMatchObject({
      galaxyId,
      name: "NGC 4414",
      status: "computing",
      resultsVersion: 2,
      width: W,
      height: H,
      pixelCount: W * H,
      wcs: parseGalaxyWcs(wcs),
    });
    expect(body.wcs).toMatchObject({ lonpole: 180, crval: [10, 20] });
    expect(body.pixelsProcessed).toBe(areas.slice(0, 9).reduce((s, a) => s + a.pixelCount, 0));
    expect(body.composites).toEqual([{ key: "rgb1", label: "i, r, g", dzi: `/tiles/${galaxyId}/layers/rgb1.dzi` }]);
    const grids = (await readResultGrids({ db: temp.db, dataDir: temp.dataDir }, galaxyId))!;
    expect(body.maps.map((m: { key: string }) => m.key)).toEqual(["mu", "m", "ldust", "sfr"]);
    expect(body.maps[1]).toEqual({
      key: "m",
      title: "Stellar mass",
      unit: "M☉",
      label: "log₁₀ M★ [M☉]",
      log10: true,
      colormap: "viridis",
      range: [4, 9],
      dzi: `/tiles/${galaxyId}/v2/m.dzi`,
      localRange: [...galaxyRange(grids.values.m)!],
      localDzi: `/tiles/${galaxyId}/v2/m-local.dzi`,
    });
    expect(body.maps[0]).toMatchObject({
      key: "mu",
      unit: "",
      label: "µ",
      log10: false,
      colormap: "cividis",
      range: [0, 1],
    });
  });

  it("answers 404 with a JSON error for an unknown galaxy", async () => {
    for (const id of [999999, "abc", "0"]) {
      const r = await call(mapsGET, `/api/galaxies/${id}/maps`, id);
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: { code: "not_found", message: `no galaxy with id ${id}` } });
    }
  });

  it("has no local range and version 0 before results arrive", async () => {
    const made = await createResultsGalaxy(temp.db, { name: "EMPTY 1", width: 10, height: 7 });
    const body = await (await call(mapsGET, "", made.galaxy.id)).json();
    expect(body).toMatchObject({ resultsVersion: 0, status: "registered", composites: [] });
    expect(body.maps[2]).toMatchObject({
      dzi: `/tiles/${made.galaxy.id}/v0/ldust.dzi`,
      localRange: null,
      localDzi: `/tiles/${made.galaxy.id}/v0/ldust-local.dzi`,
    });
  });
});

describe("GET /api/galaxies/<id>/pixel", () => {
  it("gives the pixel, its sky position, its area and the stored median with the 16–84 % range", async () => {
    const [x, y] = [13, 9]; // strip 1 (y 7–13), area x 12–17: areas[7]
    const r = await call(pixelGET, `/api/galaxies/${galaxyId}/pixel?x=${x}&y=${y}`);
    expect(r.status).toBe(200);
    const body = await r.json();
    const [ra, dec] = pixelToSky(parseGalaxyWcs(wcs), x, y);
    expect(Number.isFinite(ra) && Number.isFinite(dec)).toBe(true);
    const v = ramp(x, y)!;
    const f = Math.fround;
    expect(body).toEqual({
      x,
      y,
      ra,
      dec,
      areaId: areas[7].id,
      values: Object.fromEntries(
        (["mu", "m", "ldust", "sfr"] as const).map((k) => [
          k,
          { value: f(v[k]), p16: f(v[k] - 0.1), p84: f(v[k] + 0.1) },
        ]),
      ),
    });
  });

  it("has an area but no values in an outstanding area", async () => {
    const body = await (await call(pixelGET, `/api/galaxies/${galaxyId}/pixel?x=29&y=19`)).json();
    expect(body).toMatchObject({ x: 29, y: 19, areaId: areas[14].id, values: null });
  });

  it("refuses bad coordinates with 400 and an unknown galaxy with 404", async () => {
    for (const q of ["x=1", "x=a&y=1", "x=-1&y=2", "x=1.5&y=2", `x=${W}&y=0`, `x=0&y=${H}`]) {
      const r = await call(pixelGET, `/api/galaxies/${galaxyId}/pixel?${q}`);
      expect(r.status, q).toBe(400);
      expect((await r.json()).error.code, q).toBe("bad_request");
    }
    expect((await call(pixelGET, `/pixel?x=1&y=1`, 424242)).status).toBe(404);
  });
});

describe("GET /api/galaxies/<id>/areas", () => {
  it("lists the rectangles a volunteer processed, with their count and pixels", async () => {
    const r = await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=8`);
    expect(r.status).toBe(200);
    const body = await r.json();
    const mine = areas.slice(4, 9);
    expect(body).toEqual({
      user: { id: 8, name: "Volunteer 8" },
      areaCount: 5,
      pixelCount: mine.reduce((s, a) => s + a.pixelCount, 0),
      areas: mine.map((a) => [a.x0, a.y0, a.x1, a.y1]),
    });
    const all = await (await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=7`)).json();
    expect(all.areaCount).toBe(9);
    const everyone = await (await call(areasGET, `/api/galaxies/${galaxyId}/areas`)).json();
    expect(everyone).toMatchObject({ user: null, areaCount: 9 });
  });

  it("revalidates with an ETag, and says clearly when the user is unknown", async () => {
    const first = await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=8`);
    const etag = first.headers.get("etag")!;
    expect(
      (await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=8`, galaxyId, { "If-None-Match": etag })).status,
    ).toBe(304);
    const unknown = await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=999`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "no BOINC user with id 999" } });
    expect((await call(areasGET, `/api/galaxies/${galaxyId}/areas?user=x`)).status).toBe(400);
  });

  it("gives every area with when it was processed for the progress overlay", async () => {
    const body = await (await call(areasGET, `/api/galaxies/${galaxyId}/areas?progress=1`)).json();
    const t1 = Date.parse("2026-11-20T10:00:00Z") / 1000;
    const t2 = Date.parse("2026-11-21T10:00:00Z") / 1000;
    expect(body.first).toBe(t1);
    expect(body.last).toBe(t2);
    expect(body.areas).toHaveLength(15);
    expect(body.areas[0]).toEqual([0, 0, 6, 7, t1]);
    expect(body.areas[4]).toEqual([24, 0, 30, 7, t2]);
    expect(body.areas[14]).toEqual([24, 14, 30, 20, null]);
  });
});

describe("share images", () => {
  it("make a thumbnail and a 1200×630 Open Graph card, revalidated by ETag", async () => {
    const thumb = await call(thumbnailGET, `/galaxies/${galaxyId}/images/thumbnail.png?size=24`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/png");
    expect(await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).toMatchObject({ width: 24, height: 16 });
    const og = await call(ogGET, `/galaxies/${galaxyId}/images/og.png`);
    expect(og.status).toBe(200);
    expect(await sharp(Buffer.from(await og.arrayBuffer())).metadata()).toMatchObject({ width: 1200, height: 630 });
    const etag = og.headers.get("etag")!;
    expect(og.headers.get("cache-control")).toBe("public, max-age=600");
    expect((await call(ogGET, "", galaxyId, { "If-None-Match": etag })).status).toBe(304);
    expect((await call(ogGET, "", 424242)).status).toBe(404);
    expect((await call(thumbnailGET, `/thumbnail.png?size=2`)).status).toBe(400);
  });
});

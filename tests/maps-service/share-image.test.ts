// "Your areas": the composite with exactly one volunteer's rectangles brightened, north up.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as areasPngGET } from "@/app/galaxies/[id]/images/areas.png/route";
import { renderRgbComposite } from "@/lib/maps/composite";
import { compositeWeights } from "@/lib/maps/composite-weights";
import { brighten } from "@/lib/maps/service/share-images";
import { filterByName } from "@/lib/survey/filters";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults, writeCompositeLayers, type AreaRow } from "./fixtures";

const W = 30;
const H = 20;
let temp: TempDatabase;
let galaxyId: number;
let areas: AreaRow[];
let expectedBase: Uint8Array; // the composite flattened onto black, RGB

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  const made = await createResultsGalaxy(temp.db, { name: "SHARE 1", width: W, height: H, areaWidth: 6 });
  galaxyId = made.galaxy.id;
  areas = made.areas;
  // Sky ≤ 0 (drawn black), a galaxy of varied colours, and NaN (no data: transparent → black).
  const layers = await writeCompositeLayers(temp.db, temp.dataDir, made.galaxy, (band, x, y) =>
    x === 29 && y === 19 ? NaN : x < 3 ? -1 : { i: 3, r: 2, g: 1 }[band] * (1 + ((x * 5 + y * 3) % 11)),
  );
  const bands = (["SDSSi", "SDSSr", "SDSSg"] as const).map((name) => filterByName(name)!);
  const weights = compositeWeights([bands[0], bands[1], bands[2]], [layers.i, layers.r, layers.g]);
  const rgba = renderRgbComposite({ red: layers.i, green: layers.r, blue: layers.g }, W, H, weights).data;
  expectedBase = new Uint8Array(W * H * 3);
  for (let p = 0; p < W * H; p++)
    for (let c = 0; c < 3; c++) expectedBase[3 * p + c] = rgba[4 * p + 3] === 255 ? rgba[4 * p + c] : 0;
  await storeResults(temp.db, galaxyId, areas.slice(0, 4), rampValues(W, H), { users: [7] });
  // Volunteer 8: two areas of the bottom strip (one at the left edge, over black sky) and the top right corner.
  await storeResults(temp.db, galaxyId, [areas[0], areas[2], areas[14]], rampValues(W, H), { users: [8] });
});
afterAll(() => temp.cleanup());

const call = (query: string, headers: HeadersInit = {}) =>
  areasPngGET(new Request(`http://localhost/galaxies/${galaxyId}/images/areas.png?${query}`, { headers }), {
    params: Promise.resolve({ id: String(galaxyId) }),
  });

async function rgbOf(r: Response) {
  const { data, info } = await sharp(Buffer.from(await r.arrayBuffer()))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe("the areas image", () => {
  it("brightens exactly the volunteer's rectangles, at full resolution", async () => {
    const r = await call("user=8&image=1&width=30");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/png");
    const image = await rgbOf(r);
    expect([image.width, image.height]).toEqual([W, H]);
    const mine = [areas[0], areas[2], areas[14]];
    let inside = 0;
    for (let row = 0; row < H; row++) {
      const y = H - 1 - row; // image row 0 is the top: FITS row H−1
      for (let x = 0; x < W; x++) {
        const hit = mine.some((a) => x >= a.x0 && x < a.x1 && y >= a.y0 && y < a.y1);
        if (hit) inside++;
        for (let c = 0; c < 3; c++) {
          const base = expectedBase[3 * (row * W + x) + c];
          expect(image.data[3 * (row * W + x) + c], `(${x}, ${y}) channel ${c}`).toBe(hit ? brighten(base) : base);
        }
      }
    }
    expect(inside).toBe(mine.reduce((s, a) => s + (a.x1 - a.x0) * (a.y1 - a.y0), 0));
    // Black sky and the no-data pixel inside an area turn mid grey.
    expect([...image.data.subarray(3 * ((H - 1) * W), 3 * ((H - 1) * W) + 3)]).toEqual([128, 128, 128]);
    expect([...image.data.subarray(3 * (0 * W + 29), 3 * (0 * W + 29) + 3)]).toEqual([128, 128, 128]);
  });

  it("defaults to about 800 px (small galaxies enlarged by a whole factor, pixels kept square); scales on request", async () => {
    const enlarged = await rgbOf(await call("user=8"));
    const factor = Math.floor(800 / W);
    expect([enlarged.width, enlarged.height]).toEqual([W * factor, H * factor]);
    const full = await rgbOf(await call(`user=8&width=${W}`));
    // Nearest-neighbour enlargement: each source pixel is a factor × factor block of one colour.
    for (const [x, row] of [
      [0, 0],
      [7, 3],
      [W - 1, H - 1],
    ])
      for (const [dx, dy] of [
        [0, 0],
        [factor - 1, factor - 1],
      ])
        expect([
          ...enlarged.data.subarray(
            3 * ((row * factor + dy) * W * factor + x * factor + dx),
            3 * ((row * factor + dy) * W * factor + x * factor + dx) + 3,
          ),
        ]).toEqual([...full.data.subarray(3 * (row * W + x), 3 * (row * W + x) + 3)]);
    const small = await rgbOf(await call("user=8&width=16"));
    expect([small.width, small.height]).toEqual([16, 11]);
  });

  it("is revalidated by an ETag that follows the results version", async () => {
    const first = await call("user=8");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("public, max-age=600");
    expect((await call("user=8", { "If-None-Match": etag })).status).toBe(304);
    await storeResults(temp.db, galaxyId, [areas[5]], rampValues(W, H), { users: [8] });
    const after = await call("user=8", { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("answers 400 without a user, 404 for an unknown user or composite", async () => {
    expect((await call("")).status).toBe(400);
    expect((await call("user=8&image=5")).status).toBe(400);
    expect((await call("user=8&width=3")).status).toBe(400);
    const unknown = await call("user=4242");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("no BOINC user with id 4242");
    expect((await call("user=8&image=2")).status).toBe(404);
  });
});

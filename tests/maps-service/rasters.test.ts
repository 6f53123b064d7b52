// Rasters from stored results and from layer files: every value lands on its pixel (north up),
// pixels without results are transparent, composites follow the POGS stretch.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colormapLut } from "@/lib/maps/colormaps";
import { renderRgbComposite } from "@/lib/maps/composite";
import { compositeWeights } from "@/lib/maps/composite-weights";
import { DEFAULT_PARAMETER_RANGES, galaxyRange, PARAMETER_MAP_KEYS, PARAMETER_MAPS } from "@/lib/maps/parameter-maps";
import { lutIndexOf } from "@/lib/maps/render-parameter-map";
import { loadGalaxySource } from "@/lib/maps/service/galaxy-source";
import { parseMapKey } from "@/lib/maps/service/map-keys";
import { getGalaxyRanges, getMapLevels, getResultGrids, NotCurrentVersionError } from "@/lib/maps/service/raster-store";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import {
  createResultsGalaxy,
  rampValues,
  storeResults,
  writeCompositeLayers,
  type AreaRow,
  type ValueAt,
} from "./fixtures";

const W = 23;
const H = 17;
let temp: TempDatabase;
let galaxyId: number;
let areas: AreaRow[];
// Pixels on every 7th diagonal have no result (not usable), and the last area is outstanding.
const ramp = rampValues(W, H);
const value: ValueAt = (x, y) => ((x + y) % 7 === 0 ? null : ramp(x, y));
const ctx = () => ({ db: temp.db, dataDir: temp.dataDir });

beforeAll(async () => {
  temp = await createTempDatabase();
  const made = await createResultsGalaxy(temp.db, { name: "RASTER 1", width: W, height: H });
  galaxyId = made.galaxy.id;
  areas = made.areas;
  await storeResults(temp.db, galaxyId, areas.slice(0, -1), value);
});
afterAll(() => temp.cleanup());

function expected(x: number, y: number): number[] | null {
  const last = areas[areas.length - 1];
  if (x >= last.x0 && x < last.x1 && y >= last.y0 && y < last.y1) return null;
  const v = value(x, y);
  return v && PARAMETER_MAP_KEYS.map((k) => Math.fround(v[k]));
}

describe("value grids from stored results", () => {
  it("put each pixel's display values at x + width·y, NaN where there is no result", async () => {
    const grids = (await readResultGrids(ctx(), galaxyId))!;
    expect(grids).toMatchObject({ version: 1, width: W, height: H });
    let withResults = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const want = expected(x, y);
        const got = PARAMETER_MAP_KEYS.map((k) => grids.values[k][x + W * y]);
        if (want) {
          withResults++;
          expect(got).toEqual(want);
        } else expect(got.every(Number.isNaN)).toBe(true);
      }
    expect(grids.pixels).toBe(withResults);
  });
});

describe("parameter map rasters", () => {
  it("draw FITS row y at image row height−1−y with the LUT colour of its value; no result → transparent", async () => {
    const source = (await loadGalaxySource(ctx(), galaxyId))!;
    for (const key of PARAMETER_MAP_KEYS) {
      const raster = (await getMapLevels(ctx(), source, parseMapKey(key)!, 1)).full;
      const lut = colormapLut(PARAMETER_MAPS[key].colormap);
      const k = PARAMETER_MAP_KEYS.indexOf(key);
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const o = ((H - 1 - y) * W + x) * 4;
          const px = [...raster.data.subarray(o, o + 4)];
          const want = expected(x, y);
          if (!want) expect(px).toEqual([0, 0, 0, 0]);
          else {
            const i = lutIndexOf(want[k], DEFAULT_PARAMETER_RANGES[key]);
            expect(px).toEqual([lut[3 * i], lut[3 * i + 1], lut[3 * i + 2], 255]);
          }
        }
    }
  });

  it("stretch the local maps over the galaxy's own 2–98 % range and record it beside the tiles", async () => {
    const grids = await getResultGrids(ctx(), galaxyId, 1);
    const ranges = await getGalaxyRanges(ctx(), galaxyId, 1);
    for (const key of PARAMETER_MAP_KEYS) expect(ranges[key]).toEqual(galaxyRange(grids.values[key]));
    const file = path.join(temp.dataDir, "tiles", String(galaxyId), "v1", "ranges.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      version: 1,
      ranges: JSON.parse(JSON.stringify(ranges)),
    });
    const source = (await loadGalaxySource(ctx(), galaxyId))!;
    const raster = (await getMapLevels(ctx(), source, parseMapKey("sfr-local")!, 1)).full;
    const lut = colormapLut("magma");
    const [x, y] = [3, 5];
    const i = lutIndexOf(expected(x, y)![3], ranges.sfr!);
    const o = ((H - 1 - y) * W + x) * 4;
    expect([...raster.data.subarray(o, o + 4)]).toEqual([lut[3 * i], lut[3 * i + 1], lut[3 * i + 2], 255]);
  });

  it("refuse a version that is no longer current", async () => {
    const made = await createResultsGalaxy(temp.db, { name: "RASTER 2", width: 8, height: 7 });
    await storeResults(temp.db, made.galaxy.id, made.areas, ramp);
    await storeResults(temp.db, made.galaxy.id, made.areas, ramp);
    await expect(getResultGrids(ctx(), made.galaxy.id, 1)).rejects.toThrow(NotCurrentVersionError);
    expect((await getResultGrids(ctx(), made.galaxy.id, 2)).version).toBe(2);
  });
});

describe("composites from layer files", () => {
  it("stretch the three layers together keeping colour (Lupton asinh), north up, transparent where no band has data", async () => {
    const made = await createResultsGalaxy(temp.db, { name: "COMPOSITE 1", width: 19, height: 11 });
    const layers = await writeCompositeLayers(temp.db, temp.dataDir, made.galaxy, (band, x, y) => {
      if (x === 0 && y === 0) return NaN; // no band has data at (0, 0)
      const peak = x === 2 && y === 1 ? 50 : 1;
      return peak * { i: 3, r: 2, g: 1 }[band] * (1 + ((x * 7 + y * 3) % 5));
    });
    const source = (await loadGalaxySource(ctx(), made.galaxy.id))!;
    expect(source.composites).toMatchObject([{ key: "rgb1", label: "i, r, g", available: true }]);
    const raster = (await getMapLevels(ctx(), source, parseMapKey("rgb1")!, 0)).full;
    const weights = compositeWeights(source.composites[0].bands, [layers.i, layers.r, layers.g]);
    expect(raster).toEqual(renderRgbComposite({ red: layers.i, green: layers.r, blue: layers.g }, 19, 11, weights));
    const at = (x: number, y: number) => [
      ...raster.data.subarray(((11 - 1 - y) * 19 + x) * 4, ((11 - 1 - y) * 19 + x) * 4 + 4),
    ];
    // The bright pixel, near the bottom of the image: saturated, but as red as the rest (i > r > g).
    const [red, green, blue, alpha] = at(2, 1);
    expect([red, alpha]).toEqual([255, 255]);
    expect(green).toBeLessThan(red);
    expect(blue).toBeLessThan(green);
    expect(at(0, 0)[3]).toBe(0);
    expect(existsSync(path.join(temp.dataDir, "tiles"))).toBe(true);
  });
});

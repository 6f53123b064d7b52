// kill -9 in the middle of a tile build: no pyramid is visible half-built (every .dzi has all its
// tiles, every tile visible is a whole PNG), and building again completes every pyramid; the
// litter of the killed build is hidden, and swept.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dziLevelSize, dziMaxLevel, dziTileGrid } from "@/lib/maps/dzi-geometry";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { PARAMETER_TILE_KEYS } from "@/lib/maps/service/map-keys";
import { sweepTiles } from "@/lib/maps/service/versions";
import { TEMP_MARK } from "@/lib/maps/tile-store";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults } from "@/tests/maps-service/fixtures";
import { killWhen } from "./child-process";

const W = 1024;
const H = 64;

/** Tiles of one pyramid: 15 at 1024 × 64. */
function tileCount(): number {
  let n = 0;
  for (let level = 0; level <= dziMaxLevel(W, H); level++) {
    const size = dziLevelSize(W, H, level);
    const { cols, rows } = dziTileGrid(size.width, size.height, 256);
    n += cols * rows;
  }
  return n;
}

describe("a tile build killed mid-way", () => {
  let temp: TempDatabase;
  let galaxyId: number;
  const dir = () => path.join(temp.dataDir, "tiles", String(galaxyId), "v1");
  beforeAll(async () => {
    temp = await createTempDatabase();
    const made = await createResultsGalaxy(temp.db, { name: "Killed build", width: W, height: H, areaWidth: 64 });
    await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(W, H));
    galaxyId = made.galaxy.id;
  });
  afterAll(() => temp.cleanup());

  /** The pyramids with a .dzi, after checking each is whole and every visible tile a whole PNG. */
  async function visiblePyramids(): Promise<string[]> {
    const visible = readdirSync(dir()).filter((n) => !n.startsWith("."));
    const complete = [];
    for (const key of PARAMETER_TILE_KEYS) {
      const files = path.join(dir(), `${key}_files`);
      const pngs = existsSync(files)
        ? readdirSync(files, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".png"))
        : [];
      for (const png of pngs) await sharp(path.join(files, png)).raw().toBuffer();
      if (!visible.includes(`${key}.dzi`)) continue;
      expect(pngs.length, `${key}: a .dzi with missing tiles`).toBe(tileCount());
      complete.push(key);
    }
    return complete;
  }

  it("shows whole pyramids only, and a new build completes them all", async () => {
    const args = ["tests/maps-service/build-child.ts", temp.databaseUrl, temp.dataDir, String(galaxyId)];
    const killedAt = await killWhen(args[0], args.slice(1), {}, /^([4-9]\d|1\d\d)\/\d+ /);
    expect(killedAt).toMatch(/^\d+\/120 /);
    const before = await visiblePyramids();
    expect(before.length).toBeLessThan(PARAMETER_TILE_KEYS.length);

    const build = await buildGalaxyMaps(galaxyId, { db: temp.db, dataDir: temp.dataDir });
    expect(build.skipped).toEqual(before);
    expect(await visiblePyramids()).toEqual([...PARAMETER_TILE_KEYS]);
    await sweepTiles({ db: temp.db, dataDir: temp.dataDir }, { temporaryMaxAgeMs: 0 });
    expect(readdirSync(dir(), { recursive: true, encoding: "utf8" }).filter((n) => n.includes(TEMP_MARK))).toEqual([]);
  }, 180_000);
});

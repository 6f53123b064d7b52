import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cropRgba, halveRgba } from "@/lib/maps/downsample";
import { dziLevelSize, dziMaxLevel, dziTileGrid, dziTileRect } from "@/lib/maps/dzi-geometry";
import { buildDziPyramid, countPyramidTiles, resolveLayout } from "@/lib/maps/pyramid";
import type { RgbaRaster } from "@/lib/maps/raster";
import { RasterLevels } from "@/lib/maps/service/map-rasters";
import { encodeTile } from "@/lib/maps/tile-encode";
import { seededRandom } from "@/lib/testing/seeded-random";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "pogs-maps-pyramid-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Random colours; one pixel in five transparent (no data), as on a galaxy's edge. */
function randomRaster(width: number, height: number, seed: number): RgbaRaster {
  const random = seededRandom(seed);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    if (random() < 0.2) continue;
    data[4 * i] = random() * 256;
    data[4 * i + 1] = random() * 256;
    data[4 * i + 2] = random() * 256;
    data[4 * i + 3] = 255;
  }
  return { data, width, height };
}

async function decode(file: string): Promise<RgbaRaster> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Level `level` computed independently: halve the full raster (maxLevel − level) times. */
function expectedLevel(raster: RgbaRaster, level: number): RgbaRaster {
  let r = raster;
  for (let l = dziMaxLevel(raster.width, raster.height); l > level; l--) r = halveRgba(r);
  return r;
}

const listing = async (dir: string) => (await readdir(dir)).sort();

describe("DZI geometry", () => {
  it("has levels 0 (1×1) .. ⌈log2 max(w, h)⌉ with sizes rounded up", () => {
    expect(dziMaxLevel(1, 1)).toBe(0);
    expect(dziMaxLevel(4096, 4096)).toBe(12);
    expect(dziMaxLevel(4097, 3)).toBe(13);
    expect(dziMaxLevel(600, 300)).toBe(10);
    expect(dziLevelSize(600, 300, 10)).toEqual({ width: 600, height: 300 });
    expect(dziLevelSize(600, 300, 9)).toEqual({ width: 300, height: 150 });
    expect(dziLevelSize(600, 300, 1)).toEqual({ width: 2, height: 1 });
    expect(dziLevelSize(600, 300, 0)).toEqual({ width: 1, height: 1 });
    expect(countPyramidTiles(resolveLayout(600, 300))).toBe(6 + 2 + 9);
  });

  it("widens tiles by the overlap only towards neighbours", () => {
    expect(dziTileRect(600, 300, 0, 0, 256, 1)).toEqual({ x: 0, y: 0, width: 257, height: 257 });
    expect(dziTileRect(600, 300, 1, 1, 256, 1)).toEqual({ x: 255, y: 255, width: 258, height: 45 });
    expect(dziTileRect(600, 300, 2, 1, 256, 0)).toEqual({ x: 512, y: 256, width: 88, height: 44 });
    expect(() => dziTileRect(600, 300, 3, 0, 256, 0)).toThrow(RangeError);
  });
});

describe("buildDziPyramid", () => {
  const raster = randomRaster(600, 300, 1);

  it("writes the .dzi and every level's tiles with the right sizes", async () => {
    const built = await buildDziPyramid(raster, work, "sizes");
    expect(built.levels).toBe(11);
    expect(built.tiles).toBe(17);
    expect(await readFile(path.join(work, "sizes.dzi"), "utf8")).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<Image xmlns="http://schemas.microsoft.com/deepzoom/2008" Format="png" Overlap="0" TileSize="256">\n` +
        `  <Size Width="600" Height="300"/>\n</Image>\n`,
    );
    const filesDir = path.join(work, "sizes_files");
    expect(await listing(filesDir)).toEqual(Array.from({ length: 11 }, (_, l) => String(l)).sort());
    expect(await listing(path.join(filesDir, "10"))).toEqual([
      "0_0.png",
      "0_1.png",
      "1_0.png",
      "1_1.png",
      "2_0.png",
      "2_1.png",
    ]);
    expect(await listing(path.join(filesDir, "9"))).toEqual(["0_0.png", "1_0.png"]);
    expect(await listing(path.join(filesDir, "0"))).toEqual(["0_0.png"]);
    const sizes = async (level: number, name: string) => {
      const t = await decode(path.join(filesDir, String(level), name));
      return [t.width, t.height];
    };
    expect(await sizes(10, "0_0.png")).toEqual([256, 256]);
    expect(await sizes(10, "2_0.png")).toEqual([88, 256]);
    expect(await sizes(10, "2_1.png")).toEqual([88, 44]);
    expect(await sizes(9, "1_0.png")).toEqual([44, 150]);
    expect(await sizes(8, "0_0.png")).toEqual([150, 75]);
    expect(await sizes(0, "0_0.png")).toEqual([1, 1]);
    expect((await readdir(work)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("full-size tiles are exact crops, corners and last row/column included", async () => {
    const filesDir = path.join(work, "sizes_files");
    const last = await decode(path.join(filesDir, "10", "2_1.png"));
    expect(last).toEqual(cropRgba(raster, 512, 256, 88, 44));
    // The raster's bottom-right pixel is the tile's bottom-right pixel.
    const at = (r: RgbaRaster, x: number, y: number) =>
      Array.from(r.data.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4));
    expect(at(last, 87, 43)).toEqual(at(raster, 599, 299));
    const first = await decode(path.join(filesDir, "10", "0_0.png"));
    expect(at(first, 0, 0)).toEqual(at(raster, 0, 0));
    expect(await decode(path.join(filesDir, "10", "2_0.png"))).toEqual(cropRgba(raster, 512, 0, 88, 256));
  });

  it("lower levels are the halved raster, edge tiles included", async () => {
    const filesDir = path.join(work, "sizes_files");
    const l9 = expectedLevel(raster, 9);
    expect(await decode(path.join(filesDir, "9", "1_0.png"))).toEqual(cropRgba(l9, 256, 0, 44, 150));
    for (const level of [8, 3, 0]) {
      expect(await decode(path.join(filesDir, String(level), "0_0.png"))).toEqual(expectedLevel(raster, level));
    }
  });

  it("supports overlap 1 and lossless WebP", async () => {
    await buildDziPyramid(raster, work, "ov", { overlap: 1, format: "webp" });
    expect(await readFile(path.join(work, "ov.dzi"), "utf8")).toContain(`Format="webp" Overlap="1" TileSize="256"`);
    const tile = await decode(path.join(work, "ov_files", "10", "1_1.webp"));
    expect(tile).toEqual(cropRgba(raster, 255, 255, 258, 45));
    const l9 = expectedLevel(raster, 9);
    expect(await decode(path.join(work, "ov_files", "9", "1_0.webp"))).toEqual(cropRgba(l9, 255, 0, 45, 150));
  });

  it("a build that throws halfway leaves no destination and no temporary folder", async () => {
    const dir = path.join(work, "failing");
    let calls = 0;
    await expect(
      buildDziPyramid(raster, dir, "broken", {
        concurrency: 2,
        onProgress: (done, total) => {
          calls++;
          if (done >= total / 2) throw new Error("disk full (simulated)");
        },
      }),
    ).rejects.toThrow("disk full (simulated)");
    expect(calls).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it("an aborted build leaves nothing behind either", async () => {
    const dir = path.join(work, "aborted");
    const controller = new AbortController();
    const build = buildDziPyramid(raster, dir, "gone", {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort(new Error("request cancelled"));
      },
    });
    await expect(build).rejects.toThrow("request cancelled");
    expect(await readdir(dir)).toEqual([]);
  });

  it("a failed rebuild leaves the previous pyramid intact; a successful one replaces it", async () => {
    const dir = path.join(work, "rebuild");
    await buildDziPyramid(randomRaster(40, 30, 5), dir, "map", { tileSize: 16 });
    const before = await readFile(path.join(dir, "map_files", "6", "0_0.png"));
    await expect(
      buildDziPyramid(raster, dir, "map", {
        tileSize: 16,
        onProgress: () => {
          throw new Error("crash");
        },
      }),
    ).rejects.toThrow("crash");
    expect(await readFile(path.join(dir, "map_files", "6", "0_0.png"))).toEqual(before);
    expect(await readFile(path.join(dir, "map.dzi"), "utf8")).toContain(`Width="40" Height="30"`);
    // On-demand tiles already in place (an extra stray one here) are replaced by the new build.
    await mkdir(path.join(dir, "map_files", "99"), { recursive: true });
    await writeFile(path.join(dir, "map_files", "99", "stray.png"), "x");
    await buildDziPyramid(raster, dir, "map", { tileSize: 256 });
    expect(await readFile(path.join(dir, "map.dzi"), "utf8")).toContain(`Width="600" Height="300"`);
    expect(await listing(path.join(dir, "map_files"))).toEqual(Array.from({ length: 11 }, (_, l) => String(l)).sort());
    expect((await readdir(dir)).sort()).toEqual(["map.dzi", "map_files"]);
  });

  it("rejects bad names and layouts before writing anything", async () => {
    await expect(buildDziPyramid(raster, work, "../escape")).rejects.toThrow(RangeError);
    await expect(buildDziPyramid(raster, work, "x", { overlap: 256 })).rejects.toThrow(RangeError);
    await expect(buildDziPyramid({ ...raster, width: 601 }, work, "x")).rejects.toThrow(RangeError);
  });
});

describe("on-demand tiles (RasterLevels, as the tile server renders a missing tile)", () => {
  const raster = randomRaster(37, 21, 9);

  it("are byte-identical to the tiles of a full build", async () => {
    const built = await buildDziPyramid(raster, work, "on-demand", { tileSize: 8, overlap: 0 });
    const levels = new RasterLevels(raster);
    let compared = 0;
    for (let level = 0; level < built.levels; level++) {
      const size = dziLevelSize(raster.width, raster.height, level);
      const { cols, rows } = dziTileGrid(size.width, size.height, 8);
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const onDisk = await readFile(path.join(built.filesDir, String(level), `${col}_${row}.png`));
          expect(await encodeTile(levels.tile(level, col, row, 8), "png")).toEqual(onDisk);
          compared++;
        }
      }
    }
    expect(compared).toBe(built.tiles);
  });

  it("rejects levels outside the pyramid", () => {
    const levels = new RasterLevels(raster);
    expect(() => levels.level(7)).toThrow(RangeError); // max level is 6
    expect(() => levels.level(-1)).toThrow(RangeError);
    expect(() => levels.level(1.5)).toThrow(RangeError);
  });
});

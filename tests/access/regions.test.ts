// Sky regions → pixel boxes through a galaxy's WCS, checked against brute force (every pixel's
// footprint sampled), on galaxies at ordinary places, across RA 0/360 and next to the pole.
import { describe, expect, it } from "vitest";
import { parsePixels, parsePos } from "@/lib/access/region/parse-region";
import { regionBox, type ImageGrid } from "@/lib/access/region/region-box";
import type { PixelBox, SkyRegion } from "@/lib/access/region/region-types";
import { shapeOf } from "@/lib/access/region/sky-shapes";
import { pixelToSky, type Wcs } from "@/lib/fits/wcs";
import { seededRandom } from "@/lib/testing/seeded-random";

const W = 120;
const H = 90;
const SCALE = 1.5 / 3600;

function grid(ra: number, dec: number): ImageGrid {
  const wcs: Wcs = {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [(W + 1) / 2, (H + 1) / 2],
    crval: [ra, dec],
    cd: [
      [-SCALE * 0.94, SCALE * 0.34],
      [SCALE * 0.34, SCALE * 0.94],
    ],
    lonpole: 180,
    latpole: dec,
  };
  return { wcs, width: W, height: H };
}

/** The box of the pixels whose footprint (sampled 3 × 3) touches the region. */
function bruteBox(region: SkyRegion, g: ImageGrid): PixelBox | null {
  const shape = shapeOf(region);
  let box: PixelBox | null = null;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let hit = false;
      for (let i = 0; i < 3 && !hit; i++)
        for (let j = 0; j < 3 && !hit; j++) {
          const [ra, dec] = pixelToSky(g.wcs, x - 0.5 + (i + 0.5) / 3, y - 0.5 + (j + 0.5) / 3);
          hit = shape.contains(ra, dec);
        }
      if (!hit) continue;
      box = box
        ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x + 1), y1: Math.max(box.y1, y + 1) }
        : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  return box;
}

function expectClose(actual: PixelBox | null, expected: PixelBox | null, what: string) {
  if (!expected) return expect(actual, what).toBeNull();
  expect(actual, what).not.toBeNull();
  // Never smaller than the touched pixels; at most one pixel larger on a side (a corner between samples).
  expect(actual!.x0, what).toBeLessThanOrEqual(expected.x0);
  expect(actual!.y0, what).toBeLessThanOrEqual(expected.y0);
  expect(actual!.x1, what).toBeGreaterThanOrEqual(expected.x1);
  expect(actual!.y1, what).toBeGreaterThanOrEqual(expected.y1);
  expect(expected.x0 - actual!.x0 + actual!.x1 - expected.x1, what).toBeLessThanOrEqual(2);
  expect(expected.y0 - actual!.y0 + actual!.y1 - expected.y1, what).toBeLessThanOrEqual(2);
}

const PLACES: [string, number, number][] = [
  ["an ordinary place", 150.1, 2.2],
  ["RA 0/360", 0.005, -12],
  ["next to the north pole", 77, 89.97],
];

describe.each(PLACES)("regions on a galaxy at %s", (_name, ra0, dec0) => {
  const g = grid(ra0, dec0);
  const random = seededRandom(Math.round(ra0 * 100 + dec0));
  const [cra, cdec] = pixelToSky(g.wcs, W / 2, H / 2);
  const near = () => pixelToSky(g.wcs, -30 + random() * (W + 60), -30 + random() * (H + 60));

  it("boxes circles as brute force does", () => {
    for (let k = 0; k < 6; k++) {
      const [ra, dec] = near();
      const region = parsePos(`CIRCLE ${ra} ${dec} ${(2 + random() * 60) * SCALE}`);
      expectClose(regionBox(region, g), bruteBox(region as SkyRegion, g), JSON.stringify(region));
    }
  });

  it("boxes polygons as brute force does", () => {
    for (let k = 0; k < 4; k++) {
      const vertices = Array.from({ length: 3 + (k % 3) }, near).flat();
      const region = parsePos(`POLYGON ${vertices.join(" ")}`) as SkyRegion;
      expectClose(regionBox(region, g), bruteBox(region, g), JSON.stringify(region));
    }
  });

  it("boxes RA/Dec ranges as brute force does, and the whole sky as the whole image", () => {
    const [ra1, dec1] = near();
    const [ra2, dec2] = near();
    const lo = Math.min(dec1, dec2);
    const hi = Math.max(dec1, dec2);
    const region = parsePos(`RANGE ${ra1} ${ra2} ${lo} ${hi}`) as SkyRegion;
    expectClose(regionBox(region, g), bruteBox(region, g), JSON.stringify(region));
    expect(regionBox(parsePos("RANGE -Inf +Inf -Inf +Inf"), g)).toEqual({ x0: 0, y0: 0, x1: W, y1: H });
    expect(regionBox(parsePos(`CIRCLE ${cra} ${cdec} 2`), g)).toEqual({ x0: 0, y0: 0, x1: W, y1: H });
  });

  it("finds no overlap for a circle beside the image", () => {
    const [ra, dec] = pixelToSky(g.wcs, W + 40, H / 2);
    expect(regionBox(parsePos(`CIRCLE ${ra} ${dec} ${10 * SCALE}`), g)).toBeNull();
  });
});

describe("PIXELS", () => {
  const g = grid(150, 2);
  it("is 1-based and inclusive, clipped to the image", () => {
    expect(regionBox(parsePixels("[1:10,5:5]"), g)).toEqual({ x0: 0, y0: 4, x1: 10, y1: 5 });
    expect(regionBox(parsePixels("[100:500,*]"), g)).toEqual({ x0: 99, y0: 0, x1: W, y1: H });
    expect(regionBox(parsePixels("[*,*,*]"), g)).toEqual({ x0: 0, y0: 0, x1: W, y1: H });
  });

  it.each([
    ["[0:10,1:5]", "pixels are numbered from 1"],
    ["[10:1,1:5]", "is reversed"],
    ["[1:10:2,1:5]", "steps"],
    ["[1:10]", "needs 2 axes"],
    ["1:10,1:5", "must look like [x1:x2,y1:y2]"],
    ["[1:10,1:5,2]", "can only be *"],
  ])("refuses %s, saying what to change", (text, message) => {
    expect(() => parsePixels(text)).toThrow(message);
  });

  it("outside the image is an error naming the image's pixels", () => {
    expect(() => regionBox(parsePixels("[200:210,1:5]"), g)).toThrow("which has pixels [1:120,1:90]");
  });
});

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FitsError,
  type FitsImage,
  type Wcs,
  pixelToSky,
  readFits,
  readImage,
  skyToPixel,
  wcsFromHeader,
} from "@/lib/fits";
import { footprint, pixelScaleArcsec } from "@/lib/fits/wcs";
import { countNaN, fixture, hasFixtures, hasPython, maxDiff, python, readFloat64, tempDir } from "./helpers";

interface AstropyView {
  cards: [string, string | number | boolean | null][];
  world: [number, number][];
  pixels: [number, number][];
  scale: number;
  footprint: [number, number][];
}

/** What astropy makes of a fixture: header values, pixels (dumped to a file) and WCS answers. */
const ASTROPY_VIEW = `
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from astropy.wcs.utils import proj_plane_pixel_scales
path, dump, points = data
with warnings.catch_warnings():
    warnings.simplefilter('ignore')  # these real files draw FITSFixedWarnings (DEGREE units, NCP)
    with fits.open(path) as h:
        hdr = h[0].header.copy()  # before .data: astropy rewrites BITPIX/BSCALE once it scales
        np.asarray(h[0].data, dtype='<f8').tofile(dump)
        w = WCS(hdr)
cards = [[c.keyword, c.value if not isinstance(c.value, fits.card.Undefined) else None] for c in hdr.cards]
p = np.array(points, dtype=float)
world = w.all_pix2world(p, 0)
print(json.dumps({
    'cards': [[k, str(v) if k in ('HISTORY', 'COMMENT', '') else v] for k, v in cards],
    'world': world.tolist(),
    'pixels': w.all_world2pix(world, 0).tolist(),
    'scale': float(np.sqrt(np.prod(proj_plane_pixel_scales(w))) * 3600),
    'footprint': w.calc_footprint(center=True).tolist(),
}))
`;

const IMAGES = [
  { file: "m51/SDSS9_M51_g.fits", projection: "TAN", width: 512, height: 512 },
  { file: "m51/SDSS9_M51_r.fits", projection: "TAN", width: 512, height: 512 },
  { file: "m51/SDSS9_M51_i.fits", projection: "TAN", width: 512, height: 512 },
  { file: "ngc309/0138m107_ac51-w1-int-3_ngc309.fits", projection: "SIN", width: 728, height: 613 },
  { file: "ngc309/0138m107_ac51-w1-unc-3_ngc309.fits", projection: "SIN", width: 728, height: 613 },
  { file: "ngc309/0138m107_ac51-w2-int-3_ngc309.fits", projection: "SIN", width: 728, height: 613 },
  { file: "ngc309/0138m107_ac51-w2-unc-3_ngc309.fits", projection: "SIN", width: 728, height: 613 },
  { file: "robustness/kapteyn_blankset16_int16_bscale_blank.fits", projection: "SIN", width: 20, height: 20 },
];

/** A 9 × 9 grid over the image, from a pixel outside one corner to one outside the other. */
function grid(width: number, height: number): [number, number][] {
  const points: [number, number][] = [];
  for (let j = 0; j <= 8; j++)
    for (let i = 0; i <= 8; i++) points.push([-1 + (i * (width + 1)) / 8, -1 + (j * (height + 1)) / 8]);
  return points;
}

const lonDiff = (a: number, b: number): number => Math.abs(((a - b + 540) % 360) - 180);

describe.runIf(hasFixtures)("real survey fixtures", () => {
  it("rejects the HTML error page saved as .fits with a clear FitsError", async () => {
    const run = readFits(fixture("robustness/sunpy_not_actually_fits.fits"));
    await expect(run).rejects.toBeInstanceOf(FitsError);
    await expect(run).rejects.toThrow("sunpy_not_actually_fits.fits: not a FITS file (no SIMPLE card)");
  });

  it("reads the kapteyn map: BITPIX 16 with BSCALE/BZERO and 3 BLANK pixels, NCP as SIN", async () => {
    const img = readImage(await readFits(fixture("robustness/kapteyn_blankset16_int16_bscale_blank.fits")));
    expect(img.bitpix).toBe(16);
    expect(countNaN(img.data)).toBe(3);
    const wcs = wcsFromHeader(img.header);
    expect(wcs.ctype).toEqual(["RA---SIN", "DEC--SIN"]);
    expect(wcs.pv?.[2]).toBeCloseTo(1, 12); // cot(45°)
  });

  describe.runIf(hasPython).each(IMAGES)("$file", ({ file, projection, width, height }) => {
    const dir = tempDir();
    const dump = path.join(dir, "pixels.f8");
    const points = grid(width, height);
    let astropy: AstropyView;
    let img: FitsImage;
    let wcs: Wcs;

    beforeAll(async () => {
      astropy = python(ASTROPY_VIEW, [fixture(file), dump, points]);
      img = readImage(await readFits(fixture(file)));
      wcs = wcsFromHeader(img.header, file);
    });

    it("has the pixels astropy reads", () => {
      expect([img.width, img.height]).toEqual([width, height]);
      const expected = readFloat64(dump);
      // Scaled integers: astropy scales in float32 steps, we in one double step, so ≤ 1 ulp apart.
      const tolerance = img.bitpix > 0 ? 2 ** -23 * 500 : 0;
      expect(maxDiff(img.data, expected)).toBeLessThanOrEqual(tolerance);
    });

    it("has the header values astropy reads", () => {
      const ours = img.header.cards.map((c) => [c.keyword, c.value]);
      expect(ours).toEqual(astropy.cards);
    });

    it(`maps pixels to the sky as astropy does (${projection}), to 1e-6 degrees`, () => {
      expect(wcs.ctype[0].slice(5)).toBe(projection);
      points.forEach(([x, y], k) => {
        const [ra, dec] = pixelToSky(wcs, x, y);
        const [ra0, dec0] = astropy.world[k];
        expect(lonDiff(ra, ra0) * Math.cos((dec0 * Math.PI) / 180)).toBeLessThan(1e-6);
        expect(Math.abs(dec - dec0)).toBeLessThan(1e-6);
      });
    });

    it("maps the sky to pixels as astropy does, and round-trips", () => {
      const scaleDeg = astropy.scale / 3600;
      points.forEach(([x, y], k) => {
        const [ra0, dec0] = astropy.world[k];
        const [px, py] = skyToPixel(wcs, ra0, dec0);
        expect(Math.hypot(px - astropy.pixels[k][0], py - astropy.pixels[k][1]) * scaleDeg).toBeLessThan(1e-6);
        const [bx, by] = skyToPixel(wcs, ...pixelToSky(wcs, x, y));
        expect(Math.hypot(bx - x, by - y)).toBeLessThan(1e-8);
      });
    });

    it("has astropy's pixel scale and footprint", () => {
      expect(pixelScaleArcsec(wcs)).toBeCloseTo(astropy.scale, 9);
      footprint(wcs, width, height, { centers: true }).forEach(([ra, dec], k) => {
        expect(lonDiff(ra, astropy.footprint[k][0])).toBeLessThan(1e-6);
        expect(Math.abs(dec - astropy.footprint[k][1])).toBeLessThan(1e-6);
      });
    });
  });
});

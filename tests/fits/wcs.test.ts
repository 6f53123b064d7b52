import { beforeAll, describe, expect, it } from "vitest";
import { FitsError, FitsHeader, type Wcs, pixelToSky, skyToPixel, wcsCards, wcsFromHeader } from "@/lib/fits";
import { cutoutWcs, pixelScaleArcsec, withoutWcs } from "@/lib/fits/wcs";
import { hasPython, python } from "./helpers";

type Value = string | number | boolean;
const header = (cards: Record<string, Value>): FitsHeader => {
  const h = new FitsHeader().set("NAXIS", 2).set("NAXIS1", 100).set("NAXIS2", 100);
  for (const [k, v] of Object.entries(cards))
    h.set(k, v, "", { float: typeof v === "number" && !k.startsWith("WCSAXES") });
  return h;
};

/** Headers covering the ways real files state a celestial WCS. */
const CASES: Record<string, Record<string, Value>> = {
  "TAN, rotated CD, across RA = 0": {
    CTYPE1: "RA---TAN",
    CTYPE2: "DEC--TAN",
    CRPIX1: 50.5,
    CRPIX2: 40,
    CRVAL1: 359.99,
    CRVAL2: -30,
    CD1_1: -2e-4,
    CD1_2: 1e-4,
    CD2_1: 1.2e-4,
    CD2_2: 2.1e-4,
  },
  "TAN, CDELT + CROTA2 (AIPS)": {
    CTYPE1: "RA---TAN",
    CTYPE2: "DEC--TAN",
    CRPIX1: 10,
    CRPIX2: 90,
    CRVAL1: 150,
    CRVAL2: 2.2,
    CDELT1: -1e-3,
    CDELT2: 1.5e-3,
    CROTA2: 30,
  },
  "TAN, PC + CDELT": {
    CTYPE1: "RA---TAN",
    CTYPE2: "DEC--TAN",
    CRPIX1: 1,
    CRPIX2: 1,
    CRVAL1: 10,
    CRVAL2: 40,
    CDELT1: -1e-3,
    CDELT2: 1e-3,
    PC1_1: 0.8,
    PC1_2: -0.6,
    PC2_1: 0.6,
    PC2_2: 0.8,
  },
  "TAN near the pole": {
    CTYPE1: "RA---TAN",
    CTYPE2: "DEC--TAN",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 45,
    CRVAL2: 89.95,
    CDELT1: -2e-3,
    CDELT2: 2e-3,
  },
  "TAN, latitude axis first": {
    CTYPE1: "DEC--TAN",
    CTYPE2: "RA---TAN",
    CRPIX1: 30,
    CRPIX2: 70,
    CRVAL1: 12,
    CRVAL2: 200,
    CD1_1: 1e-3,
    CD1_2: 0,
    CD2_1: 0,
    CD2_2: -1e-3,
  },
  "TAN, galactic": {
    CTYPE1: "GLON-TAN",
    CTYPE2: "GLAT-TAN",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 120,
    CRVAL2: -5,
    CDELT1: -1e-2,
    CDELT2: 1e-2,
  },
  "SIN, slant (PV2_1, PV2_2)": {
    CTYPE1: "RA---SIN",
    CTYPE2: "DEC--SIN",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 80,
    CRVAL2: -60,
    CDELT1: -5e-3,
    CDELT2: 5e-3,
    PV2_1: 0.1,
    PV2_2: -0.3,
  },
  "NCP at δ = 30°": {
    CTYPE1: "RA---NCP",
    CTYPE2: "DEC--NCP",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 180,
    CRVAL2: 30,
    CDELT1: -5e-3,
    CDELT2: 5e-3,
  },
  ARC: {
    CTYPE1: "RA---ARC",
    CTYPE2: "DEC--ARC",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 20,
    CRVAL2: 10,
    CDELT1: -0.05,
    CDELT2: 0.05,
    EQUINOX: 1950,
  },
  STG: {
    CTYPE1: "RA---STG",
    CTYPE2: "DEC--STG",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 20,
    CRVAL2: 10,
    CDELT1: -0.05,
    CDELT2: 0.05,
    RADESYS: "FK5",
  },
  ZEA: {
    CTYPE1: "RA---ZEA",
    CTYPE2: "DEC--ZEA",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 20,
    CRVAL2: 10,
    CDELT1: -0.05,
    CDELT2: 0.05,
    EQUINOX: 2000,
  },
  "CAR on the equator": {
    CTYPE1: "RA---CAR",
    CTYPE2: "DEC--CAR",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 30,
    CRVAL2: 0,
    CDELT1: -0.1,
    CDELT2: 0.1,
  },
  "CAR off the equator (pole from LATPOLE)": {
    CTYPE1: "RA---CAR",
    CTYPE2: "DEC--CAR",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 30,
    CRVAL2: 25,
    CDELT1: -0.1,
    CDELT2: 0.1,
  },
  "CAR south, explicit LONPOLE": {
    CTYPE1: "RA---CAR",
    CTYPE2: "DEC--CAR",
    CRPIX1: 50,
    CRPIX2: 50,
    CRVAL1: 30,
    CRVAL2: -25,
    CDELT1: -0.1,
    CDELT2: 0.1,
    LONPOLE: 180,
  },
};

const points: [number, number][] = [];
for (let j = 0; j <= 6; j++) for (let i = 0; i <= 6; i++) points.push([-10 + i * 20, -10 + j * 20]);

const ASTROPY_WCS = `
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
warnings.simplefilter('ignore')
out = []
for text, pts in data:
    w = WCS(fits.Header.fromstring(text))
    world = w.all_pix2world(np.array(pts, dtype=float), 0)
    ok = np.all(np.isfinite(world), axis=1)
    pix = np.full_like(world, np.nan)
    pix[ok] = w.all_world2pix(world[ok], 0)
    world = world[:, [w.wcs.lng, w.wcs.lat]]  # astropy answers in axis order; we in (lon, lat)
    out.append({'world': np.where(np.isfinite(world), world, None).tolist(),
                'pixels': np.where(np.isfinite(pix), pix, None).tolist(),
                'radesys': w.wcs.radesys, 'equinox': None if np.isnan(w.wcs.equinox) else w.wcs.equinox})
print(json.dumps(out))
`;

interface AstropyWcs {
  world: [number | null, number | null][];
  pixels: [number | null, number | null][];
  radesys: string;
  equinox: number | null;
}

const text = (h: FitsHeader): string => h.toCardImages().join("") + "END".padEnd(80);
const lonDiff = (a: number, b: number): number => Math.abs(((a - b + 540) % 360) - 180);

function expectSameMapping(wcs: Wcs, expected: AstropyWcs): void {
  points.forEach(([x, y], k) => {
    const [lon0, lat0] = expected.world[k];
    const [lon, lat] = pixelToSky(wcs, x, y);
    if (lon0 === null || lat0 === null) {
      expect(lat).toBeNaN();
      return;
    }
    expect(lonDiff(lon, lon0) * Math.cos((lat0 * Math.PI) / 180), `lon at ${x},${y}`).toBeLessThan(1e-9);
    expect(Math.abs(lat - lat0), `lat at ${x},${y}`).toBeLessThan(1e-9);
    const [px, py] = skyToPixel(wcs, lon0, lat0);
    expect(Math.hypot(px - x, py - y), `round trip at ${x},${y}`).toBeLessThan(1e-6);
  });
}

describe.runIf(hasPython)("WCS against astropy (wcslib)", () => {
  const names = Object.keys(CASES);
  let fromHeaders: AstropyWcs[];
  let fromOurCards: AstropyWcs[];
  const ours = names.map((n) => wcsFromHeader(header(CASES[n]), n));

  beforeAll(() => {
    fromHeaders = python(
      ASTROPY_WCS,
      names.map((n) => [text(header(CASES[n])), points]),
    );
    fromOurCards = python(
      ASTROPY_WCS,
      ours.map((w) => [text(new FitsHeader(wcsCards(w))), points]),
    );
  });

  it.each(names.map((n, i) => [n, i] as const))("%s: pixel ↔ sky", (_, i) => {
    expectSameMapping(ours[i], fromHeaders[i]);
  });

  it.each(names.map((n, i) => [n, i] as const))("%s: the cards we write mean the same to astropy", (_, i) => {
    expectSameMapping(ours[i], fromOurCards[i]);
    if (!ours[i].ctype[0].startsWith("RA")) return;
    expect(ours[i].radesys).toBe(fromHeaders[i].radesys);
    if (ours[i].equinox !== undefined) expect(ours[i].equinox).toBe(fromHeaders[i].equinox);
  });

  it("shifts a cutout's CRPIX by its origin, as astropy's Cutout2D does", () => {
    const wcs = ours[0];
    const cut = cutoutWcs(wcs, 30, 20);
    const astropy = python<number[]>(
      `from astropy.io import fits\nfrom astropy.wcs import WCS\nfrom astropy.nddata import Cutout2D\nimport numpy as np\nw = WCS(fits.Header.fromstring(data))\nc = Cutout2D(np.zeros((100, 100)), (45, 35), (30, 30), wcs=w)\nprint(json.dumps(list(c.origin_original) + list(c.wcs.wcs.crpix)))`,
      text(header(CASES[names[0]])),
    );
    expect(astropy.slice(0, 2)).toEqual([30, 20]);
    expect(cut.crpix).toEqual(astropy.slice(2));
    expect(pixelToSky(cut, 5, 7)).toEqual(pixelToSky(wcs, 35, 27));
  });
});

describe("Wcs as data", () => {
  const wcs = wcsFromHeader(header(CASES["TAN, CDELT + CROTA2 (AIPS)"]));

  it("survives JSON (it is stored in the database)", () => {
    const back = JSON.parse(JSON.stringify(wcs)) as Wcs;
    expect(back).toEqual(wcs);
    expect(pixelToSky(back, 12.5, 3)).toEqual(pixelToSky(wcs, 12.5, 3));
  });

  it("writes WCSAXES first and a CD matrix", () => {
    const keys = wcsCards(wcs).map((c) => c.keyword);
    expect(keys[0]).toBe("WCSAXES");
    expect(keys).toContain("CD1_2");
    expect(keys).not.toContain("CDELT1");
  });

  it("strips every old WCS keyword from a header before a new WCS is added", () => {
    const h = header(CASES["TAN, CDELT + CROTA2 (AIPS)"]).set("OBJECT", "M51").set("A_ORDER", 3).set("CD1_1A", 1);
    expect(withoutWcs(h).cards.map((c) => c.keyword)).toEqual(["NAXIS", "NAXIS1", "NAXIS2", "OBJECT"]);
  });

  it("gives the pixel scale in arcsec", () => {
    expect(pixelScaleArcsec(wcs)).toBeCloseTo(Math.sqrt(1e-3 * 1.5e-3) * 3600, 10);
  });

  it("refuses what it cannot evaluate exactly", () => {
    const base = CASES["TAN, PC + CDELT"];
    expect(() =>
      wcsFromHeader(header({ ...base, CTYPE1: "RA---TAN-SIP", CTYPE2: "DEC--TAN-SIP" }), "sip.fits"),
    ).toThrow(FitsError);
    expect(() => wcsFromHeader(header({ ...base, CTYPE1: "RA---AIT", CTYPE2: "DEC--AIT" }))).toThrow(
      /projection 'AIT'/,
    );
    expect(() => wcsFromHeader(header({ CTYPE1: "LINEAR", CTYPE2: "LINEAR" }), "x.fits")).toThrow(
      /^x\.fits: no celestial WCS/,
    );
    expect(() => wcsFromHeader(header({ ...base, CUNIT1: "m" }))).toThrow(/CUNIT1/);
  });

  it("returns NaN off the projection instead of a wrong position", () => {
    const sin = wcsFromHeader(
      header({
        CTYPE1: "RA---SIN",
        CTYPE2: "DEC--SIN",
        CRPIX1: 1,
        CRPIX2: 1,
        CRVAL1: 0,
        CRVAL2: 0,
        CDELT1: -1,
        CDELT2: 1,
      }),
    );
    expect(pixelToSky(sin, 200, 0)[1]).toBeNaN(); // 200° from the centre: off the disc
    const tan = wcsFromHeader(header(CASES["TAN, PC + CDELT"]));
    expect(skyToPixel(tan, 190, -40)[0]).toBeNaN(); // the antipode of the tangent point
  });
});

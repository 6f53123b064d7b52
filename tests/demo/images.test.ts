import { describe, expect, it } from "vitest";
import { demoBand } from "@/lib/demo/bands";
import { DEMO_CATALOGUE_OPTIONS, drawCatalogue } from "@/lib/demo/catalogue";
import { evaluateComponents } from "@/lib/demo/galaxy-model/evaluate";
import { galaxyStructure } from "@/lib/demo/galaxy-model/structure";
import {
  gaussianBlur,
  integratedMagnitudeAB,
  observationPlan,
  referenceGrid,
  renderGalaxyImages,
  type BandImage,
  type GalaxyImages,
} from "@/lib/demo/images";
import { gridStandardCoordinates, pixelToSky, skyToPixel } from "@/lib/demo/wcs";
import { correlation, makeGalaxy, mean, sha256 } from "./helpers";

const CLEAN = { noise: false, nativeGridProbability: 0, coverageCuts: false } as const;
const band = (im: GalaxyImages, name: string): BandImage => {
  const b = im.bands.find((x) => x.filterName === name);
  if (!b) throw new Error(`no ${name}`);
  return b;
};
const digest = (im: GalaxyImages) => sha256(...im.bands.flatMap((b) => [b.data, b.sigma]));

describe("synthetic galaxy images", () => {
  const demo = drawCatalogue(42, DEMO_CATALOGUE_OPTIONS);

  it("are byte-identical for the same seed and differ for another", () => {
    const a = demo.slice(0, 4).map((g) => digest(renderGalaxyImages(g)));
    const b = drawCatalogue(42, DEMO_CATALOGUE_OPTIONS)
      .slice(0, 4)
      .map((g) => digest(renderGalaxyImages(g)));
    expect(b).toEqual(a);
    const c = drawCatalogue(43, DEMO_CATALOGUE_OPTIONS)
      .slice(0, 4)
      .map((g) => digest(renderGalaxyImages(g)));
    expect(c).not.toEqual(a);
    // Same galaxy record, different noise realisation only through its seed.
    const g = demo[0];
    const other = { ...g, seed: "0".repeat(31) + "1" };
    expect(digest(renderGalaxyImages(other))).not.toBe(digest(renderGalaxyImages(g)));
  });

  it("give one image per filter in surface brightness with a FITS-order layout and a TAN WCS", () => {
    for (const g of demo.slice(0, 10)) {
      const im = renderGalaxyImages(g);
      expect(im.bands.map((b) => b.filterName)).toEqual(g.filters);
      for (const b of im.bands) {
        expect(b.bunit).toBe("Jy/arcsec2");
        expect(b.data).toBeInstanceOf(Float32Array);
        expect(b.data.length).toBe(b.width * b.height);
        expect(b.sigma.length).toBe(b.width * b.height);
        expect(b.wcs.ctype).toEqual(["RA---TAN", "DEC--TAN"]);
        expect(b.wcs.cd[0][0]).toBeLessThan(0);
        expect(b.wcs.cd[1][1]).toBeGreaterThan(0);
        // The galaxy centre lies inside every band's grid.
        const [x, y] = skyToPixel(b.wcs, g.ra, g.dec);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(b.width - 1);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(b.height - 1);
        if (b.filter.bandClass === "optical") {
          expect(b.onReferenceGrid).toBe(true);
          expect([b.width, b.height]).toEqual([g.width, g.height]);
          expect(b.pixelScale).toBeCloseTo(1.5, 9);
        }
      }
    }
  });

  it("put GALEX and WISE on their own shifted, rotated grids for some galaxies, covering the whole field", () => {
    const g = makeGalaxy({ name: "NGC1001" });
    const im = renderGalaxyImages(g, { nativeGridProbability: 1 });
    const ref = im.reference;
    const w1 = band(im, "WISEW1");
    const nuv = band(im, "GALEXNUV");
    expect(w1.onReferenceGrid).toBe(false);
    expect(w1.pixelScale).toBeCloseTo(2.75, 6);
    expect(nuv.pixelScale).toBeCloseTo(1.5, 6);
    expect(nuv.wcs.crval).not.toEqual(ref.wcs.crval);
    expect(w1.wcs.cd[0][1]).not.toBe(0);
    for (const b of [w1, nuv]) {
      for (const [cx, cy] of [
        [0, 0],
        [ref.width - 1, 0],
        [0, ref.height - 1],
        [ref.width - 1, ref.height - 1],
      ]) {
        const [ra, dec] = pixelToSky(ref.wcs, cx, cy);
        const [x, y] = skyToPixel(b.wcs, ra, dec);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(b.width - 1);
        expect(y).toBeLessThanOrEqual(b.height - 1);
      }
    }
    // The same galaxy on both grids: W1 peaks at the galaxy centre on its own grid too.
    const clean = renderGalaxyImages(g, { ...CLEAN, nativeGridProbability: 1 });
    const w1c = band(clean, "WISEW1");
    let best = 0;
    for (let i = 1; i < w1c.data.length; i++) if (w1c.data[i] > w1c.data[best]) best = i;
    const [px, py] = skyToPixel(w1c.wcs, g.ra, g.dec);
    expect(Math.hypot((best % w1c.width) - px, Math.floor(best / w1c.width) - py)).toBeLessThan(1.5);
  });

  it("have a positive uncertainty wherever there is data, 0 on the masked sky and NaN off the survey", () => {
    let sawCut = false;
    for (const g of demo) {
      const im = renderGalaxyImages(g);
      for (const b of im.bands) {
        const inst = demoBand(b.filterName).instrument;
        const cut = im.coverageCuts.some((c) => c.instrument === inst);
        let nan = 0;
        let zero = 0;
        let bad = 0;
        for (let i = 0; i < b.data.length; i++) {
          const v = b.data[i];
          const s = b.sigma[i];
          if (Number.isNaN(v)) {
            nan++;
            if (!Number.isNaN(s)) bad++;
          } else if (v === 0) {
            zero++;
            if (s !== 0) bad++;
          } else if (!(s > 0)) {
            bad++;
          }
        }
        expect(bad).toBe(0);
        expect(zero).toBeGreaterThan(0);
        if (cut) {
          expect(nan).toBeGreaterThan(0);
          sawCut = true;
        } else {
          expect(nan).toBe(0);
        }
      }
    }
    expect(sawCut).toBe(true);
  });

  it("place NaN exactly where an instrument's coverage ends, consistently across its bands", () => {
    const g = demo.find((x) =>
      observationPlan(x).cuts.some(
        (c) => c.kind === "edge" && x.filters.filter((f) => demoBand(f).instrument === c.instrument).length > 1,
      ),
    );
    expect(g).toBeDefined();
    const im = renderGalaxyImages(g!);
    const cut = im.coverageCuts.find((c) => c.kind === "edge")!;
    const bands = im.bands.filter((b) => demoBand(b.filterName).instrument === cut.instrument);
    const first = bands[0];
    const { xi, eta } = gridStandardCoordinates(first.wcs, first.width, first.height, g!.ra, g!.dec);
    let beyond = 0;
    let missing = 0;
    for (let i = 0; i < first.data.length; i++) {
      if (xi[i] * cut.normal[0] + eta[i] * cut.normal[1] > cut.offset) {
        beyond++;
        if (!Number.isNaN(first.data[i])) missing++;
      }
    }
    expect(beyond).toBeGreaterThan(0);
    expect(missing).toBe(0);
    for (const b of bands.slice(1)) {
      if (b.width !== first.width) continue;
      let differ = 0;
      for (let i = 0; i < b.data.length; i++) if (Number.isNaN(b.data[i]) !== Number.isNaN(first.data[i])) differ++;
      expect(differ).toBe(0);
    }
  });

  it("exercise the usable-pixel rule: galaxy pixels usable, masked sky and no-data pixels not", () => {
    const g = demo.find((x) => x.bandSet === "galex-sdss-wise")!;
    const im = renderGalaxyImages(g, { nativeGridProbability: 0 });
    const n = g.width * g.height;
    let usable = 0;
    for (let i = 0; i < n; i++) {
      let opt = 0;
      let other = 0;
      for (const b of im.bands) {
        if (b.data[i] > 0) {
          if (b.filter.bandClass === "optical") opt++;
          else other++;
        }
      }
      if (opt >= 4 || (opt === 3 && other >= 1)) usable++;
    }
    expect(usable).toBeGreaterThan(0.1 * n);
    expect(usable).toBeLessThan(0.9 * n);
  });

  it("integrate to realistic magnitudes and optical surface brightnesses", () => {
    const mags: number[] = [];
    for (const g of demo) {
      const im = renderGalaxyImages(g, { noise: false });
      const r = im.bands.find((b) => b.filterName === "SDSSr" || b.filterName === "PS1r")!;
      const m = integratedMagnitudeAB(r);
      mags.push(m);
      expect(m).toBeGreaterThan(9);
      expect(m).toBeLessThan(16);
      const [x, y] = skyToPixel(r.wcs, g.ra, g.dec);
      const centre = r.data[Math.round(y) * r.width + Math.round(x)];
      expect(centre).toBeGreaterThan(1e-6);
      expect(centre).toBeLessThan(5e-3);
    }
    mags.sort((a, b) => a - b);
    expect(mags[mags.length >> 1]).toBeGreaterThan(11);
    expect(mags[mags.length >> 1]).toBeLessThan(15);
  });

  describe("band physics of a spiral", () => {
    const g = makeGalaxy({ name: "NGC2001", hubbleType: "Sc", inclination: 30 });
    const im = renderGalaxyImages(g, CLEAN);
    const s = galaxyStructure(g);
    const comp = evaluateComponents(s, g, referenceGrid(g), band(im, "SDSSr").psfFwhm);
    const n = g.width * g.height;
    const [cx, cy] = skyToPixel(im.reference.wcs, g.ra, g.dec);
    const radius = (i: number) => Math.hypot((i % g.width) - cx, Math.floor(i / g.width) - cy);
    const isBulge = (i: number) => radius(i) < 2;
    const young = new Float32Array(n);
    for (let i = 0; i < n; i++) young[i] = comp.young[i] / (comp.bulge[i] + comp.disk[i] + 1e-30);
    const threshold = Array.from(young)
      .filter((_, i) => comp.footprint[i] && radius(i) > 8)
      .sort((a, b) => b - a)[Math.floor(0.1 * n * 0.3)];
    const isArm = (i: number) => comp.footprint[i] === 1 && radius(i) > 8 && young[i] >= threshold;

    it("is a spiral with arms and knots", () => {
      expect(s.morphology).toBe("spiral");
      expect(s.arms).not.toBeNull();
      expect(s.knots.length).toBeGreaterThan(5);
    });

    it("has UV/optical higher in the arms than in the bulge", () => {
      const ratio = (name: string, pick: (i: number) => boolean) =>
        mean(band(im, name).data, pick) / mean(band(im, "SDSSr").data, pick);
      expect(ratio("GALEXNUV", isArm)).toBeGreaterThan(3 * ratio("GALEXNUV", isBulge));
      expect(ratio("GALEXFUV", isArm)).toBeGreaterThan(3 * ratio("GALEXFUV", isBulge));
      // A redder bulge: u − r larger in the centre than in the arms.
      expect(ratio("SDSSu", isArm)).toBeGreaterThan(ratio("SDSSu", isBulge));
    });

    it("has W1 tracing the old stars (peak on the bulge) and W3/W4 the star-forming arms", () => {
      const w1 = band(im, "WISEW1").data;
      const old = new Float32Array(n);
      for (let i = 0; i < n; i++) old[i] = comp.bulge[i] + comp.disk[i];
      const inside = (i: number) => comp.footprint[i] === 1;
      expect(correlation(w1, old, inside)).toBeGreaterThan(0.9);
      expect(correlation(w1, old, inside)).toBeGreaterThan(correlation(w1, comp.young, inside));
      let best = 0;
      for (let i = 1; i < n; i++) if (w1[i] > w1[best]) best = i;
      expect(radius(best)).toBeLessThan(2);
      const w3Over1 = (pick: (i: number) => boolean) => mean(band(im, "WISEW3").data, pick) / mean(w1, pick);
      const w4Over1 = (pick: (i: number) => boolean) => mean(band(im, "WISEW4").data, pick) / mean(w1, pick);
      expect(w3Over1(isArm)).toBeGreaterThan(2 * w3Over1(isBulge));
      expect(w4Over1(isArm)).toBeGreaterThan(2 * w4Over1(isBulge));
    });

    it("is brighter in W3/W4 than W1 as a whole, as star-forming spirals are", () => {
      expect(integratedMagnitudeAB(band(im, "WISEW4"))).toBeLessThan(integratedMagnitudeAB(band(im, "WISEW1")));
    });
  });

  it("reddens the near side of an inclined disk (the dust lane)", () => {
    const g = makeGalaxy({ name: "NGC3003", hubbleType: "Sb", inclination: 68, positionAngle: 40, width: 200 });
    const im = renderGalaxyImages(g, CLEAN);
    const s = galaxyStructure(g);
    const { xi, eta } = gridStandardCoordinates(im.reference.wcs, g.width, g.height, g.ra, g.dec);
    const pa = (s.positionAngle * Math.PI) / 180;
    const h = s.disk.scaleLength;
    const gBand = band(im, "SDSSg").data;
    const iBand = band(im, "SDSSi").data;
    const side = (sign: number) => (k: number) => {
      const u = xi[k] * Math.sin(pa) + eta[k] * Math.cos(pa);
      const v = -xi[k] * Math.cos(pa) + eta[k] * Math.sin(pa);
      return Math.abs(u) < 1.5 * h && sign * v > 0.1 * h && sign * v < 0.35 * h;
    };
    const colour = (pick: (i: number) => boolean) => mean(iBand, pick) / mean(gBand, pick);
    expect(colour(side(-1))).toBeGreaterThan(1.05 * colour(side(1)));
  });

  it("draws no arms or knots for ellipticals and lenticulars", () => {
    for (const hubbleType of ["E", "S0"]) {
      const s = galaxyStructure(makeGalaxy({ name: `E-${hubbleType}`, hubbleType }));
      expect(s.arms).toBeNull();
      expect(s.knots).toHaveLength(0);
    }
  });

  it("blurs without changing the total", () => {
    const img = new Float32Array(41 * 31);
    img[15 * 41 + 20] = 1;
    gaussianBlur(img, 41, 31, 2);
    const total = img.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 5);
    expect(img[15 * 41 + 20]).toBeCloseTo(1 / (2 * Math.PI * 4), 2);
  });
});

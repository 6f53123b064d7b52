import { describe, expect, it } from "vitest";
import { expandToMagphysGrid } from "@/lib/demo/build/demo-results";
import { DEMO_CATALOGUE_OPTIONS, drawCatalogue } from "@/lib/demo/catalogue";
import { evaluateComponents } from "@/lib/demo/galaxy-model/evaluate";
import { galaxyStructure } from "@/lib/demo/galaxy-model/structure";
import { referenceGrid } from "@/lib/demo/images";
import {
  HIST_BINS,
  bestFitModelFluxes,
  buildPhysicalModel,
  statOffset,
  summariseFootprint,
  summarisePixels,
} from "@/lib/demo/physical-maps";
import { skyToPixel } from "@/lib/demo/wcs";
import { PARAMETERS, STATISTIC_COUNT, Statistic, parameterByColumn } from "@/lib/survey/parameters";
import { correlation, makeGalaxy, mean, sha256 } from "./helpers";

const P = Object.fromEntries(PARAMETERS.map((p) => [p.column, p.index]));

describe("rebinning onto MAGPHYS's grid", () => {
  it("rebins a compact histogram onto the MAGPHYS grid keeping the total", () => {
    const m = parameterByColumn("m")!;
    const { centres, probabilities } = expandToMagphysGrid(m, 7.03, 0.07, [0.1, 0.2, 0.4, 0.2, 0.1]);
    expect(centres[0]).toBeCloseTo(2.05, 9);
    expect(centres[109]).toBeCloseTo(12.95, 9);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(probabilities[50]).toBeGreaterThan(0); // 7.0–7.1
    expect(probabilities[54]).toBe(0);
  });
});

describe("per-pixel parameter maps and PDF summaries", () => {
  const demo = drawCatalogue(42, DEMO_CATALOGUE_OPTIONS);

  it("give ordered percentiles inside the histogram and the MAGPHYS range, normalised histograms", () => {
    let checked = 0;
    let problems = 0;
    for (const g of demo.slice(0, 8)) {
      const model = buildPhysicalModel(g);
      const s = summariseFootprint(model);
      expect(s.count).toBeGreaterThan(100);
      for (let k = 0; k < s.count; k++) {
        for (let p = 0; p < 16; p++) {
          const slot = k * 16 + p;
          const st = s.stats.subarray(slot * STATISTIC_COUNT, slot * STATISTIC_COUNT + STATISTIC_COUNT);
          const lo = s.histLo[slot];
          const hi = lo + HIST_BINS * s.histStep[slot];
          const grid = PARAMETERS[p].grid;
          let sum = 0;
          for (let j = 0; j < HIST_BINS; j++) {
            const v = s.hist[slot * HIST_BINS + j];
            if (!(v >= 0)) problems++;
            sum += v;
          }
          const ordered =
            st[Statistic.PERCENTILE_2_5] <= st[Statistic.PERCENTILE_16] &&
            st[Statistic.PERCENTILE_16] <= st[Statistic.PERCENTILE_50] &&
            st[Statistic.PERCENTILE_50] <= st[Statistic.PERCENTILE_84] &&
            st[Statistic.PERCENTILE_84] <= st[Statistic.PERCENTILE_97_5];
          const inside = Object.values(Statistic).every((i) => st[i] >= lo - 1e-9 && st[i] <= hi + 1e-9);
          const inGrid = lo >= grid.lo - 1e-9 && hi <= grid.hi + 1e-9 && s.histStep[slot] > 0;
          const bestInRange =
            st[Statistic.BEST_FIT] >= st[Statistic.PERCENTILE_2_5] &&
            st[Statistic.BEST_FIT] <= st[Statistic.PERCENTILE_97_5];
          if (!ordered || !inside || !inGrid || !bestInRange || Math.abs(sum - 1) > 1e-5) problems++;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(problems).toBe(0);
  });

  it("are deterministic and independent of which pixels are asked together", () => {
    const g = demo[2];
    const a = buildPhysicalModel(g);
    const b = buildPhysicalModel(g);
    expect(sha256(...a.truth)).toBe(sha256(...b.truth));
    const xs = [10, 50, 60, 61, 70];
    const ys = [40, 50, 60, 61, 33];
    const all = summarisePixels(a, xs, ys);
    const one = summarisePixels(b, [60], [60]);
    const reversed = summarisePixels(b, xs.slice().reverse(), ys.slice().reverse());
    expect(Array.from(one.stats)).toEqual(Array.from(all.stats.subarray(2 * 16 * 7, 3 * 16 * 7)));
    expect(Array.from(one.hist)).toEqual(Array.from(all.hist.subarray(2 * 16 * HIST_BINS, 3 * 16 * HIST_BINS)));
    expect(Array.from(reversed.stats.subarray(0, 16 * 7))).toEqual(
      Array.from(all.stats.subarray(4 * 16 * 7, 5 * 16 * 7)),
    );
    const other = buildPhysicalModel(drawCatalogue(43, DEMO_CATALOGUE_OPTIONS)[2]);
    expect(sha256(...other.truth)).not.toBe(sha256(...a.truth));
  });

  it("have stellar masses per pixel of 10^4–10^10.5 M☉ that follow the old light and the pixel's physical size", () => {
    for (const g of demo.slice(0, 12)) {
      const m = buildPhysicalModel(g);
      const logM = m.truth[P.m];
      const inside = (i: number) => m.footprint[i] === 1;
      const [cx, cy] = skyToPixel(m.wcs, g.ra, g.dec);
      const centre = Math.round(cy) * g.width + Math.round(cx);
      expect(logM[centre]).toBeGreaterThan(6);
      expect(logM[centre]).toBeLessThan(10.5);
      let tooSmall = 0;
      for (let i = 0; i < logM.length; i++) if (inside(i) && !(logM[i] > 3.5)) tooSmall++;
      expect(tooSmall).toBe(0);
      const c = evaluateComponents(m.structure, g, referenceGrid(g), 1.4);
      const old = new Float32Array(logM.length);
      for (let i = 0; i < old.length; i++) old[i] = Math.log10(c.bulge[i] + c.disk[i] + 1e-30);
      expect(correlation(logM, old, inside)).toBeGreaterThan(0.95);
    }
    // Same galaxy further away: bigger pixels, more mass per pixel.
    const near = makeGalaxy({ name: "NGC4001", redshift: 0.005 });
    const far = { ...near, redshift: 0.05 };
    const dm =
      mean(buildPhysicalModel(far).truth[P.m], () => true) - mean(buildPhysicalModel(near).truth[P.m], () => true);
    expect(dm).toBeGreaterThan(1.5);
  });

  it("put star formation in the arms and knots, old stars in the bulge, and keep sSFR = SFR / M*", () => {
    const g = makeGalaxy({ name: "NGC5001", hubbleType: "Sc", inclination: 30 });
    const m = buildPhysicalModel(g);
    const c = evaluateComponents(galaxyStructure(g), g, referenceGrid(g), 1.4);
    const n = g.width * g.height;
    const [cx, cy] = skyToPixel(m.wcs, g.ra, g.dec);
    const radius = (i: number) => Math.hypot((i % g.width) - cx, Math.floor(i / g.width) - cy);
    const frac = new Float32Array(n);
    for (let i = 0; i < n; i++) frac[i] = c.young[i] / (c.bulge[i] + c.disk[i] + 1e-30);
    const cut = Array.from(frac)
      .filter((_, i) => c.footprint[i] && radius(i) > 8)
      .sort((a, b) => b - a)[300];
    const arm = (i: number) => c.footprint[i] === 1 && radius(i) > 8 && frac[i] >= cut;
    const interArm = (i: number) => c.footprint[i] === 1 && radius(i) > 8 && frac[i] < cut / 4;
    const bulge = (i: number) => radius(i) < 2;
    const ssfr = m.truth[P.s_sfr];
    expect(mean(ssfr, arm)).toBeGreaterThan(mean(ssfr, interArm) + 0.3);
    expect(mean(ssfr, arm)).toBeGreaterThan(mean(ssfr, bulge) + 0.5);
    expect(mean(m.truth[P.fmu_sfh], bulge)).toBeGreaterThan(mean(m.truth[P.fmu_sfh], arm));
    expect(mean(m.truth[P.xi_w_tot], arm)).toBeGreaterThan(mean(m.truth[P.xi_w_tot], bulge));
    for (let i = 0; i < n; i += 7) {
      expect(m.truth[P.sfr][i]).toBeCloseTo(m.truth[P.s_sfr][i] + m.truth[P.m][i], 4);
      const xi = m.truth[P.xi_c_tot][i] + m.truth[P.xi_pah_tot][i] + m.truth[P.xi_mir_tot][i] + m.truth[P.xi_w_tot][i];
      expect(xi).toBeCloseTo(1, 5);
      expect(m.truth[P.tvism][i]).toBeCloseTo(m.truth[P.mu][i] * m.truth[P.tauv][i], 1);
    }
  });

  it("keep every value inside MAGPHYS's ranges", () => {
    const m = buildPhysicalModel(demo[5]);
    let outside = 0;
    for (let p = 0; p < 16; p++) {
      const { lo, hi } = PARAMETERS[p].grid;
      for (const v of m.truth[p]) if (!(v >= lo && v <= hi)) outside++;
    }
    expect(outside).toBe(0);
  });

  it("widen the PDFs at low signal-to-noise", () => {
    const g = makeGalaxy({ name: "NGC6001" });
    const m = buildPhysicalModel(g);
    const [cx, cy] = skyToPixel(m.wcs, g.ra, g.dec);
    let edge = -1;
    for (let i = 0; i < m.snr.length; i++) if (m.footprint[i] && (edge < 0 || m.snr[i] < m.snr[edge])) edge = i;
    const s = summarisePixels(m, [Math.round(cx), edge % g.width], [Math.round(cy), Math.floor(edge / g.width)]);
    const width = (k: number) =>
      s.stats[statOffset(k, P.m, Statistic.PERCENTILE_84)] - s.stats[statOffset(k, P.m, Statistic.PERCENTILE_16)];
    expect(width(1)).toBeGreaterThan(1.5 * width(0));
  });

  it("gives best-fit model fluxes close to the observed ones", () => {
    const m = buildPhysicalModel(demo[0]);
    const s = summarisePixels(m, [40], [40]);
    const observed = [1e-6, 0, 2e-6, NaN];
    const model = bestFitModelFluxes(s, 0, observed, [0.1, 0, 0.1, 0]);
    expect(model[1]).toBe(0);
    expect(model[3]).toBe(0);
    expect(Math.abs(model[0] / 1e-6 - 1)).toBeLessThan(0.5);
    expect(s.iSfh[0]).toBeGreaterThan(0);
    expect(s.chi2[0]).toBeGreaterThan(0);
  });
});

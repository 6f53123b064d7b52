import { describe, expect, it } from "vitest";
import {
  cdMatrix,
  gridStandardCoordinates,
  pixelScaleArcsec,
  pixelToSky,
  skyToPixel,
  skyToStandard,
  standardToSky,
  tanWcs,
} from "@/lib/demo/wcs";

describe("demo TAN WCS", () => {
  it("has RA increasing to the left and square pixels of the given scale", () => {
    const cd = cdMatrix(2.75, 10);
    expect(cd[0][0]).toBeLessThan(0);
    expect(pixelScaleArcsec({ ctype: ["RA---TAN", "DEC--TAN"], crpix: [1, 1], crval: [0, 0], cd })).toBeCloseTo(
      2.75,
      9,
    );
    const w = tanWcs([150, 2], [50.5, 50.5], 1.5);
    const [raL] = pixelToSky(w, 40, 49.5);
    const [raR] = pixelToSky(w, 60, 49.5);
    expect(raL).toBeGreaterThan(raR);
    const [, decTop] = pixelToSky(w, 49.5, 60);
    expect(decTop).toBeGreaterThan(2); // row numbers grow northwards
  });

  it("round-trips pixels and sky positions, also near the pole and across RA 0", () => {
    for (const [ra, dec, rot] of [
      [0.01, 0, 0],
      [359.99, -20, 5],
      [200, 84, -12],
      [12, 45, 3],
    ]) {
      const w = tanWcs([ra, dec], [101.3, 87.9], 1.5, rot);
      for (const [x, y] of [
        [0, 0],
        [250, 13],
        [77.5, 199],
      ]) {
        const [r, d] = pixelToSky(w, x, y);
        const [x2, y2] = skyToPixel(w, r, d);
        expect(x2).toBeCloseTo(x, 6);
        expect(y2).toBeCloseTo(y, 6);
      }
      const [xi, eta] = skyToStandard(ra + 0.1, dec + 0.05, ra, dec);
      const [r2, d2] = standardToSky(xi, eta, ra, dec);
      expect(((r2 - ra - 0.1 + 540) % 360) - 180).toBeCloseTo(0, 9);
      expect(d2).toBeCloseTo(dec + 0.05, 9);
    }
  });

  it("gives every grid pixel's standard coordinates about another centre exactly", () => {
    const w = tanWcs([180.02, 30.01], [20, 15], 2.75, 8);
    const { xi, eta } = gridStandardCoordinates(w, 40, 30, 180, 30);
    for (const [x, y] of [
      [0, 0],
      [39, 29],
      [17, 4],
    ]) {
      const [ra, dec] = pixelToSky(w, x, y);
      const [sx, sy] = skyToStandard(ra, dec, 180, 30);
      expect(xi[y * 40 + x]).toBeCloseTo(sx * 3600, 6);
      expect(eta[y * 40 + x]).toBeCloseTo(sy * 3600, 6);
    }
  });
});

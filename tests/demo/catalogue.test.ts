import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BAND_SETS } from "@/lib/demo/bands";
import { CATALOGUE_TYPES, DEMO_CATALOGUE_OPTIONS, drawCatalogue } from "@/lib/demo/catalogue";
import { CATALOGUE_SOURCE, DIMENSION_X_QUANTILES, REAL_GALAXIES } from "@/lib/demo/catalogue-distributions";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DISTRIBUTIONS = path.join(ROOT, "lib", "demo", "catalogue-distributions.ts");
const NAME_STYLE =
  /^(NGC\d{4}[AB]?|IC\d{4}|UGC\d{5}|UGCA\d{3}|PGC\d{6,7}|ESO\d{3}-(G|IG)?\d{3}|CGCG\d{3}-\d{3}|MCG[+-]\d{2}-\d{2}-\d{3}|FGC\d{4}|2MFGC\d{5}|VCC\d{4}|VV\d{3}|KPG\d{3}[AB]|DDO\d{3}|2MASXJ\d{8}[+-]\d{7}|6dFJ\d{7}[+-]\d{6}|(SDSS|WINGS)J\d{6}\.\d{2}[+-]\d{6}\.\d)(_\d+)?$/;

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe("catalogue distributions module", () => {
  it("is small, names its source CSV and the command that made it", () => {
    expect(statSync(DISTRIBUTIONS).size).toBeLessThan(30_000);
    const head = readFileSync(DISTRIBUTIONS, "utf8").split("\n").slice(0, 6).join("\n");
    expect(head).toContain("pogs_galaxies_2012_2013.csv");
    expect(head).toContain("scripts/gen-catalogue-distributions.ts");
    expect(CATALOGUE_SOURCE.rows).toBe(5861);
  });

  it("holds the catalogue's size distribution (median 288 px, largest 1532 px)", () => {
    expect(DIMENSION_X_QUANTILES).toHaveLength(101);
    expect(DIMENSION_X_QUANTILES[50]).toBe(288);
    expect(DIMENSION_X_QUANTILES[100]).toBe(1532);
  });

  const csv = path.resolve(ROOT, "..", "shared", "data", "pogs_galaxies_2012_2013.csv");
  it.skipIf(!existsSync(csv))("matches the CSV it was generated from", () => {
    const rows = readFileSync(csv, "utf8").trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(CATALOGUE_SOURCE.rows);
    const types = new Set(rows.map((r) => r.split(",")[12]));
    expect(new Set(CATALOGUE_TYPES)).toEqual(types);
  });
});

describe("drawCatalogue", () => {
  it("is deterministic in the seed", () => {
    const a = drawCatalogue(42, DEMO_CATALOGUE_OPTIONS);
    expect(JSON.stringify(drawCatalogue(42, DEMO_CATALOGUE_OPTIONS))).toBe(JSON.stringify(a));
    expect(JSON.stringify(drawCatalogue(43, DEMO_CATALOGUE_OPTIONS))).not.toBe(JSON.stringify(a));
    expect(JSON.stringify(drawCatalogue("42", DEMO_CATALOGUE_OPTIONS))).not.toBe(JSON.stringify(a));
  });

  it("keeps the first galaxies when the survey grows", () => {
    for (const identities of ["real-first", "synthetic"] as const) {
      const small = drawCatalogue(9, { count: 10, identities });
      const large = drawCatalogue(9, { count: 300, identities });
      expect(large.slice(0, 10)).toEqual(small);
    }
  });

  it("draws sizes from the real distribution when uncapped (median within ±15 %)", () => {
    const cat = drawCatalogue(5, { count: 3000, identities: "synthetic" });
    const m = median(cat.map((g) => g.width));
    expect(m).toBeGreaterThan(DIMENSION_X_QUANTILES[50] * 0.85);
    expect(m).toBeLessThan(DIMENSION_X_QUANTILES[50] * 1.15);
    expect(Math.max(...cat.map((g) => g.width))).toBeLessThanOrEqual(1532);
    expect(cat.every((g) => g.catalogueWidth === g.width && g.catalogueHeight === g.height)).toBe(true);
  });

  it("scales and caps sizes for small demos", () => {
    const cat = drawCatalogue(5, { count: 500, identities: "synthetic", sizeScale: 0.5, maxSize: 200, minSize: 40 });
    for (const g of cat) {
      expect(Math.max(g.width, g.height)).toBeLessThanOrEqual(200);
      expect(Math.min(g.width, g.height)).toBeGreaterThanOrEqual(40);
    }
    expect(median(cat.map((g) => g.width))).toBeCloseTo(144, -1);
  });

  it("makes the default demo small: median about 150 px, none over 320 px", () => {
    const cat = drawCatalogue(1, DEMO_CATALOGUE_OPTIONS);
    expect(cat).toHaveLength(40);
    const m = median(cat.map((g) => g.width));
    expect(m).toBeGreaterThan(120);
    expect(m).toBeLessThan(180);
    expect(Math.max(...cat.map((g) => Math.max(g.width, g.height)))).toBeLessThanOrEqual(320);
  });

  it("gives redshifts ≤ 0.1, catalogue types, unique plausible names, sky positions and filter sets", () => {
    const cat = drawCatalogue(11, { count: 1500 });
    const types = new Set(CATALOGUE_TYPES);
    const names = new Set<string>();
    for (const g of cat) {
      expect(g.redshift).toBeGreaterThan(0);
      expect(g.redshift).toBeLessThanOrEqual(0.1);
      expect(Math.abs(g.redshiftRounded - g.redshift)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.round(g.redshiftRounded * 100)).toBeCloseTo(g.redshiftRounded * 100, 9);
      expect(types.has(g.hubbleType)).toBe(true);
      expect(g.name).toMatch(NAME_STYLE);
      names.add(g.name);
      expect(g.ra).toBeGreaterThanOrEqual(0);
      expect(g.ra).toBeLessThan(360);
      expect(Math.abs(g.dec)).toBeLessThanOrEqual(90);
      expect(g.positionAngle).toBeGreaterThanOrEqual(0);
      expect(g.positionAngle).toBeLessThan(180);
      expect(g.inclination).toBeGreaterThanOrEqual(0);
      expect(g.inclination).toBeLessThan(90);
      expect(g.pixelScale).toBe(1.5);
      expect(g.filters.length).toBeGreaterThanOrEqual(5);
      expect(BAND_SETS[g.bandSet]).toEqual(expect.arrayContaining([...g.filters]));
      expect(g.seed).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(names.size).toBe(cat.length);
    // The real galaxies come first, under their real names and positions.
    const real = new Map(REAL_GALAXIES.map((r) => [r[0], r]));
    const first = cat.slice(0, REAL_GALAXIES.length);
    expect(first.every((g) => g.fromCatalogue && real.has(g.name))).toBe(true);
    expect(first[0].ra).toBeCloseTo(real.get(first[0].name)![1], 3);
    expect(cat.slice(REAL_GALAXIES.length).every((g) => !g.fromCatalogue && !real.has(g.name))).toBe(true);
    // Styles other than NGC/UGC/IC appear among the synthetic ones.
    const synthetic = cat.slice(REAL_GALAXIES.length);
    expect(synthetic.some((g) => g.name.startsWith("PGC"))).toBe(true);
    expect(synthetic.some((g) => g.name.startsWith("ESO"))).toBe(true);
    // Every filter set appears; some galaxies miss GALEX FUV.
    expect(new Set(cat.map((g) => g.bandSet)).size).toBe(Object.keys(BAND_SETS).length);
    expect(cat.some((g) => g.bandSet === "galex-sdss-wise" && !g.filters.includes("GALEXFUV"))).toBe(true);
  });

  it("writes positional designations from the galaxy's own coordinates", () => {
    const cat = drawCatalogue(3, { count: 4000, identities: "synthetic" });
    const j = cat.filter((g) => g.name.startsWith("2MASXJ"));
    expect(j.length).toBeGreaterThan(5);
    for (const g of j) {
      const m = /^2MASXJ(\d{2})(\d{2})(\d{2})(\d{2})([+-])(\d{2})(\d{2})(\d{2})(\d)/.exec(g.name)!;
      const ra = (Number(m[1]) + Number(m[2]) / 60 + (Number(m[3]) + Number(m[4]) / 100) / 3600) * 15;
      const dec =
        (m[5] === "-" ? -1 : 1) * (Number(m[6]) + Number(m[7]) / 60 + (Number(m[8]) + Number(m[9]) / 10) / 3600);
      expect(Math.abs(ra - g.ra)).toBeLessThan(0.001);
      expect(Math.abs(dec - g.dec)).toBeLessThan(0.001);
    }
  });
});

// The work-unit input formats: filters.dat and observations.dat (real POGS files).
import { describe, expect, it } from "vitest";
import { ParseError, hasObservation, parseFiltersFile, parseObservationsFile } from "@/lib/ingest/magphys";
import { fixtureText, hasMagphysFixtures } from "./fixtures";

function errorOf(f: () => unknown): ParseError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error("expected a ParseError");
}

describe.runIf(hasMagphysFixtures)("filters.dat", () => {
  it("reads run 1: SDSSu + PS1 g–y", () => {
    const filters = parseFiltersFile(fixtureText("run0001_filters.dat"), "run0001_filters.dat");
    expect(filters.map((f) => f.name)).toEqual(["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"]);
    expect(filters[0]).toEqual({ name: "SDSSu", lambdaEff: 0.3534, filterId: 229, fit: true });
  });

  it("reads run 5 (29 bands) and the unit-test file (11 bands)", () => {
    const run5 = parseFiltersFile(fixtureText("run0005_filters.dat"));
    expect(run5).toHaveLength(29);
    expect(run5[28]).toEqual({ name: "SPIRE500", lambdaEff: 500, filterId: 174, fit: true });
    expect(parseFiltersFile(fixtureText("unit_test_filters05.dat")).map((f) => f.filterId)).toEqual([
      123, 124, 229, 230, 231, 232, 233, 280, 281, 282, 283,
    ]);
  });

  it("reads the tab-separated stock MAGPHYS file with '16.' style wavelengths", () => {
    const stock = parseFiltersFile(fixtureText("eg_user_files/filters.dat"));
    expect(stock).toHaveLength(20);
    expect(stock[12]).toEqual({ name: "IRS16", lambdaEff: 16, filterId: 200, fit: true });
  });

  it("rejects filters02bad.dat at the row with an extra column, not with a shifted table", () => {
    const error = errorOf(() => parseFiltersFile(fixtureText("unit_test_filters02bad.dat"), "filters02bad.dat"));
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/expected 4 columns \(name lambda_eff filter_id fit\?\), found 5/);
    expect(error.message).toMatch(/^filters02bad\.dat:3: /);
  });

  it("rejects its SDSSz row, missing filter_id, once the first problem is fixed", () => {
    const fixed = fixtureText("unit_test_filters02bad.dat").replace("1\t  123", "1");
    const error = errorOf(() => parseFiltersFile(fixed));
    expect([error.line, error.reason]).toEqual([8, expect.stringMatching(/found 3: 'SDSSz/)]);
  });

  it("rejects bad values and empty files", () => {
    expect(errorOf(() => parseFiltersFile("#h\nX 0.1 12x 1\n")).reason).toMatch(/filter_id/);
    expect(errorOf(() => parseFiltersFile("X -0.1 12 1\n")).reason).toMatch(/lambda_eff/);
    expect(errorOf(() => parseFiltersFile("X 0.1 12 2\n")).reason).toMatch(/fit\?/);
    expect(errorOf(() => parseFiltersFile("#name lambda_eff filter_id fit?\n\n")).reason).toMatch(/no filters/);
  });
});

describe.runIf(hasMagphysFixtures)("observations.dat", () => {
  const text = hasMagphysFixtures ? fixtureText("unit_test_observations_UGC05479.dat") : "";

  it("reads the JSON area header and 17 pixel rows of 6 bands", () => {
    const obs = parseObservationsFile(text, { filterCount: 6 });
    expect(obs.area).toEqual({
      areaId: 6201624,
      galaxy: "UGC05479",
      galaxyId: 13707,
      runId: 1,
      topX: 141,
      topY: 147,
      bottomX: 152,
      bottomY: 154,
      pixels: 17,
    });
    expect(obs.pixels).toHaveLength(17);
    const first = obs.pixels[0];
    expect(first.pixelId).toBe(109931946);
    expect(first.redshift).toBe(0.0037);
    expect(first.flux).toEqual([0, 8.12205939837e-7, 2.06016011361e-6, 1.55258362611e-6, 2.54790279541e-6, 0]);
    expect(first.sigma).toEqual([0, 4.27777990808e-7, 7.29802763999e-7, 8.13435690361e-7, 1.70986049852e-6, 0]);
    expect(first.flux.map((f, i) => hasObservation(f, first.sigma[i]))).toEqual([false, true, true, true, true, false]);
    expect(obs.pixels[16].pixelId).toBe(109931962);
  });

  it("treats HEAD's -1 -1 as no data too", () => {
    expect(hasObservation(-1, -1)).toBe(false);
  });

  it("rejects a row with the wrong number of bands at its line", () => {
    const error = errorOf(() => parseObservationsFile(text, { filterCount: 5, fileName: "observations.dat" }));
    expect([error.line, error.message]).toEqual([
      2,
      expect.stringMatching(/^observations\.dat:2: expected pix<id> z and 5/),
    ]);
    const lines = text.split("\n");
    lines[5] = lines[5].trim().split(/\s+/).slice(0, -1).join(" "); // drop the last sigma
    expect(errorOf(() => parseObservationsFile(lines.join("\n"))).line).toBe(6);
  });

  it("rejects a file with fewer rows than the header declares", () => {
    const lines = text.split("\n").filter(Boolean);
    const error = errorOf(() => parseObservationsFile(lines.slice(0, 10).join("\n")));
    expect([error.line, error.reason]).toEqual([11, "the header declares 17 pixels, found 9 rows"]);
  });

  it("rejects a broken JSON header and bad numbers", () => {
    expect(errorOf(() => parseObservationsFile(text.replace('"top_y": 147', '"top_y": 147,,'))).line).toBe(1);
    expect(errorOf(() => parseObservationsFile(text.replace('"run_id": 1', '"run_id": "1"'))).reason).toMatch(/run_id/);
    const error = errorOf(() => parseObservationsFile(text.replace("8.12205939837e-07", "8.12205939837e-0x")));
    expect([error.line, error.reason]).toEqual([2, expect.stringMatching(/'8\.12205939837e-0x'/)]);
  });

  it("accepts a plain MAGPHYS file without the POGS header", () => {
    const plain = parseObservationsFile("# id z f1 s1\npix1 0.01 1e-9 1e-10\n");
    expect(plain).toEqual({ area: null, pixels: [{ pixelId: 1, redshift: 0.01, flux: [1e-9], sigma: [1e-10] }] });
  });
});

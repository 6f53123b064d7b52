import { describe, expect, it } from "vitest";
import { encodeAreaMask, usablePixels } from "@/lib/survey/area-mask";
import { chooseRgbTriples } from "@/lib/survey/rgb-triples";
import { bandSetProblem, usablePixelMask } from "@/lib/survey/usable-pixels";
import { planWorkUnits } from "@/lib/survey/work-units";

describe("usable pixels", () => {
  const band = (bandClass: "UV" | "optical" | "IR", values: number[]) => ({
    bandClass,
    data: Float32Array.from(values),
  });
  it("need 4 optical bands, or 3 optical and one UV or IR band, with data > 0", () => {
    const layers = [
      band("optical", [1, 1, 1, 1, 1]),
      band("optical", [1, 1, 1, 1, 1]),
      band("optical", [1, 1, 1, 1, NaN]),
      band("optical", [1, 0, NaN, -1, 1]),
      band("UV", [0, 0, 2, 0, 0]),
    ];
    expect([...usablePixelMask(layers, 5)]).toEqual([1, 0, 1, 0, 0]);
    expect(bandSetProblem(["optical", "optical", "optical"])).toMatch(/≥ 4 optical/);
    expect(bandSetProblem(["optical", "optical", "optical", "IR"])).toBeNull();
  });
});

describe("work-unit areas", () => {
  it("close at 16 usable pixels in 7-row strips, absorb empty columns, keep a smaller last area", () => {
    const width = 12,
      height = 9;
    const usable = new Uint8Array(width * height).fill(1);
    for (let y = 0; y < height; y++) usable[y * width + 3] = 0; // an empty column
    const areas = planWorkUnits(usable, width, height);
    // strip 0 (rows 0–6): columns 0,1,2 → 21 ≥ 16 closes at x1 = 3; column 3 empty is absorbed into the next.
    expect(areas[0]).toEqual({ x0: 0, y0: 0, x1: 3, y1: 7, pixelCount: 21 });
    expect(areas[1]).toEqual({ x0: 3, y0: 0, x1: 7, y1: 7, pixelCount: 21 });
    // strip 1 has 2 rows: 2 per column, so areas close every 8 columns; the last is smaller.
    const strip1 = areas.filter((a) => a.y0 === 7);
    expect(strip1.every((a) => a.y1 === 9)).toBe(true);
    expect(strip1.reduce((s, a) => s + a.pixelCount, 0)).toBe(2 * 11);
    expect(strip1.at(-1)!.pixelCount).toBeLessThan(16);
    // A strip whose first usable column is not 0 starts its first area there.
    const shifted = new Uint8Array(width * height);
    for (let y = 0; y < 7; y++) for (let x = 5; x < 9; x++) shifted[y * width + x] = 1;
    expect(planWorkUnits(shifted, width, height)).toEqual([
      { x0: 5, y0: 0, x1: 8, y1: 7, pixelCount: 21 },
      { x0: 8, y0: 0, x1: 9, y1: 7, pixelCount: 7 },
    ]);
    // Rectangles tile each strip without gaps or overlaps.
    for (const y0 of [0, 7]) {
      const row = areas.filter((a) => a.y0 === y0);
      row.slice(1).forEach((a, i) => expect(a.x0).toBe(row[i].x1));
    }
  });

  it("number usable pixels column by column, as POGS pixel ids are", () => {
    const rect = { x0: 141, y0: 147, x1: 153, y1: 154 }; // UGC05479 area 6201624 (POGS x 141..152 inclusive)
    const { mask, pixelCount } = encodeAreaMask(rect, (x, y) => (x + y) % 5 === 0);
    const { x, y } = usablePixels(rect, mask);
    expect(x.length).toBe(pixelCount);
    expect([x[0], y[0]]).toEqual([141, 149]);
    for (let k = 1; k < x.length; k++) expect(x[k] > x[k - 1] || (x[k] === x[k - 1] && y[k] > y[k - 1])).toBe(true);
  });
});

describe("RGB triples", () => {
  it("follow the POGS rules for the POGS band sets", () => {
    expect(chooseRgbTriples(["SDSSu", "SDSSg", "SDSSr", "SDSSi", "SDSSz"])[0]).toEqual({
      red: "SDSSi",
      green: "SDSSr",
      blue: "SDSSg",
    });
    expect(chooseRgbTriples(["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"])[1]).toEqual({
      red: "PS1i",
      green: "PS1r",
      blue: "SDSSu",
    });
    expect(chooseRgbTriples(["GALEXNUV", "SDSSg", "SDSSr", "SDSSi", "WISEW1", "WISEW4"])[3]).toEqual({
      red: "WISEW4",
      green: "SDSSr",
      blue: "GALEXNUV",
    });
  });

  it("fall back to wavelength order for any other band set, red longest", () => {
    const triples = chooseRgbTriples(["GALEXFUV", "PS1g", "PS1r", "PS1i", "WISEW2"]);
    expect(triples.length).toBeGreaterThanOrEqual(2);
    expect(triples[0]).toEqual({ red: "PS1i", green: "PS1r", blue: "PS1g" });
    expect(chooseRgbTriples(["WISEW1"])).toEqual([{ red: "WISEW1", green: "WISEW1", blue: "WISEW1" }]);
  });
});

// The .fit's fluxes in a result block: float32 [pixel][filter][observed, σ, model] over the
// filters of all the pixels, NaN where a pixel lacks one; absent (null) when none were given.
import { describe, expect, it } from "vitest";
import { PARAMETER_COUNT, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { decodeFluxes, encodeBlock, type PixelResult } from "@/lib/survey/result-block";

const statistics = Array.from({ length: PARAMETER_COUNT }, () => new Array(STATISTIC_COUNT).fill(1));
const pixel = (x: number, fluxes?: PixelResult["fluxes"]): PixelResult => ({
  x,
  y: 0,
  statistics,
  bestFitModel: { iSfh: 1, iIr: 2, chi2: 0.5, redshift: 0.01 },
  fluxes,
});

describe("fluxes in a result block", () => {
  it("keeps each pixel's triple under its filter, the filters in the order first met", () => {
    const block = encodeBlock([
      pixel(0, { filters: ["SDSSg", "SDSSr"], observed: [1, 2], sigma: [0.1, 0.2], model: [1.5, 2.5] }),
      pixel(1, { filters: ["SDSSr", "WISEW1"], observed: [3, 4], sigma: [0.3, 0], model: [3.5, 4.5] }),
      pixel(2),
    ]);
    expect(block.fluxFilters).toBe("SDSSg,SDSSr,WISEW1");
    const decoded = decodeFluxes({ ...block, fluxes: block.fluxes });
    expect(decoded!.filters).toEqual(["SDSSg", "SDSSr", "WISEW1"]);
    const f = (v: number) => Math.fround(v);
    expect(Array.from(decoded!.values)).toEqual([
      ...[1, 0.1, 1.5, 2, 0.2, 2.5, NaN, NaN, NaN].map(f),
      ...[NaN, NaN, NaN, 3, 0.3, 3.5, 4, 0, 4.5].map(f),
      ...new Array(9).fill(NaN),
    ]);
  });

  it("stores nothing when no pixel brought fluxes, and reads old rows as not stored", () => {
    const block = encodeBlock([pixel(0), pixel(1)]);
    expect(block).toMatchObject({ fluxFilters: "", fluxes: null });
    expect(decodeFluxes({ pixelCount: 2, fluxFilters: "", fluxes: null })).toBeNull();
  });
});

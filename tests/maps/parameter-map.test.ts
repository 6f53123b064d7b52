import { interpolateViridis, rgb, scaleSequential } from "d3";
import { describe, expect, it } from "vitest";
import { colormapLut, COLORMAP_NAMES, colormapInterpolator } from "@/lib/maps/colormaps";
import {
  DEFAULT_PARAMETER_RANGES,
  defaultStyle,
  galaxyRange,
  PARAMETER_MAP_KEYS,
  PARAMETER_MAPS,
  parameterLabel,
  surveyRange,
} from "@/lib/maps/parameter-maps";
import { lutIndexOf, renderParameterMap } from "@/lib/maps/render-parameter-map";

const d3Rgba = (css: string) => {
  const c = rgb(css);
  return [c.r, c.g, c.b, 255];
};
const px = (data: Uint8Array, width: number, x: number, row: number) =>
  Array.from(data.subarray((row * width + x) * 4, (row * width + x) * 4 + 4));

describe("colour map LUTs", () => {
  it("viridis ends and midpoint are d3's interpolateViridis colours", () => {
    const lut = colormapLut("viridis");
    expect(lut.length).toBe(256 * 3);
    const entry = (i: number) => [lut[3 * i], lut[3 * i + 1], lut[3 * i + 2], 255];
    expect(entry(0)).toEqual(d3Rgba(interpolateViridis(0)));
    expect(entry(255)).toEqual(d3Rgba(interpolateViridis(1)));
    expect(entry(128)).toEqual(d3Rgba(interpolateViridis(0.5)));
    expect(d3Rgba(interpolateViridis(0))).toEqual([68, 1, 84, 255]); // the published first colour
    expect(d3Rgba(interpolateViridis(1))).toEqual([253, 231, 37, 255]);
  });

  it("every map has 256 entries equal to its d3 interpolator at i/255", () => {
    for (const name of COLORMAP_NAMES) {
      const lut = colormapLut(name);
      for (const i of [0, 1, 100, 254, 255]) {
        expect([lut[3 * i], lut[3 * i + 1], lut[3 * i + 2], 255]).toEqual(d3Rgba(colormapInterpolator(name)(i / 255)));
      }
    }
  });
});

describe("renderParameterMap", () => {
  const range = [4, 9] as const;

  it("gives the colour d3's sequential viridis scale gives, ends and midpoint included", () => {
    const scale = scaleSequential(interpolateViridis).domain(range);
    const values = Float32Array.of(4, 5.3, 6.5, 7.77, 9);
    const { data } = renderParameterMap(values, 5, 1, { range, colormap: "viridis" });
    values.forEach((v, x) => expect(px(data, 5, x, 0)).toEqual(d3Rgba(scale(v))));
    expect(px(data, 5, 2, 0)).toEqual(d3Rgba(interpolateViridis(0.5)));
    expect(px(data, 5, 0, 0)).toEqual(d3Rgba(interpolateViridis(0)));
    expect(px(data, 5, 4, 0)).toEqual(d3Rgba(interpolateViridis(1)));
  });

  it("clamps values outside the range (±Infinity too) to the end colours", () => {
    const values = Float32Array.of(-100, 3.99, -Infinity, 9.01, 1e30, Infinity);
    const { data } = renderParameterMap(values, 6, 1, { range, colormap: "magma" });
    const lut = colormapLut("magma");
    const first = [lut[0], lut[1], lut[2], 255];
    const last = [lut[765], lut[766], lut[767], 255];
    expect([0, 1, 2].map((x) => px(data, 6, x, 0))).toEqual([first, first, first]);
    expect([3, 4, 5].map((x) => px(data, 6, x, 0))).toEqual([last, last, last]);
  });

  it("makes NaN fully transparent (0, 0, 0, 0)", () => {
    const { data } = renderParameterMap(Float32Array.of(NaN, 6), 2, 1, { range, colormap: "viridis" });
    expect(px(data, 2, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(px(data, 2, 1, 0)[3]).toBe(255);
  });

  it("flips vertically and paints the last row and last column", () => {
    // 3 wide × 2 high; FITS row 0 (bottom) = [4, 4, 9], row 1 (top) = [NaN, NaN, 6.5].
    const values = Float32Array.of(4, 4, 9, NaN, NaN, 6.5);
    const { data, width, height } = renderParameterMap(values, 3, 2, { range, colormap: "viridis" });
    expect([width, height]).toEqual([3, 2]);
    expect(px(data, 3, 0, 0)).toEqual([0, 0, 0, 0]); // top-left = FITS (0, 1) = NaN
    expect(px(data, 3, 2, 0)).toEqual(d3Rgba(interpolateViridis(0.5))); // last column, top row
    expect(px(data, 3, 2, 1)).toEqual(d3Rgba(interpolateViridis(1))); // last column, last row
    expect(px(data, 3, 0, 1)).toEqual(d3Rgba(interpolateViridis(0))); // first column, last row
  });

  it("uses 256 equal bins: the bin edge 4 + 5/256 starts entry 1", () => {
    expect(lutIndexOf(4 + 5 / 256 - 1e-9, range)).toBe(0);
    expect(lutIndexOf(4 + 5 / 256 + 1e-9, range)).toBe(1);
    expect(lutIndexOf(9 - 1e-9, range)).toBe(255);
  });

  it("rejects an empty or inverted range and a wrong-sized array", () => {
    expect(() => renderParameterMap(Float32Array.of(1), 1, 1, { range: [1, 1], colormap: "viridis" })).toThrow(
      RangeError,
    );
    expect(() => renderParameterMap(Float32Array.of(1), 1, 1, { range: [2, 1], colormap: "viridis" })).toThrow(
      RangeError,
    );
    expect(() => renderParameterMap(Float32Array.of(1, 2), 1, 1, { range, colormap: "viridis" })).toThrow(RangeError);
  });
});

describe("parameter map definitions and ranges", () => {
  it("labels carry units", () => {
    expect(parameterLabel("m")).toBe("log₁₀ M★ [M☉]");
    expect(parameterLabel("ldust")).toBe("log₁₀ L_dust [L☉]");
    expect(parameterLabel("sfr")).toBe("log₁₀ SFR [M☉ yr⁻¹]");
    expect(parameterLabel("mu")).toBe("µ");
  });

  it("every map has a default colour map and a survey range the caller can override", () => {
    for (const key of PARAMETER_MAP_KEYS) {
      expect(COLORMAP_NAMES).toContain(PARAMETER_MAPS[key].colormap);
      const [lo, hi] = DEFAULT_PARAMETER_RANGES[key];
      expect(hi).toBeGreaterThan(lo);
    }
    expect(DEFAULT_PARAMETER_RANGES.mu).toEqual([0, 1]);
    expect(surveyRange("m")).toEqual([4, 9]);
    expect(surveyRange("m", { m: [5.5, 8.2] })).toEqual([5.5, 8.2]);
    expect(surveyRange("sfr", { m: [5.5, 8.2] })).toEqual(DEFAULT_PARAMETER_RANGES.sfr);
    expect(defaultStyle("ldust", { ldust: [5, 8] })).toEqual({ range: [5, 8], colormap: "inferno" });
  });

  it("galaxyRange is the 2nd–98th percentile of the finite values", () => {
    // 0..100 plus no-data: p2 = 2, p98 = 98 exactly (rank p·100).
    const v = Float32Array.from({ length: 105 }, (_, i) => (i <= 100 ? 100 - i : NaN));
    expect(galaxyRange(v)).toEqual([2, 98]);
    expect(galaxyRange(Float32Array.of(NaN, NaN))).toBeNull();
    expect(galaxyRange(Float32Array.of(7, 7, NaN))).toEqual([6.5, 7.5]);
  });
});

import { describe, expect, it } from "vitest";
import { colormapLut } from "@/lib/maps/colormaps";
import { colorbarCssGradient, colorbarStops, colorbarTicks, parameterColorbar } from "@/lib/maps/colorbar";

describe("colorbarTicks", () => {
  it("gives d3's round ticks with positions along the bar", () => {
    expect(colorbarTicks([4, 9])).toEqual([
      { value: 4, position: 0, text: "4" },
      { value: 5, position: 0.2, text: "5" },
      { value: 6, position: 0.4, text: "6" },
      { value: 7, position: 0.6, text: "7" },
      { value: 8, position: 0.8, text: "8" },
      { value: 9, position: 1, text: "9" },
    ]);
  });

  it("formats fractions and negatives with the tick step's precision and a real minus sign", () => {
    expect(colorbarTicks([0, 1]).map((t) => t.text)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    expect(colorbarTicks([-6, -1]).map((t) => t.text)).toEqual(["−6", "−5", "−4", "−3", "−2", "−1"]);
  });
});

describe("gradients", () => {
  it("stops run from the first to the last LUT colour", () => {
    const lut = colormapLut("inferno");
    const stops = colorbarStops("inferno", 3);
    expect(stops).toEqual([
      { offset: 0, color: `rgb(${lut[0]}, ${lut[1]}, ${lut[2]})` },
      { offset: 0.5, color: `rgb(${lut[384]}, ${lut[385]}, ${lut[386]})` },
      { offset: 1, color: `rgb(${lut[765]}, ${lut[766]}, ${lut[767]})` },
    ]);
    expect(colorbarCssGradient("viridis", "to top", 2)).toBe(
      "linear-gradient(to top, rgb(68, 1, 84) 0%, rgb(253, 231, 37) 100%)",
    );
  });

  it("parameterColorbar bundles label with units, ticks and gradient", () => {
    const bar = parameterColorbar("m", [4, 9]);
    expect(bar.label).toBe("log₁₀ M★ [M☉]");
    expect(bar.colormap).toBe("viridis");
    expect(bar.ticks).toHaveLength(6);
    expect(bar.cssGradient.startsWith("linear-gradient(to right, rgb(68, 1, 84) 0%")).toBe(true);
  });
});

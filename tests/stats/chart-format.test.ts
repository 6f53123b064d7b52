// The chart kit's pure pieces (components/charts): numbers on axes and in readouts, ticks of
// linear, log and time scales, end labels kept apart, a series' value at a time.
import { scaleLinear, scaleLog, scaleUtc } from "d3";
import { describe, expect, it } from "vitest";
import { dodgeLabels, formatTick, formatValue, powerOfTen } from "@/components/charts/chart-format";
import { valueAt } from "@/components/charts/chart-model";
import { linearTicks, logTicks, timeTicks } from "@/components/charts/chart-ticks";

describe("chart formats", () => {
  it("writes values whole, compact or with decimals, billions with B", () => {
    expect(formatValue(1234.5, "integer")).toBe("1,235");
    expect(formatValue(1_234_567, "compact")).toBe("1.2M");
    expect(formatValue(2.5e9, "compact")).toBe("2.5B");
    expect(formatValue(48.66, "decimal")).toBe("48.66");
    expect([0, 0.5, 250, 5000, 20_000, 1_250_000].map((v) => formatTick(v))).toEqual([
      "0",
      "0.5",
      "250",
      "5K",
      "20K",
      "1.25M",
    ]);
  });

  it("writes ticks as precisely as their step needs", () => {
    expect(linearTicks(scaleLinear().domain([0, 0.3]), 3).map((t) => t.label)).toEqual(["0.0", "0.1", "0.2", "0.3"]);
    expect(linearTicks(scaleLinear().domain([-2, 2]), 2).map((t) => t.label)).toEqual(["−2", "0", "2"]);
    expect(logTicks(scaleLog().domain([0.5, 30]), (v) => String(v)).map((t) => t.value)).toEqual([1, 3, 10, 30]);
    expect(logTicks(scaleLog().domain([1e-6, 1]), (v) => powerOfTen(Math.log10(v)))[0].label).toBe("10⁻⁶");
    const days = scaleUtc().domain([Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 21)]);
    expect(timeTicks(days, 3).map((t) => t.label)).toEqual(["Nov 1", "Nov 8", "Nov 15"]);
  });

  it("keeps end labels a gap apart and inside the plot, near where their lines end", () => {
    expect(dodgeLabels([50, 52, 200], 13, 4, 300)).toEqual([50, 63, 200]);
    expect(dodgeLabels([299, 300, 300], 13, 4, 300)).toEqual([274, 287, 300]);
    expect(dodgeLabels([0], 13, 4, 300)).toEqual([4]);
  });

  it("carries a series' last value forward and has none before it starts", () => {
    const s = {
      label: "A",
      unit: "credits",
      points: [
        { time: 10, value: 1 },
        { time: 20, value: 5 },
      ],
    };
    expect([5, 10, 15, 20, 25].map((t) => valueAt(s, t)?.value ?? null)).toEqual([null, 1, 1, 5, 5]);
  });
});

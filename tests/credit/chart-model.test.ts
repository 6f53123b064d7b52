// The shared time-series chart's geometry (components/charts/chart-model.ts), without a browser:
// one axis per unit, dashes for lines sharing an axis, the readout's nearest point, carried-forward
// values and number formats.
import { describe, expect, it } from "vitest";
import { DAY_MS, formatValue, timeFormatter } from "@/components/charts/chart-format";
import { chartGeometry, nearestIndex, seriesDashes, valueAt } from "@/components/charts/chart-model";
import type { ChartSeries } from "@/components/charts/chart-types";

const t0 = Date.UTC(2026, 10, 1);
const series = (label: string, unit: string, values: number[], step = DAY_MS): ChartSeries => ({
  label,
  unit,
  points: values.map((value, i) => ({ time: t0 + i * step, value })),
});

describe("chartGeometry", () => {
  it("gives the first unit the left axis and a second unit the right one, each from 0 to its maximum", () => {
    const g = chartGeometry(
      [series("Credit", "credits", [10, 2000]), series("RAC", "credits a day", [5, 70])],
      600,
      200,
    );
    expect(g.axes.map((a) => [a.unit, a.side, a.series])).toEqual([
      ["credits", "left", [0]],
      ["credits a day", "right", [1]],
    ]);
    expect(g.axes[0].scale.domain()).toEqual([0, 2000]);
    expect(g.axes[1].scale(0)).toBe(200);
    expect(g.x(new Date(t0 + DAY_MS))).toBe(600);
  });

  it("draws many series of one unit (a race) against one axis, over every time any has", () => {
    const g = chartGeometry([series("A", "credits", [1, 2, 3]), series("B", "credits", [4, 5], 2 * DAY_MS)], 300, 100);
    expect(g.axes).toHaveLength(1);
    expect(g.axes[0].series).toEqual([0, 1]);
    expect(g.times).toEqual([t0, t0 + DAY_MS, t0 + 2 * DAY_MS]);
    expect(seriesDashes(g)).toEqual([undefined, "7 4"]);
  });

  it("keeps a line alone on its axis solid", () => {
    const g = chartGeometry([series("Credit", "credits", [1, 2]), series("RAC", "credits a day", [3, 4])], 300, 100);
    expect(seriesDashes(g)).toEqual([undefined, undefined]);
  });

  it("spans a day either side of a single point", () => {
    const g = chartGeometry([series("A", "credits", [7])], 100, 100);
    expect(g.x.domain().map((d) => d.getTime())).toEqual([t0 - DAY_MS, t0 + DAY_MS]);
  });
});

describe("readout", () => {
  it("finds the nearest time", () => {
    const times = [0, 10, 20, 30];
    expect([-5, 4, 6, 14, 16, 29, 99].map((t) => nearestIndex(times, t))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it("reads a series at a time it has no point at from its last point before", () => {
    const s = series("B", "credits", [4, 5], 2 * DAY_MS);
    expect(valueAt(s, t0 + DAY_MS)?.value).toBe(4);
    expect(valueAt(s, t0 - 1)).toBeNull();
  });

  it("writes values and dates plainly", () => {
    expect(formatValue(12345.6)).toBe("12,346");
    expect(formatValue(3.276, "decimal")).toBe("3.28");
    expect(formatValue(4369.83, "decimal")).toBe("4,370");
    expect(formatValue(1_250_000, "compact")).toBe("1.3M");
    expect(timeFormatter([t0])(t0)).toBe("2026-11-01");
    expect(timeFormatter([t0, t0 + 3_600_000])(t0 + 3_600_000)).toBe("2026-11-01 01:00 UTC");
  });
});

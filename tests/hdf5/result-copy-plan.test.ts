// How a read of some areas' rows is cut into batches and boxes (lib/hdf5/result-copy-plan.ts).
import { describe, expect, it } from "vitest";
import { INDEX_FIELDS, indexValues, type IndexEntry } from "@/lib/hdf5/result-copy";
import { BATCH_BYTES, columnPositions, planBatches } from "@/lib/hdf5/result-copy-plan";

/** An entry whose xy is at `xy` and stats at `stats` ([offset, length]); other columns null. */
function entry(areaId: number, xy: [number, number], stats: [number, number]): IndexEntry {
  const at = new Float64Array(INDEX_FIELDS - 3).fill(-1);
  at.set([...xy, ...stats]);
  return { areaId, pixelCount: xy[1] / 4, resultsVersion: 1, at };
}

describe("planning a read of the copy", () => {
  const columns = columnPositions(["stats", "xy"]);

  it("reads neighbours in one box per column, and finds each row's bytes in the buffer", () => {
    const entries = [entry(1, [0, 40], [0, 4480]), entry(2, [40, 8], [4480, 896]), entry(9, [9000, 8], [900_000, 896])];
    const [plan, ...more] = planBatches(entries, columns);
    expect(more).toEqual([]);
    expect(columns).toEqual([0, 1]); // RESULT_COLUMNS order, whatever order asked
    expect(plan.boxes).toEqual([
      { path: "/galaxy/portal/xy", start: [0], count: [9008], bytes: 9008 }, // gap < 64 KiB: merged
      { path: "/galaxy/portal/stats", start: [0], count: [5376], bytes: 5376 },
      { path: "/galaxy/portal/stats", start: [900_000], count: [896], bytes: 896 },
    ]);
    expect(plan.bytes).toBe(9008 + 5376 + 896);
    expect([...plan.at]).toEqual([0, 9008, 40, 9008 + 4480, 9000, 9008 + 5376]);
  });

  it("cuts batches of about BATCH_BYTES, keeping the order asked", () => {
    const row = 448 * 1000;
    const entries = Array.from({ length: 12 }, (_, i) => entry(12 - i, [4000 * (11 - i), 4000], [row * (11 - i), row]));
    const batches = planBatches(entries, columns);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flatMap((b) => b.entries.map((e) => e.areaId))).toEqual(entries.map((e) => e.areaId));
    for (const b of batches) expect(b.bytes).toBeLessThan(BATCH_BYTES + row + 4000);
  });

  it("reads nothing for rows whose columns are null or empty", () => {
    const e = entry(3, [0, 0], [0, 0]);
    e.at[1] = -1;
    const [plan] = planBatches([e], columns);
    expect(plan.boxes).toEqual([]);
    expect(plan.bytes).toBe(0);
  });

  it("reads the index's int64 values, nulls (−1) and offsets past 4 GiB included", () => {
    const values = Array.from({ length: 2 * INDEX_FIELDS }, (_, i) => [-1, 0, 7, 2 ** 32 + 5, 2 ** 40 + 3][i % 5]);
    const bytes = new Uint8Array(BigInt64Array.from(values, BigInt).buffer);
    expect([...indexValues(bytes, 2)]).toEqual(values);
  });
});

import { describe, expect, it } from "vitest";
import { MinHeap } from "@/lib/demo/min-heap";
import { toRng } from "@/lib/demo/random";

describe("min-heap", () => {
  it("pops in the caller's order, ties broken by the comparison", () => {
    const heap = new MinHeap<[time: number, id: number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
    const rng = toRng("min-heap");
    const items: [number, number][] = Array.from({ length: 500 }, (_, id) => [rng.int(0, 50), id]);
    for (const item of items) heap.push(item);
    expect(heap.size).toBe(items.length);
    const popped: [number, number][] = [];
    while (heap.size > 0) popped.push(heap.pop());
    expect(popped).toEqual(items.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it("refuses to pop when empty", () => {
    expect(() => new MinHeap<number>((a, b) => a - b).pop()).toThrow(RangeError);
  });
});

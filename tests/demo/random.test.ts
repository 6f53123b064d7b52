import { describe, expect, it } from "vitest";
import { Rng, hashToKey, keyFromHex, keyToHex, sampleQuantiles } from "@/lib/demo/random";

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe("seeded random streams", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    expect(draws(Rng.fromSeed(42), 50)).toEqual(draws(Rng.fromSeed(42), 50));
    expect(draws(Rng.fromSeed("42"), 50)).toEqual(draws(Rng.fromSeed("42"), 50));
    expect(draws(Rng.fromSeed(42), 50)).not.toEqual(draws(Rng.fromSeed(43), 50));
    // A number seed and its string are distinct seeds.
    expect(draws(Rng.fromSeed(42), 5)).not.toEqual(draws(Rng.fromSeed("42"), 5));
  });

  it("derives children from the seed and label only, not from the parent's position", () => {
    const a = Rng.fromSeed(7);
    const b = Rng.fromSeed(7);
    draws(b, 1000); // the parent has moved on
    expect(draws(a.child("volunteers"), 20)).toEqual(draws(b.child("volunteers"), 20));
    expect(draws(a.child("galaxy", 3), 20)).toEqual(draws(b.child("galaxy", 3), 20));
    expect(draws(a.child("galaxy", 3), 20)).not.toEqual(draws(a.child("galaxy", 4), 20));
    expect(draws(a.child("galaxy", 3), 20)).not.toEqual(draws(a.child("galaxy", "3"), 20));
    expect(draws(a.child("x", "y"), 5)).toEqual(draws(a.child("x").child("y"), 5));
  });

  it("round-trips stream keys through hex", () => {
    const key = hashToKey("anything");
    expect(keyFromHex(keyToHex(key))).toEqual(key);
    const r = Rng.fromSeed(1).child("g");
    expect(draws(Rng.fromHex(r.hex), 10)).toEqual(draws(Rng.fromSeed(1).child("g"), 10));
  });

  it("draws uniform, normal, lognormal, Poisson and exponential variates with the right moments", () => {
    const r = Rng.fromSeed("moments");
    const n = 40_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    let sp = 0;
    let se = 0;
    let sl = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      su += u;
      const z = r.normal(3, 2);
      sn += z;
      sn2 += (z - 3) ** 2;
      sp += r.poisson(4.5);
      se += r.exponential(0.5);
      sl += Math.log(r.lognormal(1, 0.5));
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(3, 1);
    expect(Math.sqrt(sn2 / n)).toBeCloseTo(2, 1);
    expect(sp / n).toBeCloseTo(4.5, 1);
    expect(se / n).toBeCloseTo(2, 1);
    expect(sl / n).toBeCloseTo(1, 1);
    expect(r.poisson(0)).toBe(0);
    const big = Array.from({ length: 2000 }, () => r.poisson(500));
    expect(big.reduce((a, b) => a + b, 0) / big.length).toBeGreaterThan(490);
    expect(big.reduce((a, b) => a + b, 0) / big.length).toBeLessThan(510);
  });

  it("draws heavy tails: Pareto P(X > x) = (xm/x)^α and bounded power laws", () => {
    const r = Rng.fromSeed("tails");
    const n = 50_000;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const x = r.pareto(1, 1.5);
      expect(x).toBeGreaterThanOrEqual(1);
      if (x > 4) above++;
    }
    expect(above / n).toBeCloseTo(Math.pow(1 / 4, 1.5), 2);
    for (const index of [-2.5, -1, 0.5]) {
      for (let i = 0; i < 1000; i++) {
        const x = r.powerLaw(2, 50, index);
        expect(x).toBeGreaterThanOrEqual(2);
        expect(x).toBeLessThanOrEqual(50);
      }
    }
  });

  it("chooses by weight, never picking zero weights", () => {
    const r = Rng.fromSeed("weights");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weightedIndex([1, 0, 3, 6])]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 30_000).toBeCloseTo(0.1, 1);
    expect(counts[3] / 30_000).toBeCloseTo(0.6, 1);
    expect(() => r.weightedIndex([0, 0])).toThrow();
    expect(r.weightedChoice(["a", "b"], [0, 1])).toBe("b");
  });

  it("shuffles and samples without repeats", () => {
    const r = Rng.fromSeed("shuffle");
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = r.shuffle(items.slice());
    expect(shuffled.slice().sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    const s = r.sample(items, 10);
    expect(new Set(s).size).toBe(10);
  });

  it("samples an empirical quantile function inside its range", () => {
    const r = Rng.fromSeed("q");
    const q = [10, 20, 40, 80];
    const xs = Array.from({ length: 20_000 }, () => sampleQuantiles(r, q));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(80);
    const median = xs.sort((a, b) => a - b)[xs.length / 2];
    expect(median).toBeGreaterThan(27);
    expect(median).toBeLessThan(33);
  });
});

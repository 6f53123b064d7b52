// Seeded, reproducible randomness for the demo survey.
//
// Every generator in lib/demo draws from an `Rng` derived from the demo's `--seed`. Streams are
// split by purpose with `child(label…)`: a child depends only on its parent's *seed* and the label,
// never on how many numbers the parent has already produced. So adding galaxies (which draws more
// from the "catalogue" stream) cannot change the volunteers, and galaxy 7 is the same whether the
// demo makes 10 galaxies or 10,000.
//
// Core generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
// passes PractRand), keyed by a 128-bit key hashed from the seed with a cyrb128-style mixer.

export type DemoSeed = string | number;

/** 128-bit stream key as four unsigned 32-bit words. */
export type StreamKey = readonly [number, number, number, number];

const TWO_POW_32 = 4294967296;

/** Hash a string to a 128-bit key (cyrb128 mixing; good avalanche, not cryptographic). */
export function hashToKey(text: string): StreamKey {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A strong 32-bit integer hash (Wellons' lowbias32). */
export function hash32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d);
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b);
  x = (x ^ (x >>> 16)) >>> 0;
  return x;
}

function mixKey(key: StreamKey, label: string | number): StreamKey {
  if (typeof label === "number" && Number.isInteger(label) && label >= 0 && label < TWO_POW_32) {
    // Fast path for indices (pixels, galaxies): no string allocation.
    const a = hash32((key[0] ^ hash32(label + 0x9e3779b9)) >>> 0);
    const b = hash32((key[1] ^ hash32(a + label)) >>> 0);
    const c = hash32((key[2] ^ hash32(b ^ 0x85ebca6b)) >>> 0);
    const d = hash32((key[3] ^ hash32(c + 0xc2b2ae35)) >>> 0);
    return [a, b, c, d];
  }
  return hashToKey(`${key.join(".")}/${typeof label}:${String(label)}`);
}

export function keyFromSeed(seed: DemoSeed): StreamKey {
  return hashToKey(`pogs-demo:${typeof seed === "number" ? `n${seed}` : `s${seed}`}`);
}

export function keyToHex(key: StreamKey): string {
  return key.map((w) => w.toString(16).padStart(8, "0")).join("");
}

export function keyFromHex(hex: string): StreamKey {
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a 128-bit stream key: ${hex}`);
  return [0, 8, 16, 24].map((i) => parseInt(hex.slice(i, i + 8), 16)) as unknown as StreamKey;
}

export class Rng {
  readonly key: StreamKey;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(key: StreamKey) {
    this.key = key;
    this.a = key[0] | 0;
    this.b = key[1] | 0;
    this.c = key[2] | 0;
    this.d = key[3] | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A stream for a seed given on the command line (`--seed`). */
  static fromSeed(seed: DemoSeed): Rng {
    return new Rng(keyFromSeed(seed));
  }

  /** A stream from a key saved as hex (e.g. `DemoGalaxy.seed`). */
  static fromHex(hex: string): Rng {
    return new Rng(keyFromHex(hex));
  }

  /** Independent sub-stream for a purpose; depends only on this stream's key and the labels. */
  child(...labels: (string | number)[]): Rng {
    return new Rng(this.childKey(...labels));
  }

  childKey(...labels: (string | number)[]): StreamKey {
    let key = this.key;
    for (const label of labels) key = mixKey(key, label);
    return key;
  }

  get hex(): string {
    return keyToHex(this.key);
  }

  nextUint32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32-bit resolution. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform in (0, 1): never exactly 0, safe for logarithms. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hiExclusive). */
  int(lo: number, hiExclusive: number): number {
    return lo + Math.floor(this.next() * (hiExclusive - lo));
  }

  bool(probability = 0.5): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const phi = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(phi);
    return mean + sd * r * Math.cos(phi);
  }

  /** Normal truncated to [lo, hi] by rejection (falls back to clamping after 64 tries). */
  truncatedNormal(mean: number, sd: number, lo: number, hi: number): number {
    for (let i = 0; i < 64; i++) {
      const v = this.normal(mean, sd);
      if (v >= lo && v <= hi) return v;
    }
    return Math.min(hi, Math.max(lo, mean));
  }

  /** exp(N(mu, sigma)): mu and sigma are of the logarithm. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate: number): number {
    return -Math.log(this.nextOpen()) / rate;
  }

  /** Pareto type I: P(X > x) = (xm / x)^alpha for x ≥ xm. */
  pareto(xm: number, alpha: number): number {
    return xm / Math.pow(this.nextOpen(), 1 / alpha);
  }

  /** Power law p(x) ∝ x^index on [lo, hi] (lo > 0; any index, including −1). */
  powerLaw(lo: number, hi: number, index: number): number {
    const u = this.next();
    if (Math.abs(index + 1) < 1e-9) return lo * Math.pow(hi / lo, u);
    const k = index + 1;
    const a = Math.pow(lo, k);
    const b = Math.pow(hi, k);
    return Math.pow(a + (b - a) * u, 1 / k);
  }

  /** Poisson variate (Knuth for small means, normal approximation with continuity beyond 60). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda > 60) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("choice from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with probability proportional to its (non-negative) weight. */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += Math.max(0, weights[i]);
    if (!(total > 0)) throw new Error("weightedIndex needs a positive weight");
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= Math.max(0, weights[i]);
      if (u < 0) return i;
    }
    // Rounding: return the last index with positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  weightedChoice<T>(items: readonly T[], weights: ArrayLike<number>): T {
    if (items.length !== weights.length) throw new Error("items and weights differ in length");
    return items[this.weightedIndex(weights)];
  }

  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, Math.min(k, items.length));
  }

  /** Fill an array with standard normals (used for image noise). */
  fillNormal(out: Float32Array | Float64Array): void {
    const n = out.length;
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
      const phi = 2 * Math.PI * this.next();
      out[i] = r * Math.cos(phi);
      if (i + 1 < n) out[i + 1] = r * Math.sin(phi);
    }
  }
}

/** Accept a seed or an existing stream. */
export function toRng(seed: DemoSeed | Rng): Rng {
  return seed instanceof Rng ? seed : Rng.fromSeed(seed);
}

/** Empirical quantile function: `quantiles[k]` is the value at probability k/(n−1); linear in between. */
export function sampleQuantiles(rng: Rng, quantiles: readonly number[]): number {
  const u = rng.next() * (quantiles.length - 1);
  const k = Math.min(quantiles.length - 2, Math.floor(u));
  const f = u - k;
  return quantiles[k] + (quantiles[k + 1] - quantiles[k]) * f;
}

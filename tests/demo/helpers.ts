import { createHash } from "node:crypto";
import { BAND_SETS, type BandSetName } from "@/lib/demo/bands";
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import { Rng } from "@/lib/demo/random";

/** A hand-made galaxy record, for tests that need a given type, size and filter set. */
export function makeGalaxy(overrides: Partial<DemoGalaxy> & { bandSet?: BandSetName } = {}): DemoGalaxy {
  const bandSet = overrides.bandSet ?? "galex-sdss-wise";
  const width = overrides.width ?? 160;
  const height = overrides.height ?? width;
  return {
    index: 0,
    name: "NGC9999",
    ra: 185.0,
    dec: 12.5,
    width,
    height,
    catalogueWidth: width,
    catalogueHeight: height,
    pixelScale: 1.5,
    redshift: 0.015,
    redshiftRounded: 0.02,
    hubbleType: "Sc",
    positionAngle: 30,
    inclination: 35,
    fromCatalogue: false,
    seed: Rng.fromSeed("test-galaxy").child(overrides.name ?? "NGC9999").hex,
    ...overrides,
    bandSet,
    filters: overrides.filters ?? [...BAND_SETS[bandSet]],
  };
}

export function sha256(...arrays: ArrayBufferView[]): string {
  const h = createHash("sha256");
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest("hex");
}

export function mean(xs: ArrayLike<number>, pick: (i: number) => boolean): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    if (pick(i)) {
      s += xs[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

export function correlation(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  pick: (i: number) => boolean = () => true,
): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    if (!pick(i)) continue;
    n++;
    sa += a[i];
    sb += b[i];
  }
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    if (!pick(i)) continue;
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/**
 * A deterministic synthetic parameter map for benchmarks: an inclined exponential disc of
 * log10 M* per pixel with per-pixel fit noise, NaN outside the usable ellipse (as real
 * per-pixel MAGPHYS maps look). Noise matters: it is what makes PNG tiles expensive to encode.
 */

import { seededRandom } from "./seeded-random";

export function syntheticLogMassMap(width: number, height: number, seed = 1): Float32Array {
  const random = seededRandom(seed);
  const values = new Float32Array(width * height);
  const cx = width / 2;
  const cy = height / 2;
  const a = 0.45 * width; // semi-major axis of the usable region
  const b = 0.3 * height;
  const scale = 0.12 * width; // disc scale length in pixels
  const cos = Math.cos(0.5);
  const sin = Math.sin(0.5);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      const inside = (u / a) ** 2 + (v / b) ** 2 <= 1;
      if (!inside) {
        values[y * width + x] = NaN;
        continue;
      }
      const r = Math.sqrt(u * u + ((v * a) / b) ** 2);
      // Box–Muller-free noise: sum of two uniforms, σ ≈ 0.08 dex.
      const noise = (random() + random() - 1) * 0.2;
      values[y * width + x] = 8.5 - (r / scale) * Math.LOG10E + noise;
    }
  }
  return values;
}

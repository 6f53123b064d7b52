/**
 * Exact order statistics of large Float32Arrays in O(n) average time.
 *
 * Maps of the largest galaxies have 1532² ≈ 2.3 M pixels (and pyramids are built from 4096²
 * rasters), so the statistics must not sort nor box numbers into JS arrays. Selection
 * (Floyd–Rivest, as in d3-array's `quickselect` but specialised to a Float32Array with no
 * comparator call per comparison) gives the exact k-th value in place.
 *
 * Quantiles use linear interpolation between order statistics (numpy's default, R type 7, the
 * same as `d3.quantile`), which is what the POGS Python code got from numpy.
 */

/** Copies the values that pass `keep` into a new Float32Array (float32 → float32 is exact). */
export function collectFinite(values: Float32Array, positiveOnly: boolean): Float32Array {
  const out = new Float32Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // `v - v === 0` is false for NaN and ±Infinity: one comparison instead of Number.isFinite.
    if (v - v === 0 && (!positiveOnly || v > 0)) out[n++] = v;
  }
  return out.subarray(0, n);
}

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the value it would have if sorted, everything
 * before it is ≤ and everything after is ≥. NaN must not be present.
 */
export function selectInPlace(a: Float32Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    // Floyd–Rivest: on big ranges, first select within a small sample around the expected
    // position so the pivot lands close to k and the range shrinks fast.
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Smallest value of `a[from..]` (used for the upper neighbour after a selection). */
function minFrom(a: Float32Array, from: number): number {
  let m = Infinity;
  for (let i = from; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * Quantiles (each p in [0, 1]) of `work`, linear interpolation between order statistics.
 * `work` is reordered in place; it must hold no NaN and at least one value.
 * Ps are processed in ascending order so every selection works on a shrinking range.
 */
export function quantilesInPlace(work: Float32Array, ps: readonly number[]): number[] {
  const n = work.length;
  if (n === 0) throw new RangeError("quantiles of an empty set");
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const out = new Array<number>(ps.length);
  let left = 0;
  for (const { p, i } of order) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is outside [0, 1]`);
    const rank = p * (n - 1);
    const lo = Math.floor(rank);
    selectInPlace(work, lo, left, n - 1);
    const vLo = work[lo];
    const frac = rank - lo;
    // After the selection everything right of lo is ≥ work[lo], so the next order statistic is
    // the minimum of that tail: exact, O(n), no second selection.
    out[i] = frac === 0 || lo + 1 >= n ? vLo : vLo + (minFrom(work, lo + 1) - vLo) * frac;
    left = lo;
  }
  return out;
}

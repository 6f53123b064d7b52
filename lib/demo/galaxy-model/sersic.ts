// The Sérsic profile of bulges and ellipticals.

export function sersicB(n: number): number {
  return 2 * n - 1 / 3 + 4 / (405 * n) + 46 / (25515 * n * n);
}

function gammaFn(x: number): number {
  // Lanczos approximation (g = 7), accurate to ~1e-13 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

/** Total flux of a Sérsic profile with surface brightness Ie at Re and axis ratio q. */
export function sersicTotal(ie: number, re: number, n: number, q: number): number {
  const b = sersicB(n);
  return ((2 * Math.PI * n * Math.exp(b)) / Math.pow(b, 2 * n)) * gammaFn(2 * n) * re * re * q * ie;
}

// Synthetic .fit pixels for writer tests: few bins, plausible magnitudes, seeded. With `printed`,
// every value is already at the precision the client prints it, so write → parse must be exact.
import type { MagphysPixelFit, ParameterPdf } from "@/lib/ingest/magphys";
import { PARAMETERS } from "@/lib/survey/parameters";
import { seededRandom } from "@/lib/testing/seeded-random";

const sig = (v: number, digits: number) => Number(v.toExponential(digits - 1));
const dec = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

// log10 ranges of the five log parameters (id → [min, max])
const LOG_RANGE: Record<number, [number, number]> = { 5: [-13, -8], 6: [6, 11], 7: [6, 11], 15: [3, 8], 16: [-4, 1] };
const LINEAR_RANGE: Record<number, [number, number]> = { 4: [0, 6], 8: [15, 25], 9: [30, 60], 14: [0, 6] };

export function syntheticPixel(seed: number, options: { bins?: number; printed?: boolean } = {}): MagphysPixelFit {
  const random = seededRandom(seed);
  const printed = options.printed ?? true;
  const E3 = (v: number) => (printed ? sig(v, 4) : v);
  const F = (v: number, d: number) => (printed ? dec(v, d) : v);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const filterNames = ["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"]; // run 1, as in the real sample
  const flux = () => filterNames.map(() => E3(10 ** between(-11, -8)));
  const pdfs: ParameterPdf[] = PARAMETERS.map((p) => {
    const bins = options.bins ?? 1 + Math.floor(random() * 4);
    const [lo, hi] = LOG_RANGE[p.id] ?? LINEAR_RANGE[p.id] ?? [0, 1];
    const step = (hi - lo) / bins;
    const logX = [5, 6, 7, 16].includes(p.id);
    const histogram: [number, number][] = Array.from({ length: bins }, (_, i) => [
      logX ? E3(lo + step * (i + 0.5)) : F(lo + step * (i + 0.5), 4),
      E3(random() * (random() < 0.2 ? 1e-12 : 1)),
    ]);
    const pct = [0.1, 0.3, 0.5, 0.7, 0.9].map((q) => lo + (hi - lo) * (q + (random() - 0.5) * 0.05));
    const [p2_5, p16, p50, p84, p97_5] = pct.map((v) => ([5, 6, 7].includes(p.id) ? E3(v) : F(v, 3)));
    return {
      histogram,
      percentiles: { p2_5, p16, p50, p84, p97_5 },
      highestProbBin: F(histogram[Math.floor(random() * bins)][0], 4),
      firstBin: F(histogram[0][0], 4),
      lastBin: F(histogram[bins - 1][0], 4),
      binStep: F(step, 4),
    };
  });
  const bestFit = PARAMETERS.map((p) => {
    const [lo, hi] = LOG_RANGE[p.id] ?? LINEAR_RANGE[p.id] ?? [0, 1];
    if (LOG_RANGE[p.id]) return E3(10 ** between(lo, hi));
    return p.id === 8 || p.id === 9 ? F(between(lo, hi), 1) : F(between(lo, hi), 3);
  });
  const iSfh = 1 + Math.floor(random() * 50000);
  const iIr = 1 + Math.floor(random() * 50000);
  const redshift = F(between(0, 0.1), 6);
  return {
    pixelId: 100_000_000 + seed,
    filterNames,
    observedFlux: flux(),
    observedSigma: flux(),
    bestFitModel: { iSfh, iIr, chi2: F(between(0, 30), 3), redshift },
    bestFit,
    modelFlux: flux(),
    pdfs,
    skyNet: {
      iSfh,
      iIr,
      stellarMassScale: printed ? sig(10 ** between(6, 11), 6) : 10 ** between(6, 11),
      fmuSfh: printed ? sig(between(0.01, 1), 4) : between(0.01, 1),
      redshift: printed ? sig(redshift + 0.001, 2) : redshift + 0.001,
    },
  };
}

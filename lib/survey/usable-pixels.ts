// The POGS usable-pixel rule: a pixel goes to MAGPHYS when it has data (a finite value > 0) in at
// least 4 optical bands, or in 3 optical bands and at least one UV or IR band. (The paper says
// "≥ 6 bands"; the work-unit generator's rule is this one.)
import type { BandClass } from "./filters";

export type BandLayer = { bandClass: BandClass; data: Float32Array };

/** 1 where a pixel is usable, 0 elsewhere; FITS order (index y·width + x). */
export function usablePixelMask(layers: BandLayer[], pixelCount: number): Uint8Array {
  const optical = new Uint8Array(pixelCount);
  const other = new Uint8Array(pixelCount);
  for (const layer of layers) {
    const counts = layer.bandClass === "optical" ? optical : other;
    const d = layer.data;
    for (let i = 0; i < pixelCount; i++) if (d[i] > 0) counts[i]++; // NaN > 0 is false
  }
  const usable = new Uint8Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) usable[i] = optical[i] >= 4 || (optical[i] === 3 && other[i] >= 1) ? 1 : 0;
  return usable;
}

/** Why a band set can never give a usable pixel, or null when it can. */
export function bandSetProblem(classes: BandClass[]): string | null {
  const optical = classes.filter((c) => c === "optical").length;
  const other = classes.length - optical;
  if (optical >= 4 || (optical === 3 && other >= 1)) return null;
  return `no pixel can be usable with ${optical} optical and ${other} UV/IR bands: MAGPHYS needs ≥ 4 optical bands, or 3 optical and ≥ 1 UV or IR band`;
}

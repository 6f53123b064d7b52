// What a galaxy file holds of the per-pixel results: a box of the image, some of the 16 parameters
// and some of the 7 statistics, in the order asked. An archive is the selection of everything:
// the whole image, every parameter and statistic in their POGS order. Pure: no I/O.
import {
  PARAMETER_COUNT,
  PARAMETERS,
  STATISTIC_COUNT,
  STATISTICS,
  type MagphysParameter,
  type StatisticDefinition,
} from "@/lib/survey/parameters";

/** A half-open pixel box [x0, x1) × [y0, y1) of the galaxy's image (docs/formats.md §2). */
export type PixelBox = { x0: number; y0: number; x1: number; y1: number };

export type PixelSelection = {
  box: PixelBox;
  parameters: readonly MagphysParameter[];
  statistics: readonly StatisticDefinition[];
};

/** The selection of an archive: everything. */
export function wholeGalaxy(g: { width: number; height: number }): PixelSelection {
  return { box: { x0: 0, y0: 0, x1: g.width, y1: g.height }, parameters: PARAMETERS, statistics: STATISTICS };
}

/**
 * Where each value of a selected pixel comes from in a stored pixel's 16 × 7 statistics, in the
 * file's order [parameter][statistic]; null when the selection is all of them in their own order,
 * so a pixel is one contiguous copy.
 */
export function statisticOffsets(s: PixelSelection): Int32Array | null {
  const offsets = new Int32Array(s.parameters.length * s.statistics.length);
  let k = 0;
  for (const p of s.parameters) for (const t of s.statistics) offsets[k++] = p.index * STATISTIC_COUNT + t.index;
  const identity = offsets.length === PARAMETER_COUNT * STATISTIC_COUNT && offsets.every((o, i) => o === i);
  return identity ? null : offsets;
}

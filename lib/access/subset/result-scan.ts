/**
 * Reading the stored statistics of the pixels in a box: the packed result blocks of the work
 * units that overlap it (docs/architecture.md, "one packed row per work unit"), scattered into
 * cubes of the requested parameters × statistics. Read in bands of rows so memory follows the
 * output, not the galaxy; a block stamped with a newer results version than the galaxy's means an
 * ingest landed meanwhile, and the caller starts again (`ResultsChangedError`).
 */
import type { PixelBox } from "@/lib/access/region/region-types";
import { boxHeight, boxWidth } from "@/lib/access/region/region-types";
import type { Db } from "@/lib/db/client";
import { ResultsChangedError } from "@/lib/maps/service/result-grids";
import { PARAMETER_COUNT, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { typedView } from "@/lib/survey/result-block";
import { openBlockSource } from "./block-source";

/**
 * Bytes of result blocks (448 a pixel) one query may bring: the box is read in bands of rows under
 * this, so a cutout is one query and a whole galaxy a few dozen (areas on a band's edge are read twice).
 */
const BAND_BYTES = 64 << 20;

/**
 * Fills `cubes[k]` (one per parameter in `parameters`, FITS order [statistic][y][x] over the box,
 * pre-filled with NaN) with the stored values. `onBand` reports rows done of the box's rows.
 */
export async function scanResults(
  db: Db,
  galaxyId: number,
  resultsVersion: number,
  box: PixelBox,
  parameters: readonly number[],
  statistics: readonly number[],
  cubes: Float32Array[],
  onBand?: (rowsDone: number, rows: number) => Promise<void> | void,
): Promise<void> {
  const w = boxWidth(box);
  const h = boxHeight(box);
  const plane = w * h;
  // One (cube, plane offset, value offset) triple per parameter × statistic, so the inner loop is flat.
  const targets = parameters.flatMap((id, k) =>
    statistics.map((s, j) => ({ cube: cubes[k], plane: j * plane, value: (id - 1) * STATISTIC_COUNT + s })),
  );
  const bandRows = Math.max(7, Math.floor(BAND_BYTES / (w * PARAMETER_COUNT * STATISTIC_COUNT * 4)));
  const source = await openBlockSource(db);
  try {
    for (let y0 = box.y0; y0 < box.y1; y0 += bandRows) {
      const y1 = Math.min(box.y1, y0 + bandRows);
      for await (const rows of source.overlapping(galaxyId, { x0: box.x0, x1: box.x1, y0, y1 }))
        for (const row of rows) {
          if (row.resultsVersion > resultsVersion)
            throw new ResultsChangedError(`results of galaxy ${galaxyId} changed while read`);
          const n = row.pixelCount;
          const xy = typedView(Uint16Array, row.xy, 2 * n);
          const stats = typedView(Float32Array, row.stats, n * PARAMETER_COUNT * STATISTIC_COUNT);
          for (let i = 0; i < n; i++) {
            const x = xy[2 * i];
            const y = xy[2 * i + 1];
            if (x < box.x0 || x >= box.x1 || y < y0 || y >= y1) continue;
            const at = (y - box.y0) * w + (x - box.x0);
            const base = i * PARAMETER_COUNT * STATISTIC_COUNT;
            for (const t of targets) t.cube[t.plane + at] = stats[base + t.value];
          }
        }
      await onBand?.(y1 - box.y0, h);
    }
  } finally {
    source.close();
  }
}

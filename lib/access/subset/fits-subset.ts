/**
 * A FITS subset as a stream of chunks: the primary HDU with the provenance, then one extension
 * per parameter (a cube [statistic][y][x] when several statistics are asked, an image for one).
 * Parameters are read in groups that fit a memory budget, one pass over the box's result blocks
 * per group, so a whole-galaxy request holds about the budget, not the file.
 */
import { boxHeight, boxWidth } from "@/lib/access/region/region-types";
import type { Db } from "@/lib/db/client";
import { PARAMETERS } from "@/lib/survey/parameters";
import { extensionHeader, primaryHeader } from "./fits-headers";
import { hduChunks } from "./fits-stream";
import { scanResults } from "./result-scan";
import type { SubsetGalaxy } from "./subset-galaxy";
import type { SubsetRequest } from "./subset-request";

/** Parameter cubes held at once (a 1532² galaxy's 7 statistics of one parameter is 66 MB). */
const GROUP_BUDGET_BYTES = 192 << 20;

export interface SubsetProgress {
  /** 0–1 */
  (fraction: number): Promise<void> | void;
}

export async function* fitsSubsetChunks(
  db: Db,
  galaxy: SubsetGalaxy,
  request: SubsetRequest,
  onProgress?: SubsetProgress,
): AsyncGenerator<Uint8Array> {
  const { box, parameters, statistics } = request;
  const stamp = new Date().toISOString().slice(0, 19);
  yield* hduChunks({ header: primaryHeader(galaxy, box, parameters, statistics, request.asked) }, 0, stamp);

  const w = boxWidth(box);
  const h = boxHeight(box);
  const cubeValues = w * h * statistics.length;
  const perGroup = Math.max(1, Math.floor(GROUP_BUDGET_BYTES / (cubeValues * 4)));
  const groups = Math.ceil(parameters.length / perGroup);
  const shape = statistics.length > 1 ? [w, h, statistics.length] : [w, h];
  for (let g = 0; g < groups; g++) {
    const ids = parameters.slice(g * perGroup, (g + 1) * perGroup);
    const cubes = ids.map(() => new Float32Array(cubeValues).fill(NaN));
    await scanResults(db, galaxy.id, galaxy.resultsVersion, box, ids, statistics, cubes, (rows, total) =>
      onProgress?.((g + rows / total) / groups),
    );
    for (let k = 0; k < ids.length; k++) {
      const input = {
        name: PARAMETERS[ids[k] - 1].column,
        header: extensionHeader(galaxy, box, ids[k], statistics),
        data: cubes[k],
        shape,
      };
      yield* hduChunks(input, g * perGroup + k + 1, stamp);
      cubes[k] = new Float32Array(0); // let the written cube go before the next is encoded
    }
  }
}

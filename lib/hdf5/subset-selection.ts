// A subset request checked against its galaxy and turned into a selection: a box inside the image,
// parameters 1–16 and statistics 0–6, each at most once, in the order asked. Pure: no I/O.
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";
import type { PixelBox, PixelSelection } from "./pixel-selection";

export type Hdf5SubsetRequest = {
  galaxyId: number;
  /** half-open, 0-based, inside the image */
  box: PixelBox;
  /** parameter ids 1–16, in the order asked */
  parameters: readonly number[];
  /** statistic indices 0–6, in the order asked */
  statistics: readonly number[];
  /** the request as the user phrased it, recorded in the file (`/galaxy` attribute `subset_request`) */
  asked?: string;
};

/** A request that cannot be answered as asked; the message says what to change, in one line. */
export class SubsetRequestError extends Error {}

function distinct(what: string, values: readonly number[], valid: (v: number) => boolean, range: string): void {
  if (!values.length) throw new SubsetRequestError(`no ${what} asked: give at least one (${range})`);
  const bad = values.find((v) => !Number.isInteger(v) || !valid(v));
  if (bad !== undefined) throw new SubsetRequestError(`${what} ${bad} does not exist: use ${range}`);
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new SubsetRequestError(`${what} ${twice} is asked twice: name each once`);
}

export function subsetSelection(
  galaxy: { id: number; width: number; height: number },
  request: Hdf5SubsetRequest,
): PixelSelection {
  const { x0, y0, x1, y1 } = request.box;
  const size = `${galaxy.width}×${galaxy.height}`;
  if (![x0, y0, x1, y1].every(Number.isInteger))
    throw new SubsetRequestError(`the box must be whole pixels, got x ${x0}–${x1}, y ${y0}–${y1}`);
  if (x0 >= x1 || y0 >= y1)
    throw new SubsetRequestError(`the box x [${x0}, ${x1}), y [${y0}, ${y1}) is empty: x0 < x1 and y0 < y1`);
  if (x0 < 0 || y0 < 0 || x1 > galaxy.width || y1 > galaxy.height)
    throw new SubsetRequestError(
      `the box x [${x0}, ${x1}), y [${y0}, ${y1}) is not inside the ${size} image of galaxy ${galaxy.id} (x 0–${galaxy.width}, y 0–${galaxy.height})`,
    );
  distinct("parameter", request.parameters, (p) => p >= 1 && p <= PARAMETERS.length, "ids 1–16");
  distinct("statistic", request.statistics, (s) => s >= 0 && s < STATISTICS.length, "indices 0–6");
  return {
    box: { x0, y0, x1, y1 },
    parameters: request.parameters.map((id) => PARAMETERS[id - 1]),
    statistics: request.statistics.map((i) => STATISTICS[i]),
  };
}

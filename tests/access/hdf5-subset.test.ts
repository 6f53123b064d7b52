// HDF5 subsets through the data services (written by lib/hdf5): h5py and h5dump read them, and
// they hold the same values as the FITS subset of the same request, at the same pixels.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sodaGET } from "@/app/api/soda/sync/route";
import { python, tempDir } from "@/tests/fits/helpers";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
const dir = tempDir();
beforeAll(async () => {
  survey = await createAccessSurvey();
});
afterAll(() => survey?.temp.cleanup());

async function fetchSubset(query: string, name: string): Promise<{ file: string; response: Response }> {
  const response = await call(sodaGET, `/api/soda/sync?ID=${survey.galaxyId}&${query}`);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, response };
}

describe("HDF5 subsets", () => {
  it("are read by h5py and h5dump and equal the FITS subset of the same request", async () => {
    const query = "PIXELS=[3:30,2:25]&PARAM=tauv&PARAM=m&PARAM=sfr&STAT=percentile_84&STAT=best_fit";
    const h5 = await fetchSubset(`${query}&RESPONSEFORMAT=application/x-hdf5`, "cut.hdf5");
    expect(h5.response.status).toBe(200);
    expect(h5.response.headers.get("content-type")).toBe("application/x-hdf5");
    expect(h5.response.headers.get("content-disposition")).toContain("_x2-30_y1-25.hdf5");
    const fits = await fetchSubset(query, "cut.fits");
    const dump = spawnSync("h5dump", [h5.file], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    expect(dump.status, dump.stderr).toBe(0);
    const compared = python<{ compared: number; mismatch: number; offsets: number[]; dims: number[] }>(
      `
import h5py, numpy as np
from astropy.io import fits
with h5py.File(data["h5"]) as f, fits.open(data["fits"]) as hdul:
    px = f["galaxy/pixel"]
    cube = px["pixels_0_0"][()]                      # [x, y, parameter, statistic]
    compared, mismatch = 0, 0
    for k, name in enumerate(["tauv", "m", "sfr"]):
        planes = hdul[name].data                     # [statistic, y, x]
        for s in range(planes.shape[0]):
            a, b = planes[s], cube[:, :, k, s].T
            same = (a == b) | (np.isnan(a) & np.isnan(b))
            compared += a.size
            mismatch += int(np.sum(~same))
    print(json.dumps({"compared": compared, "mismatch": mismatch, "offsets": [int(px.attrs["X_OFFSET"]), int(px.attrs["Y_OFFSET"])], "dims": list(cube.shape)}))`,
      { h5: h5.file, fits: fits.file },
    );
    expect(compared).toEqual({ compared: 28 * 24 * 3 * 2, mismatch: 0, offsets: [2, 1], dims: [28, 24, 3, 2] });
  });
});

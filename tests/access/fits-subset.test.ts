// FITS subsets as astronomers' tools see them: fitsverify finds nothing to complain about, astropy
// reads the checksums, the values equal h5py's reading of the galaxy's HDF5 archive at the same
// pixels, and the cutout's WCS puts every pixel where the full image's WCS puts it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sodaGET } from "@/app/api/soda/sync/route";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import { fitsverify, python, tempDir } from "@/tests/fits/helpers";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
const dir = tempDir();

beforeAll(async () => {
  survey = await createAccessSurvey();
});
afterAll(() => survey?.temp.cleanup());

async function cutout(query: string): Promise<{ file: string; response: Response }> {
  const response = await call(sodaGET, `/api/soda/sync?ID=${encodeURIComponent(galaxyDid(survey.galaxyId))}&${query}`);
  const file = path.join(dir, `cutout-${Math.random().toString(36).slice(2)}.fits`);
  if (response.status === 200) writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, response };
}

describe("FITS cutouts", () => {
  it("pass fitsverify with no warnings and no errors", async () => {
    const { file, response } = await cutout("PIXELS=[3:20,5:30]&PARAM=m&PARAM=sfr&STAT=percentile_50&STAT=best_fit");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/fits");
    const verdict = fitsverify(file);
    expect(verdict, verdict.output).toMatchObject({ warnings: 0, errors: 0 });
  });

  it("hold the archive's values at the same pixels (astropy vs h5py)", async () => {
    const { file } = await cutout(
      "PIXELS=[2:40,3:35]&PARAM=mu,m,ldust,sfr,tauv,s_sfr,mdust&STAT=percentile_16&STAT=best_fit&STAT=percentile_97_5",
    );
    const result = python<{ maxdiff: number; compared: number; nanMismatch: number }>(
      `
import h5py, numpy as np
from astropy.io import fits
with fits.open(data["fits"], checksum=True) as hdul:
    prim = hdul[0].header
    x0, y0 = prim["CUTX0"], prim["CUTY0"]
    with h5py.File(data["h5"]) as f:
        px = f["galaxy/pixel"]
        block = px["pixels_0_0"]
        maxdiff, compared, mismatch = 0.0, 0, 0
        for ext in hdul[1:]:
            k = px.attrs["PIXELS_DIM3_" + data["hdf5names"][ext.header["EXTNAME"]]]
            cube = ext.data
            for j in range(ext.header["NSTAT"]):
                s = px.attrs["PIXELS_DIM4_" + ext.header["STAT%d" % (j + 1)].upper()]
                plane = cube[j]
                ny, nx = plane.shape
                ref = block[x0:x0 + nx, y0:y0 + ny, k, s].T
                both = ~np.isnan(plane) & ~np.isnan(ref)
                mismatch += int(np.sum(np.isnan(plane) != np.isnan(ref)))
                compared += int(np.sum(both))
                if both.any():
                    maxdiff = max(maxdiff, float(np.max(np.abs(plane[both] - ref[both]))))
print(json.dumps({"maxdiff": maxdiff, "compared": compared, "nanMismatch": mismatch}))
`,
      {
        fits: file,
        h5: survey.archive.absolutePath,
        hdf5names: {
          mu: "MU_PARAMETER",
          m: "M_STARS",
          ldust: "L_DUST",
          sfr: "SFR_0_1GYR",
          tauv: "TAU_V",
          s_sfr: "SSFR_0_1GYR",
          mdust: "M_DUST",
        },
      },
    );
    expect(result.compared).toBeGreaterThan(1000);
    expect(result.nanMismatch).toBe(0);
    expect(result.maxdiff).toBe(0);
  });

  it("put every pixel where the full image's WCS puts it (within 1e-6°), cubes and images alike", async () => {
    const layer = await survey.temp.db.layer.findFirstOrThrow({ where: { galaxyId: survey.galaxyId } });
    const g = await survey.temp.db.galaxy.findUniqueOrThrow({ where: { id: survey.galaxyId } });
    for (const query of [
      `CIRCLE=${g.ra + 0.002} ${g.dec - 0.001} 0.003&PARAM=m&STAT=percentile_50&STAT=percentile_84`,
      "PIXELS=[5:29,9:20]&PARAM=sfr",
    ]) {
      const { file } = await cutout(query);
      const check = python<{ maxdeg: number; pixels: number; dims: number[] }>(
        `
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
with fits.open(data["cut"]) as cut, fits.open(data["full"]) as full:
    ext = cut[1]
    x0, y0 = cut[0].header["CUTX0"], cut[0].header["CUTY0"]
    wcut = WCS(ext.header).celestial
    wfull = WCS(full["IMAGE"].header)
    ny, nx = ext.data.shape[-2:]
    ys, xs = np.mgrid[0:ny, 0:nx]
    a = wcut.pixel_to_world(xs.ravel(), ys.ravel())
    b = wfull.pixel_to_world(xs.ravel() + x0, ys.ravel() + y0)
    print(json.dumps({"maxdeg": float(np.max(a.separation(b).deg)), "pixels": int(nx * ny), "dims": list(ext.data.shape)}))`,
        { cut: file, full: path.join(survey.temp.dataDir, layer.imagePath) },
      );
      expect(check.pixels, query).toBeGreaterThan(100);
      expect(check.maxdeg, query).toBeLessThan(1e-6);
      expect(check.dims.length, query).toBe(query.includes("percentile_84") ? 3 : 2);
    }
  });

  it("name the statistic of every plane and carry the provenance", async () => {
    const { file } = await cutout(
      "PIXELS=[1:8,1:8]&PARAM=ldust&STAT=percentile_97_5&STAT=best_fit&STAT=highest_prob_bin",
    );
    const h = python<Record<string, string | number | boolean>>(
      `
from astropy.io import fits
with fits.open(data, checksum=True) as f:
    p, e = f[0].header, f["ldust"].header
    print(json.dumps({k: v for k, v in [("ORIGIN", p["ORIGIN"]), ("SURVEY", p["SURVEY"]), ("FITCODE", p["FITCODE"]), ("OBJECT", p["OBJECT"]), ("GALAXYID", p["GALAXYID"]), ("PROCVER", p["PROCVER"]), ("HISTORY", " ".join(str(x) for x in p["HISTORY"])), ("EXTNAME", e["EXTNAME"]), ("BUNIT", e["BUNIT"]), ("STAT1", e["STAT1"]), ("STAT2", e["STAT2"]), ("STAT3", e["STAT3"]), ("NAXIS3", e["NAXIS3"]), ("CTYPE3", e["CTYPE3"])]}))`,
      file,
    );
    const g = await survey.temp.db.galaxy.findUniqueOrThrow({ where: { id: survey.galaxyId } });
    expect(h).toMatchObject({
      ORIGIN: "POGS Portal",
      SURVEY: "POGS",
      FITCODE: "MAGPHYS",
      OBJECT: g.name,
      GALAXYID: g.id,
      EXTNAME: "ldust",
      BUNIT: "log(solLum)",
      STAT1: "percentile_97_5",
      STAT2: "best_fit",
      STAT3: "highest_prob_bin",
      NAXIS3: 3,
      CTYPE3: "STATNUM",
    });
    expect(h.PROCVER).toMatch(/^\d+\.\d+\.\d+$/);
    expect(h.HISTORY).toContain("PARAM=ldust STAT=percentile_97_5 STAT=best_fit STAT=highest_prob_bin");
  });
});

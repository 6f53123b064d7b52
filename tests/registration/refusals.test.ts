// The two refusals found by registering real files: a data cube read as one image, and a band whose
// image lies elsewhere on the sky. Both must stop before anything is written; the command says why
// in one line and exits 1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FitsHeader, readFits, readImage, wcsCards, writeFitsFile, type Wcs } from "@/lib/fits";
import { collectBands, registerGalaxy } from "@/lib/ingest/registration";
import { PROJECT_ROOT } from "@/lib/project-root";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const wcsAt = (ra: number, dec: number, size: number, arcsec: number, projection = "TAN"): Wcs => {
  const s = arcsec / 3600;
  return {
    ctype: [`RA---${projection}`, `DEC--${projection}`],
    crpix: [(size + 1) / 2, (size + 1) / 2],
    crval: [ra, dec],
    cd: [
      [-s, 0],
      [0, s],
    ],
    lonpole: 180,
    latpole: dec,
  };
};

let temp: TempDatabase;
let dir: string;

/** A flat image (or cube, with shape [w, h, …]) with the given keywords, written by the portal's own writer. */
async function writeBand(name: string, keywords: Record<string, string | number>, wcs: Wcs, shape: number[]) {
  const header = new FitsHeader();
  for (const card of wcsCards(wcs)) header.append(card);
  for (const [k, v] of Object.entries(keywords)) header.set(k, v);
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1e-5);
  const file = path.join(dir, name);
  await writeFitsFile(file, [{ header, data, shape }]);
  return file;
}

const register = (name: string, ...files: string[]) =>
  collectBands(files).then((bands) => registerGalaxy(temp.db, temp.dataDir, bands, { name, redshift: 0.02 }));

/** `npm run register` in a child process, on the test's database and data folder. */
function registerCommand(args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/register.ts", ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: temp.dataDir, DATABASE_URL: temp.databaseUrl },
    },
  );
  return { status: r.status, stderr: r.stderr.trim() };
}

/** What registration leaves behind: galaxy rows and every file under DATA_DIR/galaxies. */
async function written() {
  const galaxies = path.join(temp.dataDir, "galaxies");
  return {
    rows: await temp.db.galaxy.count(),
    files: existsSync(galaxies) ? readdirSync(galaxies, { recursive: true }).map(String).sort() : [],
  };
}

const SDSS_G = { TELESCOP: "SDSS 2.5m", FILTER: "g" };
const WISE_W1 = { TELESCOP: "WISE", BAND: 1 };
// The galaxy: 40 × 40 pixels of 1.5″ (60″ across) at RA 150°, Dec 2.2°.
const galaxyWcs = wcsAt(150, 2.2, 40, 1.5);
const FITS_DIR = path.join(SHARED_DIR, "fixtures/fits");

describe("registration refusals", () => {
  beforeAll(async () => {
    temp = await createTempDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), "pogs-refusals-"));
  });
  afterAll(async () => {
    await temp.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a 3-D cube when reading, naming its axes: one line, exit 1, nothing written", async () => {
    const radio = { CTYPE3: "FREQ", CRVAL3: 1.4e9, CDELT3: 1e6, CRPIX3: 1, CUNIT3: "Hz" };
    const cube = await writeBand("cube.fits", radio, wcsAt(150, 2.2, 60, 1.5, "SIN"), [60, 50, 8]);
    const before = await written();
    const r = registerCommand([cube, "--name", "CUBE", "--redshift", "0.02"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `error: ${cube}: a 3-D cube (NAXIS1=60 × NAXIS2=50 × NAXIS3=8, axes RA---SIN, DEC--SIN, FREQ) is not an image; give one 2-D plane per band`,
    );
    expect(await written()).toEqual(before);

    const stokes = await writeBand("stokes.fits", { ...radio, CTYPE4: "STOKES" }, galaxyWcs, [40, 40, 1, 4]);
    await expect(collectBands([stokes])).rejects.toThrow(
      `${stokes}: a 3-D cube (NAXIS1=40 × NAXIS2=40 × NAXIS3=1 × NAXIS4=4, axes RA---TAN, DEC--TAN, FREQ, STOKES) is not an image`,
    );
  });

  it("reads an image with degenerate axes (NAXIS3 = NAXIS4 = 1, as radio images have) as 2-D", async () => {
    const keywords = { ORIGIN: "SDSS", FILTER: "r", CTYPE3: "FREQ", CTYPE4: "STOKES" };
    const radio = await writeBand("radio.fits", keywords, galaxyWcs, [40, 40, 1, 1]);
    const galaxy = await register("RADIO 1", radio);
    expect(galaxy).toMatchObject({ width: 40, height: 40, filters: ["SDSSr"] });
    const layer = readImage(
      await readFits(path.join(temp.dataDir, `galaxies/${galaxy.id}/layers/SDSSr.fits`)),
      "IMAGE",
    );
    expect([layer.width, layer.height, layer.depth]).toEqual([40, 40, 1]);
    expect(layer.data.every((v) => Math.abs(v - 1e-5) < 1e-12)).toBe(true);
  });

  it("refuses a band that misses the galaxy, naming the band and both footprints: one line, exit 1", async () => {
    const g = await writeBand("g.fits", SDSS_G, galaxyWcs, [40, 40]);
    const w1 = await writeBand("w1.fits", WISE_W1, wcsAt(10.2, -5.1, 20, 6), [20, 20]);
    const before = await written();
    const r = registerCommand([g, w1, "--name", "MISS", "--redshift", "0.02"]);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").at(-1)).toBe(
      "error: band WISEW1 (w1.fits) covers RA 10.183–10.217°, Dec −5.117–−5.083°, " +
        "which does not overlap the galaxy's RA 149.992–150.008°, Dec 2.192–2.208°",
    );
    expect(await written()).toEqual(before);
  });

  it("refuses a band just beside the galaxy, whose enclosing circles on the sky do meet", async () => {
    const g = await writeBand("g.fits", SDSS_G, galaxyWcs, [40, 40]);
    // 60″ across, its centre 70″ north of the galaxy's: a 10″ gap between the two.
    const beside = await writeBand("beside.fits", WISE_W1, wcsAt(150, 2.2 + 70 / 3600, 20, 3), [20, 20]);
    const before = await written();
    await expect(register("BESIDE", g, beside)).rejects.toThrow(
      /^band WISEW1 \(beside\.fits\) covers RA .*, Dec 2\.211–2\.228°, which does not overlap the galaxy's RA/,
    );
    expect(await written()).toEqual(before);
  });

  it.runIf(existsSync(FITS_DIR))(
    "refuses a real wrong file: NGC 309's WISE W1 image given with M51's SDSS g",
    async () => {
      const m51 = path.join(FITS_DIR, "m51/SDSS9_M51_g.fits");
      const bands = await collectBands(
        [path.join(FITS_DIR, "ngc309/0138m107_ac51-w1-int-3_ngc309.fits")],
        [{ file: m51, filter: "SDSSg", role: "image" }],
      );
      await expect(registerGalaxy(temp.db, temp.dataDir, bands, { name: "M51", redshift: 0.0015 })).rejects.toThrow(
        "band WISEW1 (0138m107_ac51-w1-int-3_ngc309.fits) covers RA 14.037–14.319°, Dec −10.053–−9.819°, " +
          "which does not overlap the galaxy's RA 202.322–202.617°, Dec 47.095–47.295°",
      );
    },
  );

  it("registers a band that overlaps the galaxy in part, with NaN where it has no data", async () => {
    const g = await writeBand("g.fits", SDSS_G, galaxyWcs, [40, 40]);
    // Centre 40″ north: the band covers the northern 20″ (about 13 rows) of the galaxy.
    const partial = await writeBand("partial.fits", WISE_W1, wcsAt(150, 2.2 + 40 / 3600, 20, 3), [20, 20]);
    const galaxy = await register("PARTIAL", g, partial);
    const layer = await temp.db.layer.findFirstOrThrow({ where: { galaxyId: galaxy.id, filter: { name: "WISEW1" } } });
    expect(layer.validPixels).toBeGreaterThan(10 * 40);
    expect(layer.validPixels).toBeLessThan(16 * 40);
    const image = readImage(await readFits(path.join(temp.dataDir, layer.imagePath)), "IMAGE");
    expect(image.data.filter((v) => Number.isNaN(v)).length).toBe(1600 - layer.validPixels);
  });
});

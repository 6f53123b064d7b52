import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FitsHeader, readFits, readImage, skyToPixel, wcsCards, writeFitsFile, type Wcs } from "@/lib/fits";
import { collectBands, registerGalaxy, RegistrationError } from "@/lib/ingest/registration";
import { usablePixels } from "@/lib/survey/area-mask";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const tanWcs = (crpix: [number, number], arcsecPerPixel: number, rotationDeg = 0): Wcs => {
  const s = arcsecPerPixel / 3600,
    t = (rotationDeg * Math.PI) / 180;
  return {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix,
    crval: [150, 2],
    cd: [
      [-s * Math.cos(t), s * Math.sin(t)],
      [s * Math.sin(t), s * Math.cos(t)],
    ],
    lonpole: 180,
    latpole: 2,
  } as Wcs;
};

/** A smooth galaxy (Gaussian) sampled on a grid, in Jy/arcsec² (surface brightness). */
async function writeBand(
  dir: string,
  name: string,
  header: Record<string, string | number>,
  wcs: Wcs,
  w: number,
  h: number,
  peak: number,
  missing?: (x: number, y: number) => boolean,
) {
  const data = new Float32Array(w * h);
  const hdr = new FitsHeader();
  for (const card of wcsCards(wcs)) hdr.append(card);
  for (const [k, v] of Object.entries(header)) hdr.set(k, v);
  hdr.set("BUNIT", "Jy/arcsec2");
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // position relative to the sky centre, in arcsec, whatever this band's grid
      const [cx, cy] = skyToPixel(wcs, 150, 2);
      const scale = Math.sqrt(Math.abs(wcs.cd[0][0] * wcs.cd[1][1] - wcs.cd[0][1] * wcs.cd[1][0])) * 3600;
      const r2 = ((x - cx) ** 2 + (y - cy) ** 2) * scale * scale;
      data[y * w + x] = missing?.(x, y) ? NaN : peak * Math.exp(-r2 / (2 * 15 * 15)) + 1e-9;
    }
  const file = path.join(dir, name);
  await writeFitsFile(file, [{ header: hdr, data, shape: [w, h] }]);
  return file;
}

describe("galaxy registration", () => {
  let temp: TempDatabase;
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    temp = await createTempDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), "pogs-reg-"));
    const grid = tanWcs([40.5, 30.5], 1.5);
    files = [
      await writeBand(
        dir,
        "g.fits",
        { TELESCOP: "SDSS 2.5m", FILTER: "g", OBJECT: "TEST 1", REDSHIFT: 0.021 },
        grid,
        80,
        60,
        1e-5,
      ),
      await writeBand(dir, "r.fits", { ORIGIN: "SDSS", FILTER: "r" }, grid, 80, 60, 2e-5),
      await writeBand(dir, "i.fits", { ORIGIN: "SDSS", FILTER: "i" }, grid, 80, 60, 3e-5),
      // z lacks the left third: there, pixels have only 3 optical bands and need the UV band.
      await writeBand(dir, "z.fits", { ORIGIN: "SDSS", FILTER: "z" }, grid, 80, 60, 3e-5, (x) => x < 27),
      // NUV on a coarser, rotated grid: it must be reprojected.
      await writeBand(dir, "nuv.fits", { TELESCOP: "GALEX", BAND: 2 }, tanWcs([20.5, 15.5], 3.0, 20), 40, 30, 5e-6),
    ];
  });
  afterAll(() => temp.cleanup());

  it("identifies filters from headers and reprojects onto the reference grid", async () => {
    const bands = await collectBands(files);
    expect(bands.map((b) => b.filter.name).sort()).toEqual(["GALEXNUV", "SDSSg", "SDSSi", "SDSSr", "SDSSz"]);
    const galaxy = await registerGalaxy(temp.db, temp.dataDir, bands);
    expect(galaxy).toMatchObject({ name: "TEST 1", width: 80, height: 60, reference: "SDSSg" });
    const nuv = await readFits(path.join(temp.dataDir, `galaxies/${galaxy.id}/layers/GALEXNUV.fits`));
    const image = readImage(nuv, "IMAGE");
    expect([image.width, image.height]).toEqual([80, 60]);
    // The peak of the reprojected NUV band sits where the galaxy centre is on the common grid.
    let best = -1;
    for (let i = 0; i < image.data.length; i++)
      if (best < 0 || image.data[i] > image.data[best]) best = Number.isNaN(image.data[i]) ? best : i;
    expect(Math.abs((best % 80) - 39.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.floor(best / 80) - 29.5)).toBeLessThanOrEqual(1);
  });

  it("records the galaxy with header metadata, layers, RGB triples and work units by the POGS rules", async () => {
    const g = await temp.db.galaxy.findFirstOrThrow({
      where: { name: "TEST 1" },
      include: { layers: true, rgbTriples: true, areas: true },
    });
    expect(g.redshift).toBe(0.021);
    expect(g.status).toBe("registered");
    expect(g.layers).toHaveLength(5);
    expect(g.rgbTriples.length).toBeGreaterThanOrEqual(2);
    expect(g.areas.length).toBe(g.areaCount);
    expect(g.areas.reduce((s, a) => s + a.pixelCount, 0)).toBe(g.pixelCount);
    for (const a of g.areas) {
      expect(a.y1 - a.y0).toBeLessThanOrEqual(7);
      expect(a.y0 % 7).toBe(0);
      expect(a.pixelCount).toBeGreaterThan(0);
      const px = usablePixels(a, a.mask);
      expect(px.x.length).toBe(a.pixelCount);
    }
    // Every area but the last of each strip holds at least 16 usable pixels.
    const byStrip = new Map<number, typeof g.areas>();
    for (const a of g.areas) byStrip.set(a.y0, [...(byStrip.get(a.y0) ?? []), a]);
    for (const areas of byStrip.values())
      for (const a of areas.slice(0, -1)) expect(a.pixelCount).toBeGreaterThanOrEqual(16);
    // POGS pixel ids are consecutive across the areas.
    const sorted = [...g.areas].sort((a, b) => a.firstPixelId - b.firstPixelId);
    sorted.slice(1).forEach((a, i) => expect(a.firstPixelId).toBe(sorted[i].firstPixelId + sorted[i].pixelCount));
    expect(existsSync(path.join(temp.dataDir, `galaxies/${g.id}/layers/SDSSz.fits`))).toBe(true);
  });

  it("refuses a second registration of the same name, a band given twice, a missing redshift", async () => {
    await expect(registerGalaxy(temp.db, temp.dataDir, await collectBands(files))).rejects.toThrow(
      /already registered/,
    );
    await expect(
      collectBands([files[0]], [{ file: files[1], filter: "SDSSg", role: "image" }]).then((b) =>
        registerGalaxy(temp.db, temp.dataDir, b, { name: "X" }),
      ),
    ).rejects.toThrow(/SDSSg image given twice/);
    await expect(
      collectBands(files.slice(1)).then((b) => registerGalaxy(temp.db, temp.dataDir, b, { name: "NO Z" })),
    ).rejects.toThrow(/no redshift/);
    await expect(
      collectBands(files).then((b) => registerGalaxy(temp.db, temp.dataDir, b, { name: "FAR", redshift: 0.3 })),
    ).rejects.toThrow(/outside 0 ≤ z < 0.125/);
  });

  it("leaves no galaxy, row or file behind when it fails halfway", async () => {
    const before = await temp.db.galaxy.count();
    const dirsBefore = readdirSync(path.join(temp.dataDir, "galaxies")).sort();
    const bands = await collectBands(files);
    const failing = registerGalaxy(temp.db, temp.dataDir, bands, {
      name: "HALFWAY",
      onStep: (s) => {
        if (s.startsWith("recording")) throw new Error("disk full");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await temp.db.galaxy.count()).toBe(before);
    expect(await temp.db.area.count({ where: { galaxy: { name: "HALFWAY" } } })).toBe(0);
    expect(readdirSync(path.join(temp.dataDir, "galaxies")).sort()).toEqual(dirsBefore);
  });

  it("refuses a file whose header names no filter, with the option to use", async () => {
    const grid = tanWcs([10.5, 10.5], 1.5);
    const anonymous = await writeBand(dir, "anon.fits", {}, grid, 20, 20, 1e-5);
    await expect(collectBands([anonymous])).rejects.toThrow(RegistrationError);
    await expect(collectBands([anonymous])).rejects.toThrow(/--filter <FILTER>=/);
    const named = await collectBands([], [{ file: anonymous, filter: "PS1r", role: "image" }]);
    expect(named[0].filter.name).toBe("PS1r");
  });
});

const FITS_DIR = path.join(SHARED_DIR, "fixtures/fits");
describe.runIf(existsSync(FITS_DIR))("registration of the real fixture images", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it("pairs the WISE images with their uncertainty maps from the headers", async () => {
    const dir = path.join(FITS_DIR, "ngc309");
    const bands = await collectBands(readdirSync(dir).map((f) => path.join(dir, f)));
    expect(bands.map((b) => `${b.filter.name}:${b.role}`).sort()).toEqual([
      "WISEW1:image",
      "WISEW1:sigma",
      "WISEW2:image",
      "WISEW2:sigma",
    ]);
    const g = await registerGalaxy(temp.db, temp.dataDir, bands, { name: "NGC 309", redshift: 0.0189 });
    expect(g.warnings[0]).toMatch(/needs ≥ 4 optical bands/);
    const layer = await temp.db.layer.findFirstOrThrow({ where: { galaxyId: g.id, filter: { name: "WISEW1" } } });
    expect(layer).toMatchObject({ sigmaKind: "sigma", bunit: "DN" });
    const file = await readFits(path.join(temp.dataDir, layer.imagePath));
    expect(readImage(file, "SIGMA").width).toBe(728);
  });

  it("refuses the HTML page named .fits with a clear reason", async () => {
    await expect(collectBands([path.join(FITS_DIR, "robustness/sunpy_not_actually_fits.fits")])).rejects.toThrow(
      /not a FITS file/,
    );
  });
});

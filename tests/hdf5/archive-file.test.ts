// Real archives of real (registered or made, then ingested) galaxies, read back by the outside
// tools: every dataset through h5py, the header through h5dump 1.10; the values at chosen pixels
// are compared with the statistics decoded from the database rows.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy, type ArchiveResult } from "@/lib/hdf5";
import { usablePixels } from "@/lib/survey/area-mask";
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";
import { decodeBlock, decodeHistograms, pixelStatisticsAt } from "@/lib/survey/result-block";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { POGS_FIRST_ID, POGS_FIXTURE, registeredProcessedGalaxy, wideGalaxy } from "./fixtures";
import { h5dumpAll, h5dumpHeader, readWithH5py, toolsAvailable, type ArchiveAsRead } from "./outside-tools";

type Expected = {
  x: number;
  y: number;
  stats: (number | null)[][];
  details: Record<string, number | null>;
  histograms: { x: number[]; p: number[] }[] | null;
};

const nullNaN = (v: number) => (Number.isNaN(v) ? null : v);

/** What the archive must hold at some pixels of a galaxy: every `every`-th pixel of each result block, its first and last. */
async function expectedPixels(temp: TempDatabase, galaxyId: number, every: number): Promise<Expected[]> {
  const rows = await temp.db.pixelResultBlock.findMany({
    where: { galaxyId },
    include: { area: true },
    orderBy: { areaId: "asc" },
  });
  const out: Expected[] = [];
  for (const row of rows) {
    const block = decodeBlock(row);
    const histograms = row.histograms ? decodeHistograms(row.histograms, row.pixelCount) : null;
    const order = usablePixels(row.area, row.area.mask);
    for (let i = 0; i < block.pixelCount; i++) {
      if (i % every !== 0 && i !== block.pixelCount - 1) continue;
      const x = block.x[i],
        y = block.y[i];
      const k = [...order.x].findIndex((ox, j) => ox === x && order.y[j] === y);
      const b = Array.from(block.bestFit.subarray(i * 4, i * 4 + 4));
      out.push({
        x,
        y,
        stats: pixelStatisticsAt(block, i).map((r) => r.map(nullNaN)),
        details: {
          pxresult_id: row.area.firstPixelId + k,
          area_id: row.areaId,
          i_sfh: b[0],
          i_ir: b[1],
          chi2: nullNaN(b[2]),
          redshift: b[3],
        },
        histograms: histograms ? histograms[i].map((h) => ({ x: Array.from(h.x), p: Array.from(h.p) })) : null,
      });
    }
  }
  return out;
}

function checkPixels(read: ArchiveAsRead, expected: Expected[]): void {
  expect(read.pixels).toHaveLength(expected.length);
  read.pixels.forEach((got, i) => {
    const want = expected[i];
    expect([got.x, got.y]).toEqual([want.x, want.y]);
    expect(got.stats, `statistics at (${want.x}, ${want.y})`).toEqual(want.stats);
    expect(got.details, `details at (${want.x}, ${want.y})`).toEqual(want.details);
    if (want.histograms) expect(got.histograms, `histograms at (${want.x}, ${want.y})`).toEqual(want.histograms);
  });
}

describe.runIf(toolsAvailable)("a galaxy archive, read by h5py and h5dump", () => {
  let temp: TempDatabase;
  let registeredId: number;
  let wideId: number;
  let registered: ArchiveResult;
  let wide: ArchiveResult;
  const at = new Date("2026-11-21T06:00:00Z");

  beforeAll(async () => {
    temp = await createTempDatabase();
    registeredId = await registeredProcessedGalaxy(temp.db, temp.dataDir);
    wideId = await wideGalaxy(temp.db, "PGC1068443c", POGS_FIRST_ID);
    registered = await archiveGalaxy(temp.db, temp.dataDir, registeredId, { at });
    wide = await archiveGalaxy(temp.db, temp.dataDir, wideId, { at });
  });
  afterAll(() => temp.cleanup());

  it("is recorded on the galaxy, which is now archived, with the file's sha256 and size", async () => {
    for (const [id, result] of [
      [registeredId, registered],
      [wideId, wide],
    ] as const) {
      const g = await temp.db.galaxy.findUniqueOrThrow({ where: { id } });
      expect(result.path).toBe(`archives/${id}/${g.name.replace(/[^A-Za-z0-9.+-]+/g, "_")}__${g.runId}__${id}.hdf5`);
      const bytes = readFileSync(path.join(temp.dataDir, result.path));
      expect(g).toMatchObject({
        status: "archived",
        statusTime: at,
        archivedAt: at,
        archivePath: result.path,
        archiveSha256: createHash("sha256").update(bytes).digest("hex"),
        archiveSize: bytes.length,
      });
      expect(readdirSync(path.join(temp.dataDir, "archives", String(id)))).toEqual([path.basename(result.path)]);
    }
  });

  it("holds the POGS 1.04 layout: blocks of 1024 indexed [x, y], float32 NaN for no data, gzip chunks (the copy's hot columns checksummed)", async () => {
    const galaxy = await temp.db.galaxy.findUniqueOrThrow({ where: { id: wideId } });
    const read = readWithH5py(path.join(temp.dataDir, wide.path), []);
    const ds = read.datasets;
    expect(Object.keys(ds).sort()).toEqual([
      "galaxy/area/area",
      "galaxy/area/area_user",
      "galaxy/filters",
      "galaxy/fits_header",
      "galaxy/image_filters",
      "galaxy/pixel/histogram_blocks/block_1",
      "galaxy/pixel/histogram_blocks/block_2",
      "galaxy/pixel/pixel_details_0_0",
      "galaxy/pixel/pixel_details_1_0",
      "galaxy/pixel/pixel_histograms_grid_0_0",
      "galaxy/pixel/pixel_histograms_grid_1_0",
      "galaxy/pixel/pixels_0_0",
      "galaxy/pixel/pixels_1_0",
      // the byte-for-byte copy of the result rows (lib/hdf5/result-copy.ts)
      "galaxy/portal/best_fit",
      "galaxy/portal/display",
      "galaxy/portal/flux_filters",
      "galaxy/portal/fluxes",
      "galaxy/portal/histograms",
      "galaxy/portal/result_index",
      "galaxy/portal/stats",
      "galaxy/portal/xy",
    ]);
    expect(ds["galaxy/pixel/pixels_0_0"]).toMatchObject({
      shape: [1024, 14, 16, 7],
      dtype: "float32",
      chunks: [128, 14, 1, 1],
      compression: "gzip",
      dims: ["x", "y", "parameter", "statistic"],
    });
    expect(ds["galaxy/pixel/pixels_1_0"]).toMatchObject({
      shape: [76, 14, 16, 7],
      attrs: { x_offset: 1024, y_offset: 0 },
    });
    expect(ds["galaxy/pixel/pixel_details_1_0"]).toMatchObject({
      shape: [76, 14],
      fields: ["pxresult_id", "area_id", "i_sfh", "i_ir", "chi2", "redshift"],
    });
    expect(ds["galaxy/pixel/pixel_histograms_grid_0_0"]).toMatchObject({
      shape: [1024, 14, 16],
      fields: ["block_id", "index", "length"],
    });
    expect(ds["galaxy/pixel/histogram_blocks/block_1"].fields).toEqual(["x_axis", "hist_value"]);
    // The copy's columns every readout, cutout and tile reads: uncompressed, checksummed chunks.
    const checked = ["xy", "stats", "display", "best_fit"].map((c) => `galaxy/portal/${c}`);
    for (const [name, d] of Object.entries(ds))
      expect([name, d.compression, d.fletcher32]).toEqual(
        checked.includes(name) ? [name, null, true] : [name, "gzip", false],
      );
    // Every pixel with results, and no other, has values.
    expect(read.finite_m_p50["galaxy/pixel/pixels_0_0"] + read.finite_m_p50["galaxy/pixel/pixels_1_0"]).toBe(
      galaxy.pixelCount,
    );

    expect(read.pixel_attrs).toMatchObject({
      PIXELS_MAX_X_Y_BLOCK: 1024,
      BLOCKS_X: 2,
      BLOCKS_Y: 1,
      ...Object.fromEntries(PARAMETERS.map((p) => [`PIXELS_DIM3_${p.hdf5Name}`, p.index])),
      ...Object.fromEntries(STATISTICS.map((s) => [`PIXELS_DIM4_${s.name}`, s.index])),
      DIM3_NAMES: PARAMETERS.map((p) => p.hdf5Name),
      DIM4_NAMES: STATISTICS.map((s) => s.name),
    });
    expect((read.pixel_attrs.DIM3_UNITS as string[])[5]).toBe("log10(Msun)");
    expect(read.galaxy_attrs).toMatchObject({
      output_format: "1.04-portal",
      galaxy_id: wideId,
      run_id: galaxy.runId,
      name: "PGC1068443c",
      dimension_x: 1100,
      dimension_y: 14,
      redshift: galaxy.redshift,
      ra_cent: galaxy.ra,
      dec_cent: galaxy.dec,
      pixel_count: galaxy.pixelCount,
      pixels_processed: galaxy.pixelCount,
      status_id: 2,
      status: "archived",
      status_time: at.toISOString(),
      results_version: galaxy.resultsVersion,
      area_count: 4,
    });
  });

  it("gives at chosen pixels (both blocks, both sides of the boundary) exactly the stored statistics, details and histograms", async () => {
    const expected = [
      ...(await expectedPixels(temp, wideId, 5)),
      // pixels without results: NaN statistics, id −1, no histograms
      {
        x: 0,
        y: 0,
        stats: Array.from({ length: 16 }, () => new Array(7).fill(null)),
        details: { pxresult_id: -1, area_id: -1, i_sfh: null, i_ir: null, chi2: null, redshift: null },
        histograms: null,
      },
      {
        x: 1099,
        y: 0,
        stats: Array.from({ length: 16 }, () => new Array(7).fill(null)),
        details: { pxresult_id: -1, area_id: -1, i_sfh: null, i_ir: null, chi2: null, redshift: null },
        histograms: null,
      },
    ];
    expect(expected.some((p) => p.x < 1024 && p.x >= 1018) && expected.some((p) => p.x >= 1024 && p.x < 1030)).toBe(
      true,
    );
    const read = readWithH5py(
      path.join(temp.dataDir, wide.path),
      expected.map((p) => [p.x, p.y]),
    );
    checkPixels(read, expected);
    const empty = read.pixels.slice(-2);
    for (const p of empty) expect(p.histograms!.every((h) => h === null)).toBe(true);
  });

  it.runIf(existsSync(POGS_FIXTURE))("carries the real POGS work unit's values (pix4573581 at x 10, y 4)", () => {
    const read = readWithH5py(path.join(temp.dataDir, wide.path), [[10, 4]]);
    const p = read.pixels[0];
    expect(p.details.pxresult_id).toBe(POGS_FIRST_ID);
    // f_mu(SFH) percentiles 2.5, 16, 50, 84, 97.5 as printed in the .fit file
    expect([3, 4, 1, 5, 6].map((s) => p.stats[0][s])).toEqual(
      [0.673, 0.792, 0.925, 0.991, 0.999].map((v) => Math.fround(v)),
    );
    expect(p.stats[5][0]).toBeCloseTo(Math.log10(6.376e7), 5); // M* best fit, log10
    expect(p.details.chi2).toBeCloseTo(0.19, 6);
    expect(p.histograms![0]!.x).toHaveLength(20);
    expect(p.histograms![5]!.x).toHaveLength(110);
    expect(p.histograms![0]!.p[0]).toBeCloseTo(1.397e-11, 14);
  });

  it("gives the stored values for a galaxy registered from FITS files, and its tables in POGS conventions", async () => {
    const read = readWithH5py(
      path.join(temp.dataDir, registered.path),
      (await expectedPixels(temp, registeredId, 7)).map((p) => [p.x, p.y]),
    );
    checkPixels(read, await expectedPixels(temp, registeredId, 7));

    const db = temp.db;
    const areas = await db.area.findMany({ where: { galaxyId: registeredId }, orderBy: { id: "asc" } });
    expect(read.tables["area/area"]).toEqual(
      areas.map((a) => ({
        area_id: a.id,
        top_x: a.x0,
        top_y: a.y0,
        bottom_x: a.x1 - 1,
        bottom_y: a.y1,
        workunit_id: a.workunitId ?? -1,
        update_time: a.updatedAt.toISOString(),
        pixel_count: a.pixelCount,
        first_pixel_id: a.firstPixelId,
      })),
    );
    const users = await db.areaUser.findMany({
      where: { area: { galaxyId: registeredId } },
      orderBy: [{ areaId: "asc" }, { userId: "asc" }],
    });
    expect(users.length).toBe(2 * areas.length);
    expect(read.tables["area/area_user"]).toEqual(
      users.map((u) => ({ area_id: u.areaId, userid: u.userId, create_time: u.createdAt.toISOString() })),
    );
    const header = await db.fitsHeaderCard.findMany({
      where: { galaxyId: registeredId },
      orderBy: { position: "asc" },
    });
    expect(header.length).toBeGreaterThan(3);
    expect(read.tables.fits_header).toEqual(
      header.map((c) => ({ keyword: c.keyword, value: c.value, comment: c.comment })),
    );
    const triples = await db.rgbTriple.findMany({ where: { galaxyId: registeredId }, orderBy: { imageNumber: "asc" } });
    expect(read.tables.image_filters).toEqual(
      triples.map((t) => ({
        image_number: t.imageNumber,
        filter_id_red: t.redFilterId,
        filter_id_green: t.greenFilterId,
        filter_id_blue: t.blueFilterId,
      })),
    );
    const layers = await db.layer.findMany({ where: { galaxyId: registeredId }, include: { filter: true } });
    expect(read.tables.filters.map((f) => f.name).sort()).toEqual(layers.map((l) => l.filter.name).sort());
    expect(read.galaxy_attrs.dimension_z).toBe(layers.length);
  });

  it("is parsed without error by h5dump 1.10 (-H, and in full for the small one)", () => {
    for (const result of [registered, wide]) {
      const dump = h5dumpHeader(path.join(temp.dataDir, result.path));
      expect(dump.stderr).toBe("");
      expect(dump.status).toBe(0);
      expect(dump.stdout).toContain('DATASET "pixels_0_0"');
      expect(dump.stdout).toContain('ATTRIBUTE "PIXELS_MAX_X_Y_BLOCK"');
      expect(statSync(path.join(temp.dataDir, result.path)).size).toBe(result.size);
    }
    expect(h5dumpHeader(path.join(temp.dataDir, wide.path)).stdout).toContain('DATASET "pixels_1_0"');
    expect(h5dumpAll(path.join(temp.dataDir, registered.path))).toEqual({ status: 0, stderr: "" });
  });
});

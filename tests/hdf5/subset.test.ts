// HDF5 subsets of real (registered or made, then ingested) galaxies, read back by the outside
// tools: h5py reads each subset and the galaxy's archive by parameter and statistic names, and the
// subset must hold exactly the archive's values at the same pixels; h5dump 1.10 parses every one.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveGalaxy, SubsetRequestError, writeHdf5Subset, type ArchiveResult } from "@/lib/hdf5";
import { ResultsChangedError } from "@/lib/maps/service/result-grids";
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";
import { decodeBlock } from "@/lib/survey/result-block";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { POGS_FIRST_ID, POGS_FIXTURE, registeredProcessedGalaxy, wideGalaxy } from "./fixtures";
import { h5dumpAll, h5dumpHeader, readByName, toolsAvailable, type ReadByName } from "./outside-tools";

type Box = { x0: number; y0: number; x1: number; y1: number };
const inside = (b: Box, x: number, y: number) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
const hdf5Names = (ids: number[]) => ids.map((id) => PARAMETERS[id - 1].hdf5Name);
const statNames = (indices: number[]) => indices.map((i) => STATISTICS[i].name);

describe.runIf(toolsAvailable)("HDF5 subsets, read by h5py and h5dump", () => {
  let temp: TempDatabase;
  let wideId: number;
  let registeredId: number;
  let archive: ArchiveResult;
  let resultPixels: [number, number][];
  const out = (name: string) => path.join(temp.dataDir, "subsets", name);

  beforeAll(async () => {
    temp = await createTempDatabase();
    registeredId = await registeredProcessedGalaxy(temp.db, temp.dataDir);
    wideId = await wideGalaxy(temp.db, "PGC1068443c", POGS_FIRST_ID);
    archive = await archiveGalaxy(temp.db, temp.dataDir, wideId);
    resultPixels = [];
    for (const row of await temp.db.pixelResultBlock.findMany({ where: { galaxyId: wideId } })) {
      const b = decodeBlock(row);
      for (let i = 0; i < b.pixelCount; i++) resultPixels.push([b.x[i], b.y[i]]);
    }
  });
  afterAll(() => temp.cleanup());

  /** The subset's and the archive's readings of the same pixels (every pixel with a result, and two without). */
  function readBoth(file: string): { subset: ReadByName; archive: ReadByName; pixels: [number, number][] } {
    const pixels: [number, number][] = [...resultPixels, [0, 0], [1099, 13]];
    return {
      subset: readByName(file, pixels),
      archive: readByName(path.join(temp.dataDir, archive.path), pixels),
      pixels,
    };
  }

  it("cuts a box across the block boundary to the parameters and statistics asked, in that order, with the archive's values", async () => {
    const box = { x0: 8, y0: 2, x1: 1100, y1: 12 };
    const parameters = [16, 6, 3];
    const statistics = [5, 1];
    const result = await writeHdf5Subset(
      temp.db,
      temp.dataDir,
      { galaxyId: wideId, box, parameters, statistics, asked: "PARAM=sfr&PARAM=m&PARAM=mu&STAT=percentile_84" },
      out("across.h5"),
    );
    const { subset, archive: whole, pixels } = readBoth(result.file);
    expect(Object.keys(subset.datasets).sort()).toEqual([
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
    ]);
    expect(subset.datasets["galaxy/pixel/pixels_0_0"]).toMatchObject({
      shape: [1024, 10, 3, 2],
      dtype: "float32",
      attrs: { x_offset: 8, y_offset: 2 },
      dims: ["x", "y", "parameter", "statistic"],
      compression: "gzip",
    });
    expect(subset.datasets["galaxy/pixel/pixels_1_0"]).toMatchObject({
      shape: [68, 10, 3, 2],
      attrs: { x_offset: 1032, y_offset: 2 },
    });
    expect(subset.datasets["galaxy/pixel/pixel_histograms_grid_1_0"].shape).toEqual([68, 10, 3]);
    expect(subset.pixel_attrs).toMatchObject({
      DIM3_NAMES: ["SFR_0_1GYR", "M_STARS", "MU_PARAMETER"],
      DIM3_UNITS: ["log10(Msun/yr)", "log10(Msun)", ""],
      DIM4_NAMES: ["PERCENTILE_84", "PERCENTILE_50"],
      PIXELS_DIM3_SFR_0_1GYR: 0,
      PIXELS_DIM3_M_STARS: 1,
      PIXELS_DIM3_MU_PARAMETER: 2,
      PIXELS_DIM4_PERCENTILE_84: 0,
      PIXELS_DIM4_PERCENTILE_50: 1,
      X_OFFSET: 8,
      Y_OFFSET: 2,
      SIZE_X: 1092,
      SIZE_Y: 10,
      BLOCKS_X: 2,
      BLOCKS_Y: 1,
    });
    expect(subset.pixel_attrs).not.toHaveProperty("PIXELS_DIM3_TAU_V");
    expect(subset.galaxy_attrs).toMatchObject({ subset_request: "PARAM=sfr&PARAM=m&PARAM=mu&STAT=percentile_84" });

    let compared = 0;
    pixels.forEach(([x, y], k) => {
      const got = subset.pixels[k];
      const want = whole.pixels[k];
      expect(got.inside, `(${x}, ${y}) in the file`).toBe(inside(box, x, y));
      if (!got.inside || !want.inside) return;
      expect(Object.keys(got.values)).toEqual(hdf5Names(parameters));
      for (const p of hdf5Names(parameters)) {
        expect(Object.keys(got.values[p])).toEqual(statNames(statistics));
        for (const s of statNames(statistics))
          expect(got.values[p][s], `${p} ${s} at (${x}, ${y})`).toBe(want.values[p][s]);
        expect(got.histograms![p], `${p} histogram at (${x}, ${y})`).toEqual(want.histograms![p]);
      }
      expect(got.details).toEqual(want.details);
      if (got.details.pxresult_id !== -1) compared++;
    });
    expect(compared).toBe(resultPixels.filter(([x, y]) => inside(box, x, y)).length);
    expect(compared).toBe(result.pixels);
    expect(compared).toBeGreaterThan(100);
  });

  it("holds only the work units that intersect the box, and their credited users", async () => {
    const box = { x0: 0, y0: 0, x1: 20, y1: 14 };
    const result = await writeHdf5Subset(
      temp.db,
      temp.dataDir,
      { galaxyId: wideId, box, parameters: [6], statistics: [1] },
      out("corner.h5"),
    );
    const read = readByName(result.file, []);
    const areas = await temp.db.area.findMany({ where: { galaxyId: wideId }, orderBy: { id: "asc" } });
    const first = areas.find((a) => a.x0 === 10)!;
    expect(read.tables["area/area"]).toEqual([
      {
        area_id: first.id,
        top_x: 10,
        top_y: 4,
        bottom_x: 12,
        bottom_y: 7,
        workunit_id: first.workunitId ?? -1,
        update_time: first.updatedAt.toISOString(),
        pixel_count: first.pixelCount,
        first_pixel_id: first.firstPixelId,
      },
    ]);
    const users = await temp.db.areaUser.findMany({ where: { areaId: first.id }, orderBy: { userId: "asc" } });
    expect(users).toHaveLength(2);
    expect(read.tables["area/area_user"]).toEqual(
      users.map((u) => ({ area_id: first.id, userid: u.userId, create_time: u.createdAt.toISOString() })),
    );
    expect(read.datasets["galaxy/pixel/pixels_0_0"].shape).toEqual([20, 14, 1, 1]);
  });

  it("of the whole galaxy with everything is the archive's content, under the galaxy's current status", async () => {
    const galaxy = await temp.db.galaxy.findUniqueOrThrow({ where: { id: wideId } });
    const result = await writeHdf5Subset(
      temp.db,
      temp.dataDir,
      {
        galaxyId: wideId,
        box: { x0: 0, y0: 0, x1: 1100, y1: 14 },
        parameters: PARAMETERS.map((p) => p.id),
        statistics: STATISTICS.map((s) => s.index),
      },
      out("everything.h5"),
    );
    const { subset, archive: whole } = readBoth(result.file);
    expect(subset.pixels).toEqual(whole.pixels);
    expect(subset.tables).toEqual(whole.tables);
    expect(subset.pixel_attrs).toEqual(whole.pixel_attrs);
    // All but the archive's copy of the result rows, which subsets do not carry.
    for (const [name, d] of Object.entries(whole.datasets))
      if (!name.startsWith("galaxy/portal/")) expect(subset.datasets[name], name).toEqual(d);
    expect(subset.galaxy_attrs).toEqual({ ...whole.galaxy_attrs, status_time: galaxy.statusTime.toISOString() });
    expect(subset.galaxy_attrs).toMatchObject({ status: "archived", status_id: 2 });
  });

  it("of a galaxy still computing records that status", async () => {
    const computingId = await wideGalaxy(temp.db, "Computing", 9_000_000, 2);
    const result = await writeHdf5Subset(
      temp.db,
      temp.dataDir,
      { galaxyId: computingId, box: { x0: 1000, y0: 0, x1: 1100, y1: 14 }, parameters: [3], statistics: [0, 1] },
      out("computing.h5"),
    );
    const read = readByName(result.file, [[1020, 3]]);
    expect(read.galaxy_attrs).toMatchObject({ status: "computing", status_id: 0, galaxy_id: computingId });
    const p = read.pixels[0];
    expect(p.inside && p.details.pxresult_id).toBeGreaterThan(0);
  });

  it.runIf(existsSync(POGS_FIXTURE))(
    "carries the real POGS work unit's printed values (pix4573581 at x 10, y 4)",
    async () => {
      const result = await writeHdf5Subset(
        temp.db,
        temp.dataDir,
        { galaxyId: wideId, box: { x0: 10, y0: 4, x1: 13, y1: 7 }, parameters: [1, 6], statistics: [3, 4, 1, 5, 6] },
        out("pogs.h5"),
      );
      const p = readByName(result.file, [[10, 4]]).pixels[0];
      if (!p.inside) throw new Error("pixel (10, 4) not in the subset");
      expect(p.details.pxresult_id).toBe(POGS_FIRST_ID);
      expect(Object.values(p.values.F_MU_SFH)).toEqual([0.673, 0.792, 0.925, 0.991, 0.999].map((v) => Math.fround(v)));
      expect(p.histograms!.F_MU_SFH!.x).toHaveLength(20);
      expect(p.histograms!.M_STARS!.x).toHaveLength(110);
    },
  );

  it("is parsed by h5dump 1.10, header and every dataset", async () => {
    const result = await writeHdf5Subset(
      temp.db,
      temp.dataDir,
      { galaxyId: registeredId, box: { x0: 3, y0: 5, x1: 30, y1: 28 }, parameters: [7, 2], statistics: [6] },
      out("registered.h5"),
    );
    for (const file of [result.file, out("across.h5")]) {
      const dump = h5dumpHeader(file);
      expect(dump.stderr).toBe("");
      expect(dump.stdout).toContain('DATASET "pixels_0_0"');
      expect(dump.stdout).toContain('ATTRIBUTE "X_OFFSET"');
      expect(h5dumpAll(file)).toEqual({ status: 0, stderr: "" });
    }
    expect(h5dumpHeader(result.file).stdout).toContain('ATTRIBUTE "PIXELS_DIM3_L_DUST"');
  });

  it("refuses a request that does not fit the galaxy, saying what to change, and writes nothing", async () => {
    const ok = { galaxyId: wideId, box: { x0: 0, y0: 0, x1: 10, y1: 10 }, parameters: [6], statistics: [1] };
    const cases: [Partial<typeof ok>, RegExp][] = [
      [{ galaxyId: 999_999 }, /galaxy 999999 does not exist/],
      [{ box: { x0: 1090, y0: 0, x1: 1101, y1: 10 } }, /not inside the 1100×14 image/],
      [{ box: { x0: 5, y0: 3, x1: 5, y1: 10 } }, /is empty/],
      [{ box: { x0: -1, y0: 0, x1: 5, y1: 5 } }, /not inside/],
      [{ parameters: [17] }, /parameter 17 does not exist: use ids 1–16/],
      [{ parameters: [] }, /no parameter asked/],
      [{ parameters: [6, 3, 6] }, /parameter 6 is asked twice/],
      [{ statistics: [7] }, /statistic 7 does not exist: use indices 0–6/],
      [{ statistics: [1.5] }, /statistic 1.5 does not exist/],
    ];
    for (const [change, message] of cases) {
      const attempt = writeHdf5Subset(temp.db, temp.dataDir, { ...ok, ...change }, out("refused.h5"));
      await expect(attempt).rejects.toThrow(SubsetRequestError);
      await expect(attempt).rejects.toThrow(message);
    }
    expect(readdirSync(path.join(temp.dataDir, "subsets")).filter((f) => f.includes("refused"))).toEqual([]);
  });

  it("stopped part-way (a cancelled job) or outdated by new results, leaves neither the file nor a temporary one", async () => {
    const dir = path.join(temp.dataDir, "stopped");
    const request = { galaxyId: wideId, box: { x0: 0, y0: 0, x1: 1100, y1: 14 }, parameters: [6], statistics: [1] };
    const cancelled = writeHdf5Subset(temp.db, temp.dataDir, request, path.join(dir, "a.h5"), (done) => {
      if (done === 3) throw new Error("job cancelled");
    });
    await expect(cancelled).rejects.toThrow("job cancelled");
    const outdated = writeHdf5Subset(temp.db, temp.dataDir, request, path.join(dir, "b.h5"), async (done) => {
      if (done === 1)
        await temp.db.galaxy.update({ where: { id: wideId }, data: { resultsVersion: { increment: 1 } } });
    });
    await expect(outdated).rejects.toThrow(ResultsChangedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes a path relative to the data directory and replaces an existing file whole", async () => {
    const request = { galaxyId: wideId, box: { x0: 0, y0: 0, x1: 50, y1: 14 }, parameters: [3], statistics: [1] };
    const first = await writeHdf5Subset(temp.db, temp.dataDir, request, "jobs/7/result.h5");
    expect(first.file).toBe(path.join(temp.dataDir, "jobs/7/result.h5"));
    const second = await writeHdf5Subset(temp.db, temp.dataDir, { ...request, parameters: [3, 6] }, "jobs/7/result.h5");
    expect(readByName(second.file, []).pixel_attrs.DIM3_NAMES).toEqual(["MU_PARAMETER", "M_STARS"]);
    expect(readdirSync(path.join(temp.dataDir, "jobs/7"))).toEqual(["result.h5"]);
  });
});

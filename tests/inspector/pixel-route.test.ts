// The pixel inspector's JSON route on the real POGS work unit (9 pixels, SDSSu + PS1 grizy): what it
// answers equals what the .fit file says (fluxes, best fit) and what the ingest stored (statistics,
// histograms), and it says why when there is nothing to inspect.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/galaxies/[id]/pixels/[xy]/route";
import { pixelToSky } from "@/lib/fits/wcs";
import { parseFit } from "@/lib/ingest/magphys";
import { ingestFits } from "@/lib/ingest/results";
import { parseGalaxyWcs } from "@/lib/maps/service/galaxy-wcs";
import { usablePixels } from "@/lib/survey/area-mask";
import { filterByName } from "@/lib/survey/filters";
import type { PixelInspection } from "@/lib/survey/pixel-inspection";
import { decodeBlock, decodeHistograms, pixelStatisticsAt } from "@/lib/survey/result-block";
import { PARAMETERS, STATISTICS } from "@/lib/survey/parameters";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";

const FIXTURE = path.join(SHARED_DIR, "fixtures/magphys/PGC1068443c_area244140_0_0.fit");
const FIRST_ID = 4573581;
const f32 = (v: number) => Math.fround(v);

const get = (id: string, xy: string) =>
  GET(new Request(`http://localhost/api/galaxies/${id}/pixels/${xy}`), { params: Promise.resolve({ id, xy }) });

describe.runIf(existsSync(FIXTURE))("GET /api/galaxies/<id>/pixels/<x>,<y>", () => {
  let temp: TempDatabase;
  let galaxyId: number;
  let areaId: number;
  const text = existsSync(FIXTURE) ? readFileSync(FIXTURE, "latin1") : "";

  beforeAll(async () => {
    temp = await createTempDatabase({ useAsProcessDefault: true });
    const { galaxy, areas } = await createTestGalaxy(temp.db, {
      name: "PGC1068443c",
      width: 40,
      height: 14,
      areas: [
        { x0: 10, y0: 4, x1: 13, y1: 7, firstPixelId: FIRST_ID },
        { x0: 13, y0: 4, x1: 20, y1: 7, firstPixelId: FIRST_ID + 9 },
      ],
    });
    galaxyId = galaxy.id;
    areaId = areas[0].id;
    const report = await ingestFits(temp.db, [
      {
        fileName: "PGC1068443c_area244140_0_0.fit",
        text,
        users: [{ id: 7, name: "Ann" }, { id: 9 }],
        workunitId: 244140,
        receivedAt: new Date("2026-11-20T10:00:00Z"),
      },
    ]);
    expect(report.stored).toBe(1);
  });
  afterAll(() => temp.cleanup());

  it("answers each pixel's fluxes as the .fit printed them, and its stored statistics and histograms", async () => {
    const fit = parseFit(text);
    const area = await temp.db.area.findUniqueOrThrow({ where: { id: areaId }, include: { results: true } });
    const order = usablePixels(area, area.mask);
    const block = decodeBlock(area.results!);
    const histograms = decodeHistograms(area.results!.histograms!, block.pixelCount);
    const wcs = parseGalaxyWcs((await temp.db.galaxy.findUniqueOrThrow({ where: { id: galaxyId } })).wcs);
    expect(fit.pixels).toHaveLength(9);
    for (const pixel of fit.pixels) {
      const k = pixel.pixelId - FIRST_ID;
      const [x, y] = [order.x[k], order.y[k]];
      const r = await get(String(galaxyId), `${x},${y}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("no-store");
      const body = (await r.json()) as PixelInspection;
      expect(body).toMatchObject({
        x,
        y,
        pixelId: pixel.pixelId,
        area: { id: areaId, x0: 10, y0: 4, x1: 13, y1: 7, workunitId: 244140 },
        processedAt: "2026-11-20T10:00:00.000Z",
        volunteers: [
          { id: 7, name: "Ann" },
          { id: 9, name: "BOINC user 9" },
        ],
        bestFitModel: {
          iSfh: pixel.bestFitModel.iSfh,
          iIr: pixel.bestFitModel.iIr,
          chi2: f32(pixel.bestFitModel.chi2),
          redshift: f32(pixel.bestFitModel.redshift),
        },
      });
      const [ra, dec] = pixelToSky(wcs, x, y);
      expect([body.ra, body.dec]).toEqual([ra, dec]);
      expect(body.fluxes).toEqual(
        pixel.filterNames.map((name, j) => {
          const measured = pixel.observedSigma[j] > 0;
          return {
            filter: name,
            label: filterByName(name)!.label,
            wavelength: filterByName(name)!.effLambda,
            observed: measured ? f32(pixel.observedFlux[j]) : null,
            sigma: measured ? f32(pixel.observedSigma[j]) : null,
            model: f32(pixel.modelFlux[j]),
          };
        }),
      );
      const i = [...block.x].findIndex((bx, j) => bx === x && block.y[j] === y);
      const stored = pixelStatisticsAt(block, i);
      expect(body.parameters.map((p) => p.column)).toEqual(PARAMETERS.map((p) => p.column));
      body.parameters.forEach((p, n) => {
        expect(p.statistics).toEqual(Object.fromEntries(STATISTICS.map((s) => [s.feature, stored[n][s.index]])));
        expect(p.histogram).toEqual({ x: Array.from(histograms[i][n].x), p: Array.from(histograms[i][n].p) });
      });
    }
  });

  it("gives pix4573581 as printed: SDSSu without data, the PS1 fluxes, χ² 0.19, f_μ(SFH) percentiles, 20 and 110 bins", async () => {
    const body = (await (await get(String(galaxyId), "10,4")).json()) as PixelInspection;
    expect(body.pixelId).toBe(FIRST_ID);
    expect(body.fluxes!.map((f) => f.filter)).toEqual(["SDSSu", "PS1g", "PS1r", "PS1i", "PS1z", "PS1y"]);
    expect(body.fluxes![0]).toMatchObject({ observed: null, sigma: null, model: f32(6.972e-11), wavelength: 0.3534 });
    expect(body.fluxes![1]).toMatchObject({ observed: f32(8.465e-10), sigma: f32(8.465e-11), model: f32(8.302e-10) });
    expect(body.bestFitModel).toEqual({ iSfh: 5914, iIr: 2, chi2: f32(0.19), redshift: f32(0.0102) });
    const fmu = body.parameters[0];
    expect([3, 4, 1, 5, 6].map((s) => fmu.statistics[STATISTICS[s].feature])).toEqual(
      [0.673, 0.792, 0.925, 0.991, 0.999].map(f32),
    );
    expect(fmu.histogram!.x).toHaveLength(20);
    expect(body.parameters[5].histogram!.x).toHaveLength(110);
    expect(body.parameters[5].statistics.best_fit).toBeCloseTo(Math.log10(6.376e7), 5);
  });

  it("says why there is nothing to inspect: 404 without a result, 400 outside the image, 404 for no such galaxy or pixel", async () => {
    const cases: [string, string, number, RegExp][] = [
      [String(galaxyId), "15,5", 404, /has no result yet: its work unit \d+ is still being processed/],
      [String(galaxyId), "2,2", 404, /has no result: it is in no work unit/],
      [String(galaxyId), "40,3", 400, /pixel \(40, 3\) is outside the 40×14 image/],
      [String(galaxyId), "3,14", 400, /outside the 40×14 image/],
      [String(galaxyId), "abc", 404, /no pixel 'abc': write it as <x>,<y>/],
      [String(galaxyId), "1,-2", 404, /write it as <x>,<y>/],
      ["999999", "10,4", 404, /no galaxy with id 999999/],
    ];
    for (const [id, xy, status, message] of cases) {
      const r = await get(id, xy);
      expect(r.status, xy).toBe(status);
      const body = await r.json();
      expect(body.error.message, xy).toMatch(message);
    }
  });

  it("answers results stored before fluxes were kept, without fluxes", async () => {
    await temp.db.pixelResultBlock.update({ where: { areaId }, data: { fluxes: null, fluxFilters: "" } });
    const body = (await (await get(String(galaxyId), "11,5")).json()) as PixelInspection;
    expect(body.fluxes).toBeNull();
    expect(body.parameters).toHaveLength(16);
  });
});

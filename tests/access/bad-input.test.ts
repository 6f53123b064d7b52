// Bad input to the data services, each answered with a 4xx whose message says what to change:
// DALI text (`UsageError: …`) from SODA and DataLink, the portal's JSON errors elsewhere; and the
// standard's 204 when a region misses the image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as filesGET } from "@/app/api/galaxies/[id]/files/[...file]/route";
import { GET as jobGET } from "@/app/api/jobs/[id]/route";
import { POST as jobsPOST } from "@/app/api/jobs/route";
import { GET as sodaGET, POST as sodaPOST } from "@/app/api/soda/sync/route";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
let emptyId: number;
beforeAll(async () => {
  survey = await createAccessSurvey();
  emptyId = (
    await createTestGalaxy(survey.temp.db, {
      name: "NGC 1",
      width: 20,
      height: 14,
      areas: [{ x0: 0, y0: 0, x1: 20, y1: 7, firstPixelId: 9_000_000 }],
    })
  ).galaxy.id;
});
afterAll(() => survey?.temp.cleanup());

const soda = (query: string) =>
  call(sodaGET, `/api/soda/sync?${query}`, {}, { headers: { "x-forwarded-for": "192.0.2.200" } });

describe("SODA sync refuses bad input as DALI text", () => {
  const id = () => `ID=${encodeURIComponent(galaxyDid(survey.galaxyId))}`;
  const cases: [string, () => string, number, string][] = [
    ["no ID", () => "PIXELS=[1:4,1:4]", 400, "UsageError: ID is required"],
    ["an unknown galaxy", () => "ID=ivo://pogs/galaxy?99999", 404, "UsageError: no galaxy with id 99999"],
    ["an identifier of another service", () => "ID=ivo://elsewhere/data?7", 404, "is not a POGS galaxy identifier"],
    ["a galaxy without results", () => `ID=${emptyId}`, 400, "has no MAGPHYS results yet (registered)"],
    ["two galaxies", () => `${id()}&ID=2`, 400, "MultiValuedParamNotSupported: ID was given 2 times"],
    ["POS given twice", () => `${id()}&POS=CIRCLE 1 2 3&POS=CIRCLE 1 2 3`, 400, "MultiValuedParamNotSupported: POS"],
    [
      "two kinds of region",
      () => `${id()}&PIXELS=[1:2,1:2]&CIRCLE=1 2 0.1`,
      400,
      "give one region, not CIRCLE and PIXELS",
    ],
    ["a malformed POS", () => `${id()}&POS=BOX 10 20 1 1`, 400, "POS must start with CIRCLE, RANGE or POLYGON"],
    ["a circle with a word for a number", () => `${id()}&POS=CIRCLE 10 twenty 0.1`, 400, '"twenty" is not a number'],
    ["a circle off the sphere", () => `${id()}&CIRCLE=10 95 0.1`, 400, "Dec 95 is outside"],
    ["a polygon of two vertices", () => `${id()}&POLYGON=10 10 11 11`, 400, "needs at least 3 vertices"],
    [
      "PIXELS outside the image",
      () => `${id()}&PIXELS=[500:510,1:4]`,
      400,
      "lies outside the image, which has pixels [1:32,1:32]",
    ],
    ["PIXELS with steps", () => `${id()}&PIXELS=[1:10:2,1:4]`, 400, "steps"],
    [
      "an unknown parameter",
      () => `${id()}&PARAM=mass`,
      400,
      "PARAM mass is not a MAGPHYS parameter; use one of fmu_sfh, fmu_ir, mu",
    ],
    [
      "an unknown statistic",
      () => `${id()}&STAT=mean`,
      400,
      "STAT mean is not a statistic; use one of best_fit, percentile_50",
    ],
    [
      "an unknown format",
      () => `${id()}&RESPONSEFORMAT=image/png`,
      400,
      "Format transformation not available: RESPONSEFORMAT image/png",
    ],
    ["a spectral cut", () => `${id()}&BAND=0.5e-6 0.7e-6`, 400, "BAND is not supported"],
  ];
  it.each(cases)("%s", async (_name, query, status, message) => {
    const r = await soda(query());
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await r.text();
    expect(text).toMatch(/^(UsageError|MultiValuedParamNotSupported): /);
    expect(text).toContain(message);
  });

  it("answers 204 with no body when a sky region misses the image", async () => {
    const r = await soda(`${id()}&CIRCLE=300 -60 0.01`);
    expect(r.status).toBe(204);
    expect(await r.text()).toBe("");
  });

  it("takes parameter names in any case, and POSTed forms", async () => {
    const r = await soda(`id=${survey.galaxyId}&pixels=[1:4,1:4]&param=sfr&Stat=best_fit`);
    expect(r.status).toBe(200);
    const posted = await call(
      sodaPOST,
      "/api/soda/sync",
      {},
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.200" },
        body: `ID=${encodeURIComponent(galaxyDid(survey.galaxyId))}&PIXELS=%5B1%3A4%2C1%3A4%5D`,
      },
    );
    expect(posted.status).toBe(200);
    expect(posted.headers.get("content-disposition")).toMatch(/attachment; filename=".*_x0-4_y0-4\.fits"/);
  });
});

describe("the JSON routes refuse bad input with the portal's error shape", () => {
  it("a job for a region outside the image", async () => {
    const r = await call(jobsPOST, `/api/jobs?ID=${survey.galaxyId}&CIRCLE=300 -60 0.01`, {}, { method: "POST" });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: {
        code: "bad_request",
        message: `the region lies outside the image of galaxy ${survey.galaxyId}; check the position or use PIXELS`,
      },
    });
  });

  it("path tricks name no file and no job", async () => {
    for (const file of [
      ["..", "..", "pogs.db"],
      ["layers", "..", "..", "..", "pogs.db"],
      ["%2e%2e", "pogs.db"],
      ["layers/../../pogs.db"],
    ]) {
      const r = await call(filesGET, `/api/galaxies/${survey.galaxyId}/files/${file.join("/")}`, {
        id: String(survey.galaxyId),
        file,
      });
      expect(r.status, file.join("/")).toBe(404);
      expect((await r.json()).error.message).toContain(`galaxy ${survey.galaxyId} has no file`);
    }
    for (const id of ["../../pogs.db", "1", "x".repeat(36)]) {
      const r = await call(jobGET, `/api/jobs/x`, { id });
      expect(r.status, id).toBe(404);
      expect((await r.json()).error.message).toBe(`no job with id ${id}`);
    }
  });

  it("an unknown galaxy's files", async () => {
    const r = await call(filesGET, "/api/galaxies/999/files/SHA256SUMS", { id: "999", file: ["SHA256SUMS"] });
    expect(r.status).toBe(404);
    expect((await r.json()).error.message).toBe("no galaxy with id 999");
  });
});

// The data-access SQL on PostgreSQL (POGS_TEST_POSTGRES_URL, set in CI): the catalogue's search
// (LIKE … ESCAPE, substr, the cone prefilter), the scan of result blocks behind every subset, and
// the job claims, on a fresh database made for the test and dropped after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_POSTGRES_URL, createPostgresDatabase, type PostgresTestDatabase } from "@/lib/testing/postgres-database";
import { claimNextJob } from "@/lib/access/jobs/job-claim";
import { searchCatalogue } from "@/lib/access/catalogue/catalogue-search";
import type { CatalogueQuery } from "@/lib/access/catalogue/catalogue-types";
import { scanResults } from "@/lib/access/subset/result-scan";
import { angularDistance } from "@/lib/access/sky/great-circle";
import { createDb, type Db } from "@/lib/db/client";
import { Statistic } from "@/lib/survey/parameters";
import { createResultsGalaxy, rampValues, storeResults } from "@/tests/maps-service/fixtures";
import { placeGalaxies, type Placed } from "./catalogue-fixture";

describe.runIf(TEST_POSTGRES_URL)("data access on PostgreSQL", () => {
  let database: PostgresTestDatabase;
  let db: Db;
  let url: string;
  let galaxies: Placed[];
  const base: CatalogueQuery = { sort: "name", dir: "asc", page: 1, pageSize: 5000 };

  beforeAll(async () => {
    database = await createPostgresDatabase("access");
    ({ db, databaseUrl: url } = database);
    galaxies = await placeGalaxies(db, 800);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("searches the catalogue as on SQLite: cones across RA 0/360 and the poles, names, types", async () => {
    for (const [ra, dec, radiusArcmin] of [
      [0, 0, 90],
      [359.9, 1, 60],
      [10, 89.9, 80],
      [200, -89.5, 120],
    ]) {
      const expected = galaxies
        .filter((g) => angularDistance(ra, dec, g.ra, g.dec) * 60 <= radiusArcmin)
        .map((g) => g.id);
      const found = await searchCatalogue({ ...base, cone: { ra, dec, radiusArcmin }, sort: "distance" }, db);
      expect(new Set(found.rows.map((r) => r.id)), `${ra} ${dec}`).toEqual(new Set(expected));
      expect(found.rows.map((r) => r.distanceArcmin)).toEqual(
        [...found.rows.map((r) => r.distanceArcmin)].sort((a, b) => a! - b!),
      );
    }
    const names = async (q: Partial<CatalogueQuery>) =>
      (await searchCatalogue({ ...base, ...q }, db)).rows.map((r) => r.name);
    expect(await names({ name: "ngc4073" })).toEqual(["NGC 4073"]);
    expect(await names({ name: "_" })).toEqual(["IC 5_x%"]);
    expect(await names({ hubbleType: "SB" })).toEqual(["UGC 5479"]);
    expect((await searchCatalogue({ ...base, pageSize: 10, page: 2 }, db)).total).toBe(galaxies.length);
  });

  it("scans a box's result blocks into cubes", async () => {
    const { galaxy, areas } = await createResultsGalaxy(db, {
      name: "PG RESULTS",
      width: 30,
      height: 20,
      areaWidth: 6,
    });
    const ramp = rampValues(30, 20);
    await storeResults(db, galaxy.id, areas, ramp);
    const g = await db.galaxy.findUniqueOrThrow({ where: { id: galaxy.id } });
    const box = { x0: 4, y0: 3, x1: 25, y1: 17 };
    const cube = new Float32Array(21 * 14 * 2).fill(NaN);
    await scanResults(db, g.id, g.resultsVersion, box, [6], [Statistic.PERCENTILE_50, Statistic.PERCENTILE_84], [cube]);
    for (let y = box.y0; y < box.y1; y++)
      for (let x = box.x0; x < box.x1; x++) {
        const at = (y - box.y0) * 21 + (x - box.x0);
        expect(cube[at]).toBeCloseTo(ramp(x, y)!.m, 5);
        expect(cube[21 * 14 + at]).toBeCloseTo(ramp(x, y)!.m + 0.1, 5);
      }
  });

  it("lets exactly one of many simultaneous claims win a job", async () => {
    await db.dataRequest.create({
      data: { id: "00000000-0000-4000-8000-00000000000a", format: "fits", params: "{}", owner: "x" },
    });
    const clients = Array.from({ length: 6 }, () => createDb(url));
    const claims = await Promise.all(clients.map((c, i) => claimNextJob(c, `w${i}`)));
    await Promise.all(clients.map((c) => c.$disconnect()));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
  });
});

// The catalogue: cone searches equal brute force everywhere on the sky (RA 0/360, the poles),
// the other filters, and the exports as CSV and as a VOTable that astropy reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as catalogueGET } from "@/app/api/catalogue/route";
import { searchCatalogue } from "@/lib/access/catalogue/catalogue-search";
import type { CatalogueQuery } from "@/lib/access/catalogue/catalogue-types";
import { angularDistance } from "@/lib/access/sky/great-circle";
import { seededRandom } from "@/lib/testing/seeded-random";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { python } from "@/tests/fits/helpers";
import { placeGalaxies, type Placed } from "./catalogue-fixture";
import { call } from "./fixtures";

let temp: TempDatabase;
let galaxies: Placed[];

beforeAll(async () => {
  temp = await createTempDatabase({ useAsProcessDefault: true });
  galaxies = await placeGalaxies(temp.db, 2000);
});
afterAll(() => temp?.cleanup());

const base: CatalogueQuery = { sort: "name", dir: "asc", page: 1, pageSize: 500 };
const byName = (q: Partial<CatalogueQuery>) =>
  searchCatalogue({ ...base, ...q }).then((r) => r.rows.map((g) => g.name));

describe("cone search", () => {
  it("finds exactly the galaxies within the radius, across RA 0/360 and around the poles", async () => {
    const random = seededRandom(9);
    const centres: [number, number][] = [
      [0, 0],
      [359.99, 0.5],
      [0.2, -0.3],
      [123, 89.9],
      [300, 90],
      [45, -89.5],
      [180, -90],
    ];
    for (let i = 0; i < 30; i++) centres.push([random() * 360, Math.asin(2 * random() - 1) * (180 / Math.PI)]);
    for (const [ra, dec] of centres) {
      const radiusArcmin = 30 + random() * 120;
      const expected = galaxies
        .map((g) => ({ g, d: angularDistance(ra, dec, g.ra, g.dec) * 60 }))
        .filter(({ d }) => d <= radiusArcmin)
        .sort((a, b) => a.d - b.d || a.g.id - b.g.id);
      const found = await searchCatalogue({
        ...base,
        pageSize: 5000,
        sort: "distance",
        cone: { ra, dec, radiusArcmin },
      });
      expect(
        found.rows.map((r) => r.id),
        `cone ${ra} ${dec} ${radiusArcmin}′`,
      ).toEqual(expected.map((e) => e.g.id));
      expect(found.total).toBe(expected.length);
      found.rows.forEach((r, k) => expect(r.distanceArcmin).toBeCloseTo(expected[k].d, 9));
    }
  });

  it("answers 400 with what to change for an incomplete or impossible cone", async () => {
    for (const [query, message] of [
      ["ra=10&dec=20", "a cone needs ra, dec and radius (arcmin) together"],
      ["ra=10&dec=95&radius=3", "Dec 95 is outside −90…+90 degrees"],
      ["ra=12:99:00&dec=0&radius=3", "neither degrees"],
      ["ra=10&dec=20&radius=5000", "radius (arcmin) must be between 0 and 1800"],
      ["ra=10&dec=20&radius=0", "radius (arcmin) must be more than 0"],
      ["zmin=0.1&zmax=0.05", "zmin 0.1 is above zmax 0.05"],
      ["status=done", "status must be one of registered, computing, processed, archived"],
      ["format=fits", "format must be json, csv or votable"],
      ["sort=distance", "sort=distance needs a cone"],
    ]) {
      const r = await call(catalogueGET, `/api/catalogue?${query}`);
      expect(r.status, query).toBe(400);
      expect((await r.json()).error.message, query).toContain(message);
    }
  });
});

describe("filters", () => {
  it("match names ignoring case and spaces, wildcards literally", async () => {
    expect(await byName({ name: "ngc4073" })).toEqual(["NGC 4073"]);
    expect(await byName({ name: "NGC 30" })).toEqual(["NGC 309"]);
    expect(await byName({ name: "5_x%" })).toEqual(["IC 5_x%"]);
    expect(await byName({ name: "_" })).toEqual(["IC 5_x%"]);
  });

  it("match the start of the Hubble type, case-sensitively, and redshift and status", async () => {
    expect(await byName({ hubbleType: "SB", name: "" })).toEqual(["UGC 5479"]);
    expect(await byName({ hubbleType: "Sb", name: "" })).toEqual(["PGC 1068443"]);
    expect(await byName({ zMin: 0.019, zMax: 0.02, status: "archived" })).toEqual(["NGC 4073"]);
    const z = await searchCatalogue({ ...base, zMin: 0.05, zMax: 0.06, sort: "redshift", pageSize: 500 });
    expect(z.rows.every((r) => r.redshift >= 0.05 && r.redshift <= 0.06)).toBe(true);
    expect(z.rows.map((r) => r.redshift)).toEqual([...z.rows.map((r) => r.redshift)].sort((a, b) => a - b));
    expect(z.total).toBe(galaxies.filter((g) => g.redshift >= 0.05 && g.redshift <= 0.06).length);
  });
});

describe("exports", () => {
  it("CSV: a header row with id, name, ra, dec, redshift, status and the DataLink URL", async () => {
    const r = await call(catalogueGET, "/api/catalogue?q=ngc&format=csv");
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = (await r.text()).trim().split("\r\n");
    const columns = header.split(",");
    for (const c of ["id", "name", "ra", "dec", "redshift", "status", "datalink"]) expect(columns).toContain(c);
    expect(lines).toHaveLength(2);
    const rows = lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
    expect(rows.map((r) => r.name)).toEqual(["NGC 309", "NGC 4073"]);
    const row = rows[1];
    const ngc4073 = galaxies.find((g) => g.name === "NGC 4073")!;
    expect(row).toMatchObject({ id: String(ngc4073.id), name: "NGC 4073", ra: "180.99", status: "archived" });
    expect(row.datalink).toBe(
      `http://portal.test/api/datalink?ID=${encodeURIComponent(`ivo://pogs/galaxy?${ngc4073.id}`)}`,
    );
  });

  it("VOTable: astropy parses it without a warning, with units, the cone's distances and the row count", async () => {
    const r = await call(catalogueGET, "/api/catalogue?ra=0&dec=0&radius=60&format=votable");
    expect(r.headers.get("content-type")).toBe("application/x-votable+xml");
    const expected = galaxies.filter((g) => angularDistance(0, 0, g.ra, g.dec) * 60 <= 60);
    const table = python<{
      rows: number;
      columns: string[];
      units: Record<string, string>;
      ids: number[];
      status: string;
    }>(
      `
import io
from astropy.io.votable import parse
votable = parse(io.BytesIO(data.encode()), verify="exception")
t = votable.get_first_table().to_table()
info = [i.value for i in votable.resources[0].infos if i.name == "QUERY_STATUS"][0]
print(json.dumps({"rows": len(t), "columns": t.colnames, "units": {c: str(t[c].unit) for c in ("ra", "distance")}, "ids": [int(x) for x in t["id"]], "status": info}))`,
      await r.text(),
    );
    expect(table.rows).toBe(expected.length);
    expect(table.columns).toEqual(
      expect.arrayContaining(["id", "name", "ra", "dec", "redshift", "status", "datalink", "distance"]),
    );
    expect(table.units).toEqual({ ra: "deg", distance: "arcmin" });
    expect(new Set(table.ids)).toEqual(new Set(expected.map((g) => g.id)));
    expect(table.status).toBe("OK");
  });

  it("maxrec caps an export's rows: the VOTable says OVERFLOW, the CSV's header says truncated", async () => {
    const all = (await searchCatalogue({ ...base, pageSize: 500 })).rows.map((g) => g.id);
    const votable = await call(catalogueGET, "/api/catalogue?format=votable&maxrec=3");
    const table = python<{ ids: number[]; status: string }>(
      `
import io
from astropy.io.votable import parse
votable = parse(io.BytesIO(data.encode()), verify="exception")
t = votable.get_first_table().to_table()
info = [i.value for i in votable.resources[0].infos if i.name == "QUERY_STATUS"][0]
print(json.dumps({"ids": [int(x) for x in t["id"]], "status": info}))`,
      await votable.text(),
    );
    expect(table).toEqual({ ids: all.slice(0, 3), status: "OVERFLOW" });
    const csv = await call(catalogueGET, "/api/catalogue?format=csv&maxrec=2");
    expect(csv.headers.get("x-rows-truncated")).toBe("true");
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(3);
    for (const bad of ["maxrec=0", "maxrec=-4", "maxrec=1e3", "maxrec=100001"]) {
      const r = await call(catalogueGET, `/api/catalogue?format=csv&${bad}`);
      expect(r.status, bad).toBe(400);
      expect((await r.json()).error.message, bad).toMatch(/maxrec must be/);
    }
  });
});

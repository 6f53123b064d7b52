// DataLink {links} documents as astropy reads them (VOTable, verified with exceptions on): the
// archive as #this, the cutout service and its descriptor, maps, layers, previews; a row with an
// error message for an ID it does not know; and the SODA ID it advertises works.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as filesGET } from "@/app/api/galaxies/[id]/files/[...file]/route";
import { GET as datalinkGET } from "@/app/api/datalink/route";
import { GET as sodaGET } from "@/app/api/soda/sync/route";
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import { PRODUCTS_DIR } from "@/lib/access/files/parameter-map-files";
import { python } from "@/tests/fits/helpers";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
beforeAll(async () => {
  survey = await createAccessSurvey({ wide: true });
});
afterAll(() => survey?.temp.cleanup());

type Parsed = {
  standardID: string;
  rows: Record<string, string | number | null>[];
  descriptors: {
    ID: string;
    standardID: string;
    accessURL: string;
    params: Record<string, { value: string; options: string[]; max: string | null }>;
  }[];
};

async function links(query: string): Promise<{ response: Response; parsed: Parsed }> {
  const response = await call(datalinkGET, `/api/datalink?${query}`);
  const parsed = python<Parsed>(
    `
import io
from astropy.io.votable import parse
v = parse(io.BytesIO(data.encode()), verify="exception")
res = v.resources[0]
t = res.tables[0].to_table()
def plain(x):
    return None if (hasattr(x, "mask") and x.mask) or x is None else (int(x) if isinstance(x, (int,)) or str(getattr(x, "dtype", "")).startswith("int") else str(x))
rows = [{c: plain(r[c]) for c in t.colnames} for r in t]
desc = []
for r in v.resources[1:]:
    ps = {p.name: p.value for p in r.params}
    group = [g for g in r.groups if g.name == "inputParams"][0]
    inputs = {}
    for p in group.entries:
        vals = p.values
        inputs[p.name] = {"value": str(p.value) if p.value is not None else "", "options": [o[1] for o in vals.options] if vals is not None else [], "max": str(vals.max) if vals is not None and vals.max is not None else None}
    desc.append({"ID": r.ID, "standardID": str(ps["standardID"]), "accessURL": str(ps["accessURL"]), "params": inputs})
print(json.dumps({"standardID": [i.value for i in res.infos if i.name == "standardID"][0], "rows": rows, "descriptors": desc}))`,
    await response.text(),
  );
  return { response, parsed };
}

describe("DataLink", () => {
  it("lists an archived galaxy's files and services, each row with one of access_url, service_def, error_message", async () => {
    const did = galaxyDid(survey.galaxyId);
    const { response, parsed } = await links(`ID=${encodeURIComponent(did)}`);
    expect(response.headers.get("content-type")).toBe("application/x-votable+xml;content=datalink");
    expect(parsed.standardID).toBe("ivo://ivoa.net/std/DataLink#links-1.1");
    const semantics = parsed.rows.map((r) => r.semantics);
    expect(semantics.slice(0, 2)).toEqual(["#this", "#cutout"]);
    expect(semantics.filter((s) => s === "#derivation")).toHaveLength(4);
    expect(semantics).toEqual(
      expect.arrayContaining(["#progenitor", "#preview", "#thumbnail", "#auxiliary", "#documentation"]),
    );
    for (const r of parsed.rows) {
      expect(r.ID).toBe(did);
      expect([r.access_url, r.service_def, r.error_message].filter((v) => v !== null && v !== "")).toHaveLength(1);
    }
    const self = parsed.rows[0];
    expect(self).toMatchObject({ content_type: "application/x-hdf5", content_length: survey.archive.size });
    expect(self.access_url).toBe(
      `http://portal.test/api/galaxies/${survey.galaxyId}/files/${survey.archive.path.split("/").at(-1)}`,
    );
  });

  it("gives each parameter map's size without making it, and the map made on download has that size", async () => {
    const products = path.join(survey.temp.dataDir, PRODUCTS_DIR, String(survey.galaxyId));
    rmSync(products, { recursive: true, force: true });
    const { parsed } = await links(`ID=${encodeURIComponent(galaxyDid(survey.galaxyId))}`);
    const maps = parsed.rows.filter((r) => r.semantics === "#derivation");
    expect(maps).toHaveLength(4);
    expect(existsSync(products), "listing made no map file").toBe(false);
    for (const row of maps) {
      const file = String(row.access_url).split("/files/")[1].split("/");
      const response = await call(filesGET, String(row.access_url), { id: String(survey.galaxyId), file });
      expect(response.status).toBe(200);
      const bytes = (await response.arrayBuffer()).byteLength;
      expect(bytes).toBeGreaterThan(2880);
      expect(row.content_length).toBe(bytes);
    }
    // and once made, the listing gives the same sizes
    const again = (await links(`ID=${encodeURIComponent(galaxyDid(survey.galaxyId))}`)).parsed.rows;
    expect(again.filter((r) => r.semantics === "#derivation").map((r) => r.content_length)).toEqual(
      maps.map((r) => r.content_length),
    );
  });

  it("describes the cutout service with its parameters, whose ID then works at /api/soda/sync", async () => {
    const did = galaxyDid(survey.galaxyId);
    const { parsed } = await links(`ID=${encodeURIComponent(did)}`);
    const [soda] = parsed.descriptors;
    expect(parsed.rows[1].service_def).toBe(soda.ID);
    expect(soda).toMatchObject({
      standardID: "ivo://ivoa.net/std/SODA#sync-1.0",
      accessURL: "http://portal.test/api/soda/sync",
    });
    expect(soda.params.ID.value).toBe(did);
    expect(soda.params.PARAM.options).toEqual(expect.arrayContaining(["mu", "m", "ldust", "sfr", "tauv"]));
    expect(soda.params.STAT.options).toHaveLength(7);
    const g = await survey.temp.db.galaxy.findUniqueOrThrow({ where: { id: survey.galaxyId } });
    const [ra, dec, radius] = soda.params.CIRCLE.max!.match(/-?[\d.]+(e[+-]?\d+)?/g)!.map(Number);
    expect(Math.abs(ra - g.ra)).toBeLessThan(0.01);
    expect(Math.abs(dec - g.dec)).toBeLessThan(0.01);
    expect(radius).toBeCloseTo((Math.hypot(g.width, g.height) / 2) * (g.pixelScale / 3600), 3);
    const r = await call(sodaGET, `/api/soda/sync?ID=${encodeURIComponent(soda.params.ID.value)}&PIXELS=[1:3,1:3]`);
    expect(r.status).toBe(200);
  });

  it("answers several IDs in order, with an error row for an unknown one and why a galaxy has no archive", async () => {
    const ids = [galaxyDid(99999), "not-a-galaxy", galaxyDid(survey.wideId!)];
    const { parsed } = await links(ids.map((id) => `ID=${encodeURIComponent(id)}`).join("&"));
    expect(parsed.rows[0]).toMatchObject({ ID: ids[0], error_message: "NotFoundFault: no galaxy with id 99999" });
    expect(parsed.rows[1].error_message).toContain("NotFoundFault: not-a-galaxy is not a POGS galaxy identifier");
    const wide = parsed.rows.filter((r) => r.ID === ids[2]);
    expect(wide[0]).toMatchObject({
      semantics: "#this",
      error_message: expect.stringContaining("its HDF5 archive is built by the operators"),
    });
    expect(parsed.descriptors.map((d) => d.params.ID.value)).toEqual([ids[2]]);
  });

  it("refuses another response format as DALI text", async () => {
    const r = await call(datalinkGET, "/api/datalink?ID=1&RESPONSEFORMAT=application/json");
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/^UsageError: Format transformation not available/);
  });
});

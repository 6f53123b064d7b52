// A galaxy's files as download tools see them: the listing with sizes and sha256, byte ranges
// (206 with exactly the bytes asked, 416 when impossible), ETags and 304, HEAD, the file names;
// every FITS file as served passes fitsverify, and the parameter maps hold the stored medians.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as filesGET, HEAD as filesHEAD } from "@/app/api/galaxies/[id]/files/[...file]/route";
import { digestFileOf, fileDigest } from "@/lib/access/files/file-digest";
import { mapFilesDir } from "@/lib/access/files/parameter-map-files";
import { listGalaxyFiles, type GalaxyFiles } from "@/lib/access/files/galaxy-files";
import { resolveContext } from "@/lib/maps/service/context";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { fitsverify, python, tempDir } from "@/tests/fits/helpers";
import { call, createAccessSurvey, type AccessSurvey } from "./fixtures";

let survey: AccessSurvey;
let files: GalaxyFiles;
const dir = tempDir();

beforeAll(async () => {
  survey = await createAccessSurvey();
  files = (await listGalaxyFiles(
    resolveContext({ db: survey.temp.db, dataDir: survey.temp.dataDir }),
    survey.galaxyId,
  ))!;
});
afterAll(() => survey?.temp.cleanup());

const get = (name: string, headers: Record<string, string> = {}, method = "GET") =>
  call(
    method === "HEAD" ? filesHEAD : filesGET,
    `/api/galaxies/${survey.galaxyId}/files/${name}`,
    { id: String(survey.galaxyId), file: name.split("/") },
    { method, headers },
  );

describe("the files of a galaxy", () => {
  it("are the archive, four parameter maps and every layer, with true sizes and sha256", async () => {
    expect(files.archive).toMatchObject({
      name: path.basename(survey.archive.path),
      size: survey.archive.size,
      sha256: survey.archive.sha256,
    });
    expect(files.maps.map((f) => f.name)).toEqual(["maps/mu.fits", "maps/m.fits", "maps/ldust.fits", "maps/sfr.fits"]);
    const layers = await survey.temp.db.layer.count({ where: { galaxyId: survey.galaxyId } });
    expect(files.layers).toHaveLength(layers);
    for (const f of [files.archive!, ...files.maps, ...files.layers]) {
      const r = await get(f.name);
      expect(r.status, f.name).toBe(200);
      const bytes = Buffer.from(await r.arrayBuffer());
      expect(bytes.length).toBe(f.size);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
      expect(r.headers.get("content-disposition")).toContain(`filename="${f.downloadName}"`);
      expect(r.headers.get("accept-ranges")).toBe("bytes");
    }
  });

  it("list themselves in SHA256SUMS, as sha256sum -c reads it", async () => {
    const text = await (await get("SHA256SUMS")).text();
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(1 + 4 + files.layers.length);
    expect(lines).toContain(`${files.maps[0].sha256}  ${files.maps[0].downloadName}`);
  });

  it("answer a Range with exactly the bytes asked", async () => {
    const f = files.archive!;
    const whole = readFileSync(f.absolutePath);
    for (const [range, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=1000-", 1000, f.size - 1],
      ["bytes=-512", f.size - 512, f.size - 1],
      [`bytes=${f.size - 10}-${f.size + 500}`, f.size - 10, f.size - 1],
    ] as const) {
      const r = await get(f.name, { range });
      expect(r.status, range).toBe(206);
      expect(r.headers.get("content-range")).toBe(`bytes ${start}-${end}/${f.size}`);
      expect(r.headers.get("content-length")).toBe(String(end - start + 1));
      expect(Buffer.from(await r.arrayBuffer()).equals(whole.subarray(start, end + 1)), range).toBe(true);
    }
    const beyond = await get(f.name, { range: `bytes=${f.size}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${f.size}`);
  });

  it("revalidate by ETag, ignore a Range whose If-Range is stale, and answer HEAD without a body", async () => {
    const f = files.maps[1];
    const first = await get(f.name);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get(f.name, { "if-none-match": etag })).status).toBe(304);
    expect((await get(f.name, { range: "bytes=0-9", "if-range": '"stale"' })).status).toBe(200);
    expect((await get(f.name, { range: "bytes=0-9", "if-range": etag })).status).toBe(206);
    const head = await get(f.name, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(f.size));
    expect(await head.text()).toBe("");
  });

  it("as served pass fitsverify with no warnings and no errors (maps and layers)", async () => {
    for (const f of [...files.maps, ...files.layers]) {
      const file = path.join(dir, f.downloadName);
      writeFileSync(file, Buffer.from(await (await get(f.name)).arrayBuffer()));
      const verdict = fitsverify(file);
      expect(verdict, `${f.name}\n${verdict.output}`).toMatchObject({ warnings: 0, errors: 0 });
    }
  });

  it("maps hold the stored medians, NaN where there is no result, with units", async () => {
    const grids = (await readResultGrids(
      resolveContext({ db: survey.temp.db, dataDir: survey.temp.dataDir }),
      survey.galaxyId,
    ))!;
    const read = python<Record<string, { bunit: string; values: (number | null)[] }>>(
      `
import math
from astropy.io import fits
out = {}
for key, path in data.items():
    with fits.open(path, checksum=True) as h:
        ext = h[1]
        out[key] = {"bunit": ext.header["BUNIT"], "values": [None if math.isnan(v) else float(v) for v in ext.data.ravel()]}
print(json.dumps(out))`,
      Object.fromEntries(files.maps.map((f) => [f.name.slice(5, -5), f.absolutePath])),
    );
    expect(read.m.bunit).toBe("log(solMass)");
    expect(read.mu.bunit).toBe("");
    for (const key of ["mu", "m", "ldust", "sfr"] as const)
      expect(read[key].values).toEqual(Array.from(grids.values[key], (v) => (Number.isNaN(v) ? null : v)));
  });

  it("keep their digests beside them, written with the file, trusted only for that version of it", async () => {
    const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
    // registration wrote the layers' records, the maps' were written with the maps
    for (const f of [...files.maps, ...files.layers])
      expect(readFileSync(digestFileOf(f.absolutePath), "utf8"), f.name).toBe(
        `${sha(f.absolutePath)} ${f.size} ${statSync(f.absolutePath).mtimeMs}\n`,
      );
    // another process (a fresh cache) reads the record, not the file
    const copy = path.join(dir, "copy.fits");
    copyFileSync(files.layers[0].absolutePath, copy);
    const { size, mtimeMs } = statSync(copy);
    writeFileSync(digestFileOf(copy), `${"0".repeat(64)} ${size} ${mtimeMs}\n`);
    expect((await fileDigest(copy)).sha256).toBe("0".repeat(64));
    // a new version of the file (here: a new mtime) is hashed again and its record replaced
    utimesSync(copy, new Date(), new Date(Date.now() + 5000));
    expect((await fileDigest(copy)).sha256).toBe(sha(copy));
    expect(readFileSync(digestFileOf(copy), "utf8")).toBe(`${sha(copy)} ${size} ${statSync(copy).mtimeMs}\n`);
  });

  it("hold no parameter maps while no result is stored, though its work units are done", async () => {
    const ctx = resolveContext({ db: survey.temp.db, dataDir: survey.temp.dataDir });
    const where = { id: survey.galaxyId };
    const { resultsVersion } = await survey.temp.db.galaxy.update({ where, data: { resultsVersion: 0 } });
    try {
      const listed = (await listGalaxyFiles(ctx, survey.galaxyId))!;
      expect(listed.galaxy.pixelsProcessed).toBeGreaterThan(0);
      expect(listed.maps).toEqual([]);
      expect(existsSync(mapFilesDir(ctx.dataDir, survey.galaxyId, 0))).toBe(false);
    } finally {
      await survey.temp.db.galaxy.update({ where, data: { resultsVersion } });
    }
  });
});

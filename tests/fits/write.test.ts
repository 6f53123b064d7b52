import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  FitsError,
  FitsHeader,
  type HduInput,
  fitsChunks,
  parseFits,
  pixelToSky,
  readImage,
  wcsCards,
  wcsFromHeader,
  writeFits,
  writeFitsFile,
} from "@/lib/fits";
import { checksumAdd, encodeChecksum } from "@/lib/fits/write/checksum";
import { fitsverify, hasFitsverify, hasPython, maxDiff, python, tempDir } from "./helpers";

const W = 37;
const H = 23;
const wcs = wcsFromHeader(
  new FitsHeader()
    .set("CTYPE1", "RA---TAN")
    .set("CTYPE2", "DEC--TAN")
    .set("CRPIX1", 18.5, "", { float: true })
    .set("CRPIX2", 12, "", { float: true })
    .set("CRVAL1", 202.469575)
    .set("CRVAL2", 47.195258)
    .set("CD1_1", -3.9e-4)
    .set("CD1_2", 1e-5)
    .set("CD2_1", 1.1e-5)
    .set("CD2_2", 3.9e-4),
);

function ramp<T extends Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array>(
  make: new (n: number) => T,
  n: number,
  f: (i: number) => number,
): T {
  const a = new make(n);
  for (let i = 0; i < n; i++) a[i] = f(i);
  return a;
}

/** A product like the portal's: empty primary with provenance, named maps, a statistics cube. */
function product(): HduInput[] {
  const primary = new FitsHeader()
    .set("ORIGIN", "POGS portal", "who wrote the file")
    .set("DATE", "2025-01-02T03:04:05")
    .set("OBJECT", "M51")
    .set("RA_OBJ", 202.469575, "[deg]")
    .set("REQUEST", "cutout of M51, parameters M*, SFR, Ldust; statistics median, p16, p84; ".repeat(3).trim())
    .addHistory("made by tests/fits/write.test.ts");
  // A copied input header: float data must lose BSCALE/BLANK, WCSAXES must move before the WCS.
  const copied = new FitsHeader([...wcsCards(wcs).slice(1), ...wcsCards(wcs).slice(0, 1)])
    .set("BUNIT", "log(Msun)")
    .set("BSCALE", 2)
    .set("BZERO", 1)
    .set("BLANK", -1)
    .set("SIMPLE", true)
    .set("EXTEND", true);
  const cube = new FitsHeader(wcsCards(wcs)).set("BUNIT", "Msun/yr").set("HDUCLAS1", "CUBE");
  ["median", "p16", "p84"].forEach((name, i) => cube.set(`C0${i + 1}`, name));
  const f32 = ramp(Float32Array, W * H, (i) => (i % 7 === 0 ? NaN : Math.sin(i) * 1e3));
  return [
    { header: primary },
    { name: "MSTAR", data: f32, shape: [W, H], header: copied },
    {
      name: "F64",
      data: ramp(Float64Array, W * H, (i) => Math.exp(-i / 100) * 1e-30),
      shape: [W, H],
      header: new FitsHeader(wcsCards(wcs)),
    },
    { name: "F64AS32", data: ramp(Float64Array, W * H, (i) => i / 3), shape: [W, H], bitpix: -32 },
    {
      name: "I16",
      data: ramp(Int16Array, W * H, (i) => (i * 997) % 65536),
      shape: [W, H],
      header: new FitsHeader().set("BLANK", -32768),
    },
    { name: "I32", data: ramp(Int32Array, W * H, (i) => i * 1e6 - 2 ** 31), shape: [W, H] },
    { name: "MASK", data: ramp(Uint8Array, W * H, (i) => i % 256), shape: [W, H] },
    { name: "SFR", data: ramp(Float32Array, W * H * 3, (i) => i / 10), shape: [W, H, 3], header: cube },
  ];
}

describe("writeFits", () => {
  const dir = tempDir();
  const file = path.join(dir, "product.fits");
  const hdus = product();
  let bytes: Buffer;

  beforeAll(() => {
    bytes = writeFits(hdus);
    writeFileSync(file, bytes);
  });

  it("writes whole 2880-byte blocks with mandatory keywords in order", () => {
    expect(bytes.length % 2880).toBe(0);
    const fits = parseFits(bytes);
    expect(fits.hdus.map((h) => h.extname ?? "")).toEqual(["", "MSTAR", "F64", "F64AS32", "I16", "I32", "MASK", "SFR"]);
    expect(fits.hdus[0].header.cards.slice(0, 4).map((c) => c.keyword)).toEqual([
      "SIMPLE",
      "BITPIX",
      "NAXIS",
      "EXTEND",
    ]);
    const ext = fits.hdus[1].header.cards.map((c) => c.keyword);
    expect(ext.slice(0, 9)).toEqual([
      "XTENSION",
      "BITPIX",
      "NAXIS",
      "NAXIS1",
      "NAXIS2",
      "PCOUNT",
      "GCOUNT",
      "EXTNAME",
      "WCSAXES",
    ]);
    expect(ext).not.toContain("BLANK");
    expect(ext).not.toContain("BSCALE");
    expect(ext.filter((k) => k === "SIMPLE" || k === "EXTEND")).toEqual([]);
    expect(fits.hdus[4].header.getNumber("BLANK")).toBe(-32768); // kept for integers
    expect(fits.hdus.every((h) => h.header.has("CHECKSUM") && h.header.has("DATASUM"))).toBe(true);
  });

  it("every HDU sums to −0 (ones' complement), the checksum convention", () => {
    const fits = parseFits(bytes);
    for (const [i, h] of fits.hdus.entries()) {
      const end = i + 1 < fits.hdus.length ? fits.hdus[i + 1].headerOffset : bytes.length;
      expect(checksumAdd(0, bytes.subarray(h.headerOffset, end)), `HDU ${i}`).toBe(0xffffffff);
    }
  });

  it("reads back what was written", () => {
    const fits = parseFits(bytes);
    hdus.forEach((h, i) => {
      if (!h.data) return;
      const img = readImage(fits, i);
      const expected = h.bitpix === -32 ? Float32Array.from(h.data) : h.data;
      expect(
        maxDiff(
          img.data,
          Float64Array.from(expected, (v) => (h.name === "I16" && v === -32768 ? NaN : v)),
        ),
        h.name,
      ).toBe(0);
    });
    expect(wcsFromHeader(readImage(fits, "SFR").header)).toEqual(wcs);
    const gz = parseFits(gzipSync(bytes));
    expect(gz.gzipped).toBe(true);
    expect(maxDiff(readImage(gz, "SFR").data, readImage(fits, "SFR").data)).toBe(0);
  });

  it.runIf(hasFitsverify)("passes fitsverify with 0 warnings and 0 errors", () => {
    const verdict = fitsverify(file);
    expect(verdict, verdict.output).toMatchObject({ warnings: 0, errors: 0 });
  });

  it.runIf(hasPython)("opens in astropy with checksum=True, without warnings, with our values and WCS", () => {
    const probe = [
      [0, 0],
      [W - 1, H - 1],
      [10.25, 3.5],
    ];
    const got = python<{
      checks: boolean[];
      sums: string[][];
      data: Record<string, (number | null)[]>;
      world: number[][];
      request: string;
      c: string[];
    }>(
      `import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
path, probe = data
with fits.open(path, checksum=True) as hl:
    hl.verify('exception')
    out = {'checks': [h.verify_checksum() == 1 and h.verify_datasum() == 1 for h in hl],
           'sums': [[h.header['DATASUM'], str(h._calculate_datasum())] for h in hl],
           'data': {h.name: [None if np.isnan(v) else float(v) for v in np.ravel(h.data)] for h in hl[1:]},
           'world': WCS(hl['SFR'].header, naxis=2).all_pix2world(np.array(probe, float), 0).tolist(),
           'request': hl[0].header['REQUEST'],
           'c': [hl['SFR'].header[k] for k in ('C01', 'C02', 'C03')]}
print(json.dumps(out))`,
      [file, probe],
    );
    expect(got.checks).toEqual(hdus.map(() => true));
    for (const [written, computed] of got.sums) expect(written).toBe(computed);
    const fits = parseFits(bytes);
    for (const h of hdus.slice(1)) {
      const ours = Array.from(readImage(fits, h.name).data, (v) => (Number.isNaN(v) ? null : v));
      expect(ours, h.name).toEqual(got.data[h.name!]);
    }
    probe.forEach(([x, y], k) => {
      const [ra, dec] = pixelToSky(wcs, x, y);
      expect(Math.abs(ra - got.world[k][0])).toBeLessThan(1e-9);
      expect(Math.abs(dec - got.world[k][1])).toBeLessThan(1e-9);
    });
    expect(got.request).toBe(hdus[0].header instanceof FitsHeader ? hdus[0].header.getString("REQUEST") : "");
    expect(got.c).toEqual(["median", "p16", "p84"]);
  });

  it.runIf(hasPython)("encodes checksums exactly as astropy does", () => {
    const values = [0, 1, 0xffffffff, 0x12345678, 0xdeadbeef, 2 ** 31, 3240099841];
    const theirs = python<string[]>(
      `from astropy.io import fits\nh = fits.PrimaryHDU()\nprint(json.dumps([h._char_encode(v) for v in data]))`,
      values,
    );
    expect(values.map((v) => encodeChecksum(v, false))).toEqual(theirs);
  });

  it("refuses inconsistent input with the HDU named", () => {
    expect(() => writeFits([{}, { name: "BAD", data: new Float32Array(5), shape: [2, 2] }])).toThrow(
      /HDU 1 \('BAD'\): shape 2×2 needs 4 values, data has 5/,
    );
    expect(() => writeFits([])).toThrow(FitsError);
  });
});

describe("streaming and files", () => {
  const dir = tempDir();
  afterEach(() => {
    vi.useRealTimers();
  });

  it("streams the same bytes as the Buffer writer, in bounded chunks", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-06-01T12:00:00Z"));
    const big: HduInput[] = [{}, { name: "BIG", data: ramp(Float64Array, 600 * 500, (i) => i), shape: [600, 500] }];
    const chunks = [...fitsChunks(big)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1 << 20);
    expect(Buffer.concat(chunks).equals(writeFits(big))).toBe(true);
  });

  it("writes files atomically: no temporary file left, old file replaced", async () => {
    const target = path.join(dir, "atomic.fits");
    await writeFitsFile(target, [{}, { name: "A", data: new Float32Array([1, 2]), shape: [2, 1] }]);
    await writeFitsFile(target, [{}, { name: "B", data: new Float32Array([3, 4]), shape: [2, 1] }]);
    expect(readdirSync(dir)).toEqual(["atomic.fits"]);
    expect(Array.from(readImage(parseFits(readFileSync(target)), "B").data)).toEqual([3, 4]);
  });

  it("leaves the old file untouched when a write fails", async () => {
    const target = path.join(dir, "keep.fits");
    await writeFitsFile(target, [{ data: new Float32Array([5]), shape: [1, 1] }]);
    const before = readFileSync(target);
    await expect(writeFitsFile(target, [{ data: new Float32Array([5]), shape: [2, 1] }])).rejects.toThrow(FitsError);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});

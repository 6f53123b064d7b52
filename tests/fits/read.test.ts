import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { FitsError, FitsHeader, listHdus, parseFits, readFits, readImage, writeFits } from "@/lib/fits";
import { countNaN, hasPython, maxDiff, python, readFloat64, tempDir } from "./helpers";

/** A file astropy writes with every BITPIX, its unsigned conventions, tables in between and cubes. */
const MAKE_FILE = `
import numpy as np
from astropy.io import fits
out, folder = data
rng = np.random.default_rng(42)
shape = (7, 11)
f32 = rng.normal(0, 1e3, shape).astype('>f4'); f32[2, 3] = np.nan; f32[0, 0] = np.inf
f64 = rng.normal(0, 1e-3, shape); f64[1, 1] = np.nan
heap_col = fits.Column(name='V', format='PJ()', array=np.array([np.arange(n, dtype='i4') for n in range(1, 6)], dtype=object))
hdus = [
    fits.PrimaryHDU(rng.integers(0, 256, shape).astype('u1')),
    fits.ImageHDU(rng.integers(-32768, 32767, shape).astype('i2'), name='I16'),
    fits.ImageHDU(rng.integers(-2**31, 2**31 - 1, shape).astype('i4'), name='I32'),
    fits.BinTableHDU.from_columns([heap_col, fits.Column(name='X', format='D', array=np.arange(5.0))], name='VARTABLE'),
    fits.ImageHDU(rng.integers(-2**40, 2**40, shape).astype('i8'), name='I64'),
    fits.TableHDU.from_columns([fits.Column(name='A', format='E12.4', array=np.arange(4.0))], name='ASCII'),
    fits.ImageHDU(f32, name='F32'),
    fits.ImageHDU(f64, name='F64'),
    fits.ImageHDU(rng.integers(0, 65535, shape).astype('u2'), name='U16'),
    fits.ImageHDU(rng.integers(0, 2**32 - 1, shape).astype('u4'), name='U32'),
    fits.ImageHDU(rng.integers(-128, 127, shape).astype('i1'), name='I8'),
    fits.ImageHDU(rng.normal(0, 1, (1,) + shape).astype('f4'), name='DEGENERATE'),
    fits.ImageHDU(rng.normal(0, 1, (3,) + shape).astype('f4'), name='CUBE'),
]
fits.HDUList(hdus).writeto(out, overwrite=True)
summary = []
with fits.open(out) as hl:
    for i, h in enumerate(hl):
        entry = {'index': i, 'name': h.name, 'kind': type(h).__name__, 'bitpix': h.header['BITPIX']}
        if h.is_image and h.data is not None:
            d = np.asarray(h.data, dtype='<f8')
            d.tofile(f'{folder}/hdu{i}.f8')
            entry['dtype'] = str(h.data.dtype)
        summary.append(entry)
print(json.dumps(summary))
`;

describe.runIf(hasPython)("reading files written by astropy", () => {
  const dir = tempDir();
  const file = path.join(dir, "all-types.fits");
  let summary: { index: number; name: string; kind: string; bitpix: number; dtype?: string }[];

  beforeAll(() => {
    summary = python(MAKE_FILE, [file, dir]);
  });

  it("lists every HDU, tables included, skipping them by their size", async () => {
    const fits = await readFits(file);
    const list = listHdus(fits);
    expect(list.map((h) => h.extname ?? "PRIMARY")).toEqual(summary.map((s) => s.name));
    expect(list[3]).toMatchObject({ kind: "bintable", extname: "VARTABLE" });
    expect(list[5]).toMatchObject({ kind: "table", extname: "ASCII" });
    expect(fits.hdus[3].header.getNumber("PCOUNT")).toBeGreaterThan(0); // the heap is skipped too
    expect(fits.trailingBytes).toBe(0);
  });

  it("decodes every BITPIX, BZERO-unsigned types and cubes to astropy's values", async () => {
    const fits = await readFits(file);
    for (const s of summary.filter((x) => x.dtype)) {
      const img = readImage(fits, s.index);
      const expected = readFloat64(path.join(dir, `hdu${s.index}.f8`));
      expect(img.data.length, s.name).toBe(expected.length);
      expect(maxDiff(img.data, expected), s.name).toBe(0);
      expect(img.data instanceof Float64Array, s.name).toBe([32, 64, -64].includes(s.bitpix));
    }
    const deg = readImage(fits, "degenerate");
    expect([deg.width, deg.height, deg.depth]).toEqual([11, 7, 1]);
    const cube = readImage(fits, "CUBE");
    expect([cube.width, cube.height, cube.depth]).toEqual([11, 7, 3]);
    const plane = readImage(fits, "CUBE", { plane: 2 });
    expect(Array.from(plane.data)).toEqual(Array.from(cube.data.subarray(2 * 77)));
  });

  it("keeps NaN and infinities of float images", async () => {
    const f32 = readImage(await readFits(file), "F32");
    expect(f32.data[2 * 11 + 3]).toBeNaN();
    expect(f32.data[0]).toBe(Infinity);
  });

  it("reads astropy's .fits.gz and gzip under a .fits name, by the magic number", async () => {
    python(`from astropy.io import fits\nwith fits.open(data[0]) as h: h.writeto(data[1], overwrite=True)`, [
      file,
      path.join(dir, "copy.fits.gz"),
    ]);
    const gz = await readFits(path.join(dir, "copy.fits.gz"));
    expect(gz.gzipped).toBe(true);
    const disguised = path.join(dir, "really-gzip.fits");
    writeFileSync(disguised, gzipSync(readFileSync(file)));
    const plain = readImage(await readFits(file), "F64").data;
    expect(maxDiff(readImage(gz, "F64").data, plain)).toBe(0);
    expect(maxDiff(readImage(await readFits(disguised), "F64").data, plain)).toBe(0);
  });

  it("refuses a table as an image, naming it", async () => {
    const fits = await readFits(file);
    expect(() => readImage(fits, "VARTABLE")).toThrow(/HDU 3 \(EXTNAME 'VARTABLE'\) is a bintable, not an image/);
    expect(() => readImage(fits, "NOPE")).toThrow(FitsError);
  });

  it("names the HDU of a truncated file", () => {
    const bytes = readFileSync(file);
    const fits = parseFits(bytes, "all-types.fits");
    const i32 = fits.hdus[2];
    expect(() => parseFits(bytes.subarray(0, i32.dataOffset + 100), "cut.fits")).toThrow(
      /^cut\.fits: HDU 2 \(EXTNAME 'I32'\): file truncated, data needs 308 bytes but only 100 are present$/,
    );
    expect(() => parseFits(bytes.subarray(0, i32.headerOffset + 400), "cut.fits")).toThrow(
      /HDU 2: header has no END card/,
    );
    try {
      parseFits(gzipSync(bytes.subarray(0, i32.dataOffset + 4)), "cut.fits.gz");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FitsError);
      expect((e as FitsError).hdu).toBe(2);
    }
  });
});

describe("BSCALE, BZERO and BLANK", () => {
  const dir = tempDir();
  const raw = new Int16Array([-32768, 0, 1, -1, 32767, 100, -32768, 7]);
  const header = new FitsHeader()
    .set("BSCALE", 0.5, "", { float: true })
    .set("BZERO", 10, "", { float: true })
    .set("BLANK", -32768);
  const bytes = writeFits([{ data: raw, shape: [4, 2], header }]);

  it("applies the scaling and turns BLANK into NaN", () => {
    const img = readImage(parseFits(bytes));
    expect(Array.from(img.data)).toEqual([NaN, 10, 10.5, 9.5, 16393.5, 60, NaN, 13.5]);
    expect(countNaN(img.data)).toBe(2);
  });

  it.runIf(hasPython)("agrees with astropy", () => {
    const file = path.join(dir, "scaled.fits");
    writeFileSync(file, bytes);
    const values = python<(number | null)[]>(
      `from astropy.io import fits\nimport numpy as np\nd = fits.getdata(data).astype(float).ravel()\nprint(json.dumps([None if np.isnan(v) else v for v in d]))`,
      file,
    );
    const ours = Array.from(readImage(parseFits(bytes)).data, (v) => (Number.isNaN(v) ? null : v));
    expect(ours).toEqual(values);
  });

  it("ignores BLANK on float images (their blanks are NaN)", () => {
    const h = new FitsHeader().set("BLANK", 0);
    const img = readImage(parseFits(writeFits([{ data: new Float32Array([0, 1]), shape: [2, 1], header: h }])));
    expect(Array.from(img.data)).toEqual([0, 1]);
  });
});

describe("inputs that are not FITS", () => {
  it("says so in one line", () => {
    const html = Buffer.from("<!DOCTYPE HTML PUBLIC>\n<html><body>500 Internal Server Error</body></html>\n");
    expect(() => parseFits(html, "page.fits")).toThrow(new FitsError("page.fits", "not a FITS file (no SIMPLE card)"));
    expect(() => parseFits(Buffer.alloc(0), "empty.fits")).toThrow(/not a FITS file/);
    expect(() => parseFits(Buffer.from([0x1f, 0x8b, 1, 2, 3]), "bad.gz")).toThrow(/gzip data is corrupt/);
  });

  it("ignores bytes after the last HDU that do not start an extension", () => {
    const good = writeFits([{ data: new Float32Array([1, 2, 3]), shape: [3, 1] }]);
    const fits = parseFits(Buffer.concat([good, Buffer.alloc(100)]));
    expect(fits.hdus).toHaveLength(1);
    expect(fits.trailingBytes).toBe(100);
  });
});

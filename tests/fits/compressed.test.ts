import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FitsError, listHdus, readFits, readImage, wcsFromHeader } from "@/lib/fits";
import { riceDecode } from "@/lib/fits/read/rice";
import { hasPython, maxDiff, python, readFloat64, tempDir } from "./helpers";

/**
 * Tile-compressed images made by astropy (which compresses with cfitsio's own code), each with
 * the original and astropy's decompressed pixels dumped beside it.
 */
const MAKE = `
import numpy as np
from astropy.io import fits
out, folder = data
rng = np.random.default_rng(7)
shape = (45, 70)
smooth = (100 + 10 * rng.normal(0, 1, shape) + np.add.outer(np.arange(shape[0]), np.arange(shape[1]))).astype('f4')
zeros = smooth.copy(); zeros[::5, ::3] = 0
hdr = fits.Header(); hdr['CTYPE1'] = 'RA---TAN'; hdr['CTYPE2'] = 'DEC--TAN'; hdr['CRVAL1'] = 10.0; hdr['CRVAL2'] = 20.0
hdr['CRPIX1'] = 35.0; hdr['CRPIX2'] = 22.0; hdr['CDELT1'] = -1e-4; hdr['CDELT2'] = 1e-4; hdr['BUNIT'] = 'nanomaggy'; hdr['ZP'] = 22.5
images = [
    ('RICE_D1', smooth, dict(compression_type='RICE_1', quantize_method=1, dither_seed=123, header=hdr)),
    ('RICE_D2', zeros, dict(compression_type='RICE_1', quantize_method=2, dither_seed=9999)),
    ('RICE_NODITHER', smooth, dict(compression_type='RICE_1', quantize_method=-1)),
    ('RICE_TILES', smooth, dict(compression_type='RICE_1', quantize_method=1, dither_seed=42, tile_size=(16, 10))),
    ('RICE_I16', rng.integers(-32768, 32767, shape).astype('i2'), dict(compression_type='RICE_1')),
    ('RICE_I16_SMOOTH', (np.add.outer(np.arange(45), np.arange(70)) * 3).astype('i2'), dict(compression_type='RICE_1')),
    ('RICE_I32', rng.integers(-2**31, 2**31 - 1, shape).astype('i4'), dict(compression_type='RICE_1')),
    ('RICE_U8', rng.integers(0, 255, shape).astype('u1'), dict(compression_type='RICE_1')),
    ('RICE_CUBE', rng.normal(0, 1, (3,) + shape).astype('f4'), dict(compression_type='RICE_1', quantize_method=1, dither_seed=5)),
    ('GZIP1_F32', smooth, dict(compression_type='GZIP_1', quantize_method=1, dither_seed=77)),
    ('GZIP1_LOSSLESS', smooth, dict(compression_type='GZIP_1', quantize_level=0.0)),
    ('GZIP1_I16', rng.integers(-3000, 3000, shape).astype('i2'), dict(compression_type='GZIP_1')),
    ('GZIP2_F32', smooth, dict(compression_type='GZIP_2', quantize_method=1, dither_seed=3)),
    ('GZIP2_I32', rng.integers(-2**31, 2**31 - 1, shape).astype('i4'), dict(compression_type='GZIP_2')),
    ('HCOMP', smooth, dict(compression_type='HCOMPRESS_1')),
    ('PLIO', rng.integers(0, 1000, shape).astype('i4'), dict(compression_type='PLIO_1')),
]
hl = fits.HDUList([fits.PrimaryHDU()])
for name, d, kw in images:
    hl.append(fits.CompImageHDU(d, name=name, **kw))
hl.writeto(out, overwrite=True)
with fits.open(out) as back:
    for name, d, kw in images:
        np.asarray(d, '<f8').tofile(f'{folder}/{name}.orig.f8')
        if name not in ('HCOMP', 'PLIO'):
            np.asarray(back[name].data, '<f8').tofile(f'{folder}/{name}.astropy.f8')
steps = {}
with fits.open(out, disable_image_compression=True) as raw:
    for name, _, _ in images:
        t = raw[name].data
        steps[name] = float(np.nanmax(t['ZSCALE'])) if 'ZSCALE' in t.columns.names else 0.0
print(json.dumps({'names': [n for n, _, _ in images], 'steps': steps}))
`;

describe.runIf(hasPython)("tile-compressed images made by astropy", () => {
  const dir = tempDir();
  const file = path.join(dir, "compressed.fits");
  let names: string[];
  /** Largest quantisation step (ZSCALE) of each HDU; 0 for lossless ones. */
  let steps: Record<string, number>;

  beforeAll(() => {
    ({ names, steps } = python(MAKE, [file, dir]));
  });

  const decoded = [
    "RICE_D1",
    "RICE_D2",
    "RICE_NODITHER",
    "RICE_TILES",
    "RICE_I16",
    "RICE_I16_SMOOTH",
    "RICE_I32",
    "RICE_U8",
    "RICE_CUBE",
    "GZIP1_F32",
    "GZIP1_LOSSLESS",
    "GZIP1_I16",
    "GZIP2_F32",
    "GZIP2_I32",
  ];

  it("lists them as compressed images with their algorithm", async () => {
    const list = listHdus(await readFits(file));
    expect(list.slice(1).map((h) => h.extname)).toEqual(names);
    expect(list[1]).toMatchObject({ kind: "compressed-image", compression: "RICE_1", bitpix: -32, axes: [70, 45] });
    expect(list.find((h) => h.extname === "HCOMP")?.compression).toBe("HCOMPRESS_1");
  });

  it.each(decoded)("%s decompresses to astropy's values", async (name) => {
    const img = readImage(await readFits(file), name);
    const theirs = readFloat64(path.join(dir, `${name}.astropy.f8`));
    expect(maxDiff(img.data, theirs)).toBe(0);
    const original = readFloat64(path.join(dir, `${name}.orig.f8`));
    // Quantised floats are within half a quantisation step of the original; the rest is exact.
    expect(maxDiff(img.data, original)).toBeLessThanOrEqual(steps[name] / 2 + 1e-4);
    if (img.bitpix < 0 && name !== "GZIP1_LOSSLESS") expect(steps[name]).toBeGreaterThan(0);
    if (name === "RICE_D2") {
      // SUBTRACTIVE_DITHER_2 keeps exact zeros exact.
      original.forEach((v, i) => v === 0 && expect(img.data[i]).toBe(0));
    }
  });

  it("rebuilds the image header: BITPIX, NAXISn, EXTNAME and the WCS, without table keywords", async () => {
    const img = readImage(await readFits(file), "RICE_D1");
    const keys = img.header.cards.map((c) => c.keyword);
    expect(keys.slice(0, 7)).toEqual(["XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "PCOUNT", "GCOUNT"]);
    expect(img.header.getNumber("BITPIX")).toBe(-32);
    expect(
      keys.filter((k) => /^(Z(IMAGE|CMPTYPE|BITPIX|NAXIS|TILE|NAME|VAL|QUANTIZ|DITHER)|T(TYPE|FORM)|TFIELDS)/.test(k)),
    ).toEqual([]);
    expect(img.header.getString("BUNIT")).toBe("nanomaggy");
    expect(img.header.getNumber("ZP")).toBe(22.5); // a science keyword that merely starts with Z
    expect(wcsFromHeader(img.header).crval).toEqual([10, 20]);
  });

  it.each([
    ["HCOMP", "HCOMPRESS_1", 15],
    ["PLIO", "PLIO_1", 16],
  ])("refuses %s, naming the file, the HDU and the algorithm", async (name, algorithm, index) => {
    const fits = await readFits(file);
    expect(() => readImage(fits, name)).toThrow(FitsError);
    expect(() => readImage(fits, name)).toThrow(
      `compressed.fits: HDU ${index} (EXTNAME '${name}'): tile compression '${algorithm}' is not supported (only RICE_1, GZIP_1, GZIP_2)`,
    );
  });

  it("reports a corrupt tile with the HDU and tile number", async () => {
    const bytes = Buffer.from(readFileSync(file));
    const fits = await readFits(bytes, "broken.fits");
    const hdu = fits.hdus.find((h) => h.extname === "RICE_I32")!;
    // Cut the heap of this HDU short by pointing row 1's descriptor at a 2-byte array.
    bytes.writeInt32BE(2, hdu.dataOffset);
    expect(() => readImage(fits, "RICE_I32")).toThrow(
      /broken\.fits: HDU 7 \(EXTNAME 'RICE_I32'\): tile 1: RICE_1 stream ends early/,
    );
  });
});

describe("Rice decoding", () => {
  it("decodes a hand-made stream: first pixel, a zero block, then k = 1 codes", () => {
    // bytePix 1, blockSize 4: first pixel 10; block 1 code 0 (all equal); block 2 code fs+1 = 2
    // (k = 1) with differences +1, −1, 0, +2 → zig-zag 2, 1, 0, 4 → q = z >> 1 zeros, a 1, z & 1.
    const bits = "000" + "010" + "010" + "11" + "10" + "0010";
    const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, "0");
    const bytes = [10, ...padded.match(/.{8}/g)!.map((b) => parseInt(b, 2))];
    const out = riceDecode(Uint8Array.from(bytes), 8, 4, 1);
    expect(Array.from(out)).toEqual([10, 10, 10, 10, 11, 10, 10, 12]);
  });
});

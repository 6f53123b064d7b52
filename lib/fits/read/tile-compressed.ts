import { FitsError, describeHdu } from "@/lib/fits/errors";
import { FitsHeader } from "@/lib/fits/header/fits-header";
import { isStorageKeyword } from "@/lib/fits/header/reserved";
import { type Column, readNumber, tableColumns } from "./bintable";
import { type DequantizeParams, type Quantize, dequantize } from "./dither";
import type { HduInfo } from "./hdu-layout";
import { type PixelArray, scaler, scalingFromHeader } from "./image-decode";
import { type DecodedTile, type TileSource, decodeTile } from "./tile-codecs";
import { forEachTilePixel, tileGrid } from "./tiles";

/** Algorithms we decode. PLIO_1 and HCOMPRESS_1 are rare in optical/IR cutouts; we refuse them. */
const SUPPORTED = new Set(["RICE_1", "RICE_ONE", "GZIP_1", "GZIP_2", "NOCOMPRESS"]);

/** The header of the image inside a compressed HDU (Z-keywords turned back into image keywords). */
export function imageHeaderOf(hdu: HduInfo): FitsHeader {
  const h = hdu.header;
  const out = new FitsHeader()
    .set("XTENSION", "IMAGE", "Image extension")
    .set("BITPIX", hdu.bitpix)
    .set("NAXIS", hdu.axes.length);
  hdu.axes.forEach((n, i) => out.set(`NAXIS${i + 1}`, n));
  out.set("PCOUNT", h.getNumber("ZPCOUNT") ?? 0).set("GCOUNT", h.getNumber("ZGCOUNT") ?? 1);
  for (const card of h.cards) if (!isStorageKeyword(card.keyword)) out.append(card);
  return out;
}

/** ZNAMEi/ZVALi pairs, e.g. BLOCKSIZE and BYTEPIX for Rice. */
function compressionParams(h: FitsHeader): Map<string, number> {
  const params = new Map<string, number>();
  for (let i = 1; h.has(`ZNAME${i}`); i++) {
    const value = h.getNumber(`ZVAL${i}`);
    if (value !== undefined) params.set((h.getString(`ZNAME${i}`) ?? "").trim().toUpperCase(), value);
  }
  return params;
}

/**
 * Decompresses a tile-compressed image HDU (FITS 4.0 §10) into `out`, in FITS pixel order.
 * Integer images get BSCALE/BZERO/BLANK (or ZBLANK) applied; quantised floats are dequantised.
 */
export function decodeCompressedImage(bytes: Uint8Array, hdu: HduInfo, file: string, out: PixelArray): void {
  const where = describeHdu(hdu.index, hdu.extname);
  const cmp = hdu.compression ?? "";
  if (!SUPPORTED.has(cmp)) {
    throw new FitsError(
      file,
      `${where}: tile compression '${cmp}' is not supported (only RICE_1, GZIP_1, GZIP_2)`,
      hdu.index,
    );
  }
  const h = hdu.header;
  const columns = tableColumns(hdu, file);
  const col = (name: string): Column | undefined => columns.find((c) => c.name === name);
  const data = col("COMPRESSED_DATA");
  if (!data) throw new FitsError(file, `${where}: compressed image without a COMPRESSED_DATA column`, hdu.index);

  const rowBytes = h.getNumber("NAXIS1") ?? 0;
  const rows = h.getNumber("NAXIS2") ?? 0;
  const src: TileSource = {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    rowStart: (row) => hdu.dataOffset + row * rowBytes,
    heap: hdu.dataOffset + (h.getNumber("THEAP") ?? rowBytes * rows),
  };
  const grid = tileGrid(hdu.axes, h);
  if (grid.count !== rows) {
    throw new FitsError(file, `${where}: ${rows} table rows for ${grid.count} tiles`, hdu.index);
  }
  const params = compressionParams(h);
  const zscale = col("ZSCALE");
  const zzero = col("ZZERO");
  const zblankCol = col("ZBLANK");
  const quantized = hdu.bitpix < 0 && (zscale !== undefined || h.has("ZSCALE"));
  const method = (h.getString("ZQUANTIZ") ?? "NO_DITHER").trim().toUpperCase() as Quantize;
  const integerScale = scaler(scalingFromHeader(imageHeaderOf(hdu), hdu.bitpix));
  const zblankKey = h.getNumber("ZBLANK");

  for (let row = 0; row < rows; row++) {
    const pixels = grid.pixelsIn(row);
    const rowStart = src.rowStart(row);
    let tile: DecodedTile;
    try {
      tile = decodeTile(src, rowStart, columns, data, cmp, pixels, params, hdu.bitpix, quantized);
    } catch (e) {
      if (e instanceof FitsError) throw e;
      throw new FitsError(file, `${where}: tile ${row + 1}: ${(e as Error).message}`, hdu.index, { cause: e });
    }
    const blank = zblankCol ? readNumber(src.view, rowStart, zblankCol) : zblankKey;
    const values = tile.values;
    let physical: ArrayLike<number>;
    if (quantized && !tile.float) {
      const p: DequantizeParams = {
        method,
        scale: zscale ? readNumber(src.view, rowStart, zscale) : (h.getNumber("ZSCALE") ?? 1),
        zero: zzero ? readNumber(src.view, rowStart, zzero) : (h.getNumber("ZZERO") ?? 0),
        seed: h.getNumber("ZDITHER0") ?? 1,
        tile: row + 1,
        blank,
      };
      const floats = new Float64Array(pixels);
      dequantize(values, p, floats);
      physical = floats;
    } else if (hdu.bitpix > 0) {
      const floats = new Float64Array(pixels);
      for (let i = 0; i < pixels; i++) floats[i] = values[i] === blank ? NaN : integerScale(values[i]);
      physical = floats;
    } else {
      physical = values; // lossless floats
    }
    forEachTilePixel(grid, row, (tileIndex, imageIndex) => {
      out[imageIndex] = physical[tileIndex];
    });
  }
}

import { FitsError, describeHdu } from "@/lib/fits/errors";
import type { FitsHeader } from "@/lib/fits/header/fits-header";
import type { HduInfo } from "./hdu-layout";
import {
  type PixelArray,
  type PixelType,
  allocatePixels,
  decodePixels,
  defaultPixelType,
  scalingFromHeader,
} from "./image-decode";
import type { FitsFile } from "./read-fits";
import { decodeCompressedImage, imageHeaderOf } from "./tile-compressed";

/**
 * An image in FITS order: data[x + width·(y + height·z)], row y = 0 being the first row in the
 * file, which is the bottom of the image as displayed. Missing pixels are NaN.
 */
export interface FitsImage {
  hdu: number;
  extname?: string;
  /** The image header (for a compressed HDU: rebuilt from the Z-keywords). */
  header: FitsHeader;
  /** BITPIX as stored, before scaling. */
  bitpix: number;
  axes: number[];
  width: number;
  height: number;
  /** Planes: NAXIS3 × NAXIS4 × …, 1 for a 2-D image or a degenerate third axis. */
  depth: number;
  data: PixelArray;
}

export interface ReadImageOptions {
  /** Default: float32 for BITPIX 8, 16, −32; float64 for 32, 64, −64. */
  type?: PixelType;
  /** Read only this plane (0-based) of a cube. */
  plane?: number;
}

function isImage(hdu: HduInfo): boolean {
  return (
    (hdu.kind === "image" || hdu.kind === "compressed-image") && hdu.axes.length > 0 && hdu.axes.every((n) => n > 0)
  );
}

/** The HDU asked for: by index, by EXTNAME (case-insensitive), or else the first image. */
export function findImageHdu(file: FitsFile, which?: number | string): HduInfo {
  let hdu: HduInfo | undefined;
  if (which === undefined) {
    hdu = file.hdus.find(isImage);
    if (!hdu) throw new FitsError(file.name, "no image HDU in the file");
  } else if (typeof which === "number") {
    hdu = file.hdus[which];
    if (!hdu) throw new FitsError(file.name, `no HDU ${which} (the file has ${file.hdus.length})`);
  } else {
    const wanted = which.trim().toUpperCase();
    hdu = file.hdus.find((h) => h.extname?.toUpperCase() === wanted);
    if (!hdu) throw new FitsError(file.name, `no HDU with EXTNAME '${which}'`);
  }
  if (!isImage(hdu)) {
    const what = hdu.kind === "image" ? "no image data (NAXIS = 0)" : `a ${hdu.kind}, not an image`;
    throw new FitsError(file.name, `${describeHdu(hdu.index, hdu.extname)} is ${what}`, hdu.index);
  }
  return hdu;
}

export function readImage(file: FitsFile, which?: number | string, options: ReadImageOptions = {}): FitsImage {
  const hdu = findImageHdu(file, which);
  const [width, height = 1, ...rest] = hdu.axes;
  const depth = rest.reduce((a, b) => a * b, 1);
  const planeSize = width * height;
  const type = options.type ?? defaultPixelType(hdu.bitpix);
  const header = hdu.kind === "compressed-image" ? imageHeaderOf(hdu) : hdu.header;
  const base = { hdu: hdu.index, extname: hdu.extname, header, bitpix: hdu.bitpix, axes: [...hdu.axes], width, height };

  const { plane } = options;
  if (plane !== undefined && !(Number.isInteger(plane) && plane >= 0 && plane < depth)) {
    throw new FitsError(
      file.name,
      `${describeHdu(hdu.index, hdu.extname)}: no plane ${plane} (depth ${depth})`,
      hdu.index,
    );
  }
  if (hdu.kind === "compressed-image") {
    const all = allocatePixels(type, planeSize * depth);
    decodeCompressedImage(file.bytes, hdu, file.name, all);
    if (plane === undefined) return { ...base, depth, data: all };
    return { ...base, depth: 1, data: all.slice(plane * planeSize, (plane + 1) * planeSize) };
  }
  const count = plane === undefined ? planeSize * depth : planeSize;
  const data = allocatePixels(type, count);
  const start = hdu.dataOffset + (plane ?? 0) * planeSize * (Math.abs(hdu.bitpix) / 8);
  decodePixels(file.bytes, start, count, hdu.bitpix, scalingFromHeader(hdu.header, hdu.bitpix), data);
  return { ...base, depth: plane === undefined ? depth : 1, data };
}

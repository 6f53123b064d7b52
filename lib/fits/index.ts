/**
 * FITS I/O for the portal: read images (plain, gzip, tile-compressed), parse and write headers,
 * evaluate 2-D celestial WCS, write multi-extension files with checksums, and reproject images
 * between grids. Everything but the file readers/writers is pure; client components that only
 * need WCS maths should import "@/lib/fits/wcs" so no node: module reaches the browser bundle.
 */
export { FitsError } from "./errors";

export type { CardKind, CardValue, FitsCard } from "./header/card";
export { formatCard, formatValue } from "./header/card-format";
export { parseCard, parseValueField } from "./header/card-parse";
export { FitsHeader } from "./header/fits-header";

export type { HduInfo, HduKind } from "./read/hdu-layout";
export type { PixelArray, PixelType } from "./read/image-decode";
export { type FitsFile, type HduSummary, listHdus, parseFits, readFits } from "./read/read-fits";
export { type FitsImage, type ReadImageOptions, readImage } from "./read/read-image";

export * from "./wcs";

export type { ImageArray } from "./write/data-encode";
export type { HduInput } from "./write/hdu-header";
export { fitsChunks, fitsSize, writeFits } from "./write/write-fits";
export { writeFitsFile } from "./write/write-file";

export { type ReprojectOptions, type ReprojectResult, reproject } from "./reproject";

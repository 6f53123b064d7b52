/**
 * FITS I/O for the portal: read images (plain, gzip, tile-compressed), parse and write headers,
 * evaluate 2-D celestial WCS, write multi-extension files with checksums, and reproject images
 * between grids. Everything but the file readers/writers is pure; client components that only
 * need WCS maths should import "@/lib/fits/wcs" so no node: module reaches the browser bundle.
 */
export { FitsError } from "./errors";

export { formatCard, formatValue } from "./header/card-format";
export { parseCard } from "./header/card-parse";
export { FitsHeader } from "./header/fits-header";

export { listHdus, parseFits, readFits } from "./read/read-fits";
export { type FitsImage, readImage } from "./read/read-image";

export * from "./wcs";

export type { HduInput } from "./write/hdu-header";
export { fitsChunks, fitsSize, writeFits } from "./write/write-fits";
export { writeFitsFile } from "./write/write-file";

export { reproject } from "./reproject";

/** WCS maths only: pure, safe to import from client components. */
export type { ProjectionCode, Wcs } from "./types";
export { cutoutWcs, cutoutWcsCards, wcsCards, withoutWcs } from "./cards";
export { wcsFromHeader } from "./from-header";
export { angularDistance, footprint, pixelScaleArcsec } from "./geometry";
export { pixelToSky, pixelToSkyFn, skyToPixel, skyToPixelFn } from "./transform";

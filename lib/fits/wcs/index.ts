/** WCS maths only: pure, safe to import from client components. */
export type { Wcs } from "./types";
export { cutoutWcs, wcsCards, withoutWcs } from "./cards";
export { wcsFromHeader } from "./from-header";
export { footprint, pixelScaleArcsec } from "./geometry";
export { pixelToSky, skyToPixel } from "./transform";

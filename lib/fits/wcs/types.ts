/**
 * A 2-D celestial world coordinate system (Greisen & Calabretta 2002, Paper I; Calabretta &
 * Greisen 2002, Paper II), reduced to one normal form so that it can be stored as JSON in the
 * database and compared: the linear part is always a CD matrix in degrees, NCP is stored as its
 * modern equivalent SIN with PV2_2, and LONPOLE/LATPOLE are resolved to the values in use.
 *
 * CRPIX is kept in the FITS convention (first pixel centre = 1.0), as it is written in headers;
 * the functions taking pixel coordinates use the portal's 0-based convention (FITS 1.0 = our 0.0).
 */
export interface Wcs {
  /** CTYPE1, CTYPE2, e.g. ["RA---TAN", "DEC--TAN"]; the longitude axis may come second. */
  ctype: [string, string];
  /** CRPIX1, CRPIX2 (FITS, 1-based). */
  crpix: [number, number];
  /** CRVAL1, CRVAL2 in degrees. */
  crval: [number, number];
  /** CDi_j in degrees per pixel: cd[i-1][j-1]. */
  cd: [[number, number], [number, number]];
  /** PVk_m of the latitude axis k, indexed by m (SIN uses m = 1, 2: ξ, η). Omitted when all zero. */
  pv?: number[];
  /** Native longitude of the celestial pole (degrees). */
  lonpole: number;
  /** Native latitude of the celestial pole (degrees), as resolved by Paper II §2.4. */
  latpole: number;
  /** RADESYS for equatorial systems: ICRS, FK5, FK4… */
  radesys?: string;
  /** EQUINOX (Julian/Besselian year) where the frame needs one. */
  equinox?: number;
}

/** Projection codes we can evaluate; NCP is read as SIN. */
export const PROJECTIONS = ["TAN", "SIN", "ARC", "STG", "ZEA", "CAR"] as const;
export type ProjectionCode = (typeof PROJECTIONS)[number];

/** Which of the two axes is longitude, and the projection code, from CTYPE. */
export function axesOf(wcs: Pick<Wcs, "ctype">): { lng: 0 | 1; lat: 0 | 1; code: ProjectionCode } {
  const lng = isLatitude(wcs.ctype[0]) ? 1 : 0;
  return { lng, lat: lng === 0 ? 1 : 0, code: wcs.ctype[0].slice(5, 8) as ProjectionCode };
}

/** RA and the *LON types are longitudes; DEC and *LAT latitudes (Paper II §5 naming). */
export function isLatitude(ctype: string): boolean {
  const axis = ctype.slice(0, 4).replace(/-+$/, "");
  return axis === "DEC" || axis.endsWith("LAT");
}

export function isLongitude(ctype: string): boolean {
  const axis = ctype.slice(0, 4).replace(/-+$/, "");
  return axis === "RA" || axis.endsWith("LON");
}

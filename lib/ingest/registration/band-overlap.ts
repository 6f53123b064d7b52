// A band whose image lies elsewhere on the sky (a wrong file) would be resampled into an all-NaN
// layer and registered without a word, so it is refused before anything is written, with both
// footprints for the operator to see which file is off. Partial overlap is fine: the rest is NaN.
import { footprint, pixelToSky, skyToPixel, type Wcs } from "@/lib/fits";
import { RegistrationError, type BandImage } from "./collect-bands";
import type { Grid } from "./common-grid";

type Point = [number, number];

export function checkOverlap(bands: BandImage[], grid: Grid): void {
  for (const band of bands) {
    if (overlaps(band, grid)) continue;
    const role = band.role === "image" ? "" : band.role === "snr" ? " SNR" : " uncertainty";
    throw new RegistrationError(
      `band ${band.filter.name}${role} (${band.source}) covers ${skyRanges(footprint(band.wcs, band.width, band.height))}, ` +
        `which does not overlap the galaxy's ${skyRanges(footprint(grid.wcs, grid.width, grid.height))}`,
    );
  }
}

/**
 * Two steps, because projecting far-away points into the galaxy's grid is meaningless (behind a
 * TAN plane, off a SIN disc): footprints whose enclosing circles on the sphere are apart cannot
 * meet; otherwise the band's corners are taken into the galaxy's pixel plane (straight edges, as
 * both are small) and the two quadrilaterals tested. Whatever cannot be decided counts as overlap.
 */
function overlaps(band: BandImage, grid: Grid): boolean {
  const a = cap(band.wcs, band.width, band.height);
  const b = cap(grid.wcs, grid.width, grid.height);
  if (separation(a.centre, b.centre) > a.radius + b.radius) return false;
  const corners = footprint(band.wcs, band.width, band.height).map(([ra, dec]) => skyToPixel(grid.wcs, ra, dec));
  if (corners.flat().some((v) => !Number.isFinite(v))) return true;
  const [w, h] = [grid.width - 0.5, grid.height - 0.5];
  return convexPolygonsMeet(corners, [
    [-0.5, -0.5],
    [-0.5, h],
    [w, h],
    [w, -0.5],
  ]);
}

/** The circle on the sky around an image: its centre and the distance to its farthest corner. */
function cap(wcs: Wcs, width: number, height: number): { centre: Point; radius: number } {
  const centre = pixelToSky(wcs, (width - 1) / 2, (height - 1) / 2);
  const radius = Math.max(...footprint(wcs, width, height).map((c) => separation(centre, c)));
  return { centre, radius: Number.isNaN(radius) ? Infinity : radius };
}

/** Great-circle distance in degrees (haversine: exact at the arcsecond scales of a cutout). */
function separation([ra1, dec1]: Point, [ra2, dec2]: Point): number {
  const r = Math.PI / 180;
  const s =
    Math.sin(((dec2 - dec1) * r) / 2) ** 2 +
    Math.cos(dec1 * r) * Math.cos(dec2 * r) * Math.sin(((ra2 - ra1) * r) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(s)))) / r;
}

/** Separating-axis test: two convex polygons are apart iff some edge normal separates them. */
function convexPolygonsMeet(a: Point[], b: Point[]): boolean {
  for (const polygon of [a, b])
    for (const [i, [x1, y1]] of polygon.entries()) {
      const [x2, y2] = polygon[(i + 1) % polygon.length];
      const along = (p: Point[]) => p.map(([x, y]) => x * (y2 - y1) - y * (x2 - x1));
      const [pa, pb] = [along(a), along(b)];
      if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
    }
  return true;
}

/** "RA 150.000–150.033°, Dec 1.983–2.017°", across RA 0° as 359.990–0.010. */
function skyRanges(corners: Point[]): string {
  const ras = corners.map(([ra]) => ra);
  const wraps = Math.max(...ras) - Math.min(...ras) > 180;
  const ra = ras.map((v) => (wraps && v < 180 ? v + 360 : v));
  const dec = corners.map(([, d]) => d);
  const deg = (v: number) => v.toFixed(3).replace("-", "−");
  return `RA ${deg(Math.min(...ra) % 360)}–${deg(Math.max(...ra) % 360)}°, Dec ${deg(Math.min(...dec))}–${deg(Math.max(...dec))}°`;
}

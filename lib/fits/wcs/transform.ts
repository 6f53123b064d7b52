import { type NativePole, celestialToNative, nativePole, nativeToCelestial } from "./celestial";
import { type Projection, projection } from "./projections";
import { type Wcs, axesOf } from "./types";

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** What a Wcs turns into for evaluation: precomputed once per Wcs object. */
interface Compiled {
  crpix: [number, number];
  cd: number[];
  inv: number[];
  lng: 0 | 1;
  proj: Projection;
  pole: NativePole;
}

// Wcs objects are plain data treated as immutable; compiling once per object keeps
// pixelToSky cheap in loops without making callers carry a second object around.
const cache = new WeakMap<Wcs, Compiled>();

function compile(wcs: Wcs): Compiled {
  const hit = cache.get(wcs);
  if (hit) return hit;
  const { lng, lat, code } = axesOf(wcs);
  const proj = projection(code, wcs.pv);
  const [[a, b], [c, d]] = wcs.cd;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || det === 0) throw new Error("WCS CD matrix is singular");
  const theta0 = proj.theta0 * R2D;
  const compiled: Compiled = {
    crpix: wcs.crpix,
    cd: [a, b, c, d],
    inv: [d / det, -b / det, -c / det, a / det],
    lng,
    proj,
    pole: nativePole(wcs.crval[lng], wcs.crval[lat], theta0, wcs.lonpole, wcs.latpole),
  };
  cache.set(wcs, compiled);
  return compiled;
}

/**
 * 0-based pixel (x, y) → [longitude, latitude] in degrees (RA in [0, 360)); NaN for pixels that
 * do not map onto the sphere (outside a SIN disc, for example).
 */
export function pixelToSky(wcs: Wcs, x: number, y: number): [number, number] {
  const out = [0, 0];
  pixelToSkyInto(compile(wcs), x, y, out);
  return [out[0], out[1]];
}

/** [longitude, latitude] in degrees → 0-based pixel (x, y); NaN where the projection is undefined. */
export function skyToPixel(wcs: Wcs, lon: number, lat: number): [number, number] {
  const out = [0, 0];
  skyToPixelInto(compile(wcs), lon, lat, out);
  return [out[0], out[1]];
}

/**
 * A transform bound to one Wcs writing into a caller's array, for loops over millions of points
 * (reprojection) where allocating a pair per point would dominate.
 */
export function pixelToSkyFn(wcs: Wcs): (x: number, y: number, out: number[]) => void {
  const c = compile(wcs);
  return (x, y, out) => pixelToSkyInto(c, x, y, out);
}

export function skyToPixelFn(wcs: Wcs): (lon: number, lat: number, out: number[]) => void {
  const c = compile(wcs);
  return (lon, lat, out) => skyToPixelInto(c, lon, lat, out);
}

function pixelToSkyInto(c: Compiled, x: number, y: number, out: number[]): void {
  // Intermediate world coordinates (Paper I eq. 1), FITS pixel = ours + 1.
  const u = x + 1 - c.crpix[0];
  const v = y + 1 - c.crpix[1];
  const w0 = c.cd[0] * u + c.cd[1] * v;
  const w1 = c.cd[2] * u + c.cd[3] * v;
  const px = c.lng === 0 ? w0 : w1;
  const py = c.lng === 0 ? w1 : w0;
  c.proj.toNative(px * D2R, py * D2R, out);
  if (Number.isNaN(out[1])) {
    out[0] = out[1] = NaN;
    return;
  }
  nativeToCelestial(out[0], out[1], c.pole, out);
  const lon = (out[0] * R2D) % 360;
  out[0] = lon < 0 ? lon + 360 : lon;
  out[1] *= R2D;
}

function skyToPixelInto(c: Compiled, lon: number, lat: number, out: number[]): void {
  celestialToNative(lon * D2R, lat * D2R, c.pole, out);
  // Projections with a φ range (CAR) need φ in (−180°, 180°]; zenithal ones do not care.
  out[0] = Math.atan2(Math.sin(out[0]), Math.cos(out[0]));
  c.proj.fromNative(out[0], out[1], out);
  const px = out[0] * R2D;
  const py = out[1] * R2D;
  const w0 = c.lng === 0 ? px : py;
  const w1 = c.lng === 0 ? py : px;
  out[0] = c.inv[0] * w0 + c.inv[1] * w1 + c.crpix[0] - 1;
  out[1] = c.inv[2] * w0 + c.inv[3] * w1 + c.crpix[1] - 1;
}

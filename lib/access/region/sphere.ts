/** Unit vectors on the celestial sphere, for the region shapes (degrees at the edges). */
const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

export type Vec = [number, number, number];

export function toVec(ra: number, dec: number): Vec {
  const a = ra * D2R;
  const d = dec * D2R;
  return [Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)];
}

export function toRaDec(v: Vec): [number, number] {
  const ra = Math.atan2(v[1], v[0]) * R2D;
  const dec = Math.atan2(v[2], Math.hypot(v[0], v[1])) * R2D;
  return [ra < 0 ? ra + 360 : ra, dec];
}

export const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Angle between two unit vectors in degrees (atan2 form: accurate at all angles). */
export function angleBetween(a: Vec, b: Vec): number {
  const cross = Math.hypot(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
  return Math.atan2(cross, dot(a, b)) * R2D;
}

export function normalize(v: Vec): Vec {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** The point `t` of the way along the great-circle arc from a to b (spherical interpolation). */
export function slerp(a: Vec, b: Vec, t: number): Vec {
  const omega = angleBetween(a, b) * D2R;
  if (omega < 1e-12) return a;
  const s = Math.sin(omega);
  const wa = Math.sin((1 - t) * omega) / s;
  const wb = Math.sin(t * omega) / s;
  return [wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]];
}

/** The point at angular distance `distance` from (ra, dec) in position angle `angle` (degrees, east of north). */
export function destination(ra: number, dec: number, distance: number, angle: number): [number, number] {
  const d = dec * D2R;
  const r = distance * D2R;
  const p = angle * D2R;
  const sinDec = Math.sin(d) * Math.cos(r) + Math.cos(d) * Math.sin(r) * Math.cos(p);
  const dec2 = Math.asin(Math.max(-1, Math.min(1, sinDec)));
  const ra2 = ra * D2R + Math.atan2(Math.sin(p) * Math.sin(r) * Math.cos(d), Math.cos(r) - Math.sin(d) * sinDec);
  const raDeg = (((ra2 * R2D) % 360) + 360) % 360;
  return [raDeg, dec2 * R2D];
}

/**
 * Gnomonic (tangent-plane) coordinates of v about the unit vector `centre`: great circles become
 * straight lines, so a spherical polygon's inside is a plane polygon's. Null beyond 90°.
 */
export function gnomonic(centre: Vec, v: Vec): [number, number] | null {
  const c = dot(centre, v);
  if (c <= 1e-12) return null;
  // East and north unit vectors at the centre (any orthonormal pair would do; these are stable away from the poles).
  const east = normalize(Math.abs(centre[2]) < 0.999 ? [-centre[1], centre[0], 0] : [1, 0, 0]);
  const north: Vec = [
    centre[1] * east[2] - centre[2] * east[1],
    centre[2] * east[0] - centre[0] * east[2],
    centre[0] * east[1] - centre[1] * east[0],
  ];
  return [dot(v, east) / c, dot(v, north) / c];
}

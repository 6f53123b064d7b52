/**
 * The sky regions as shapes: whether a position is inside, and the boundary as edges (each a
 * curve t ∈ [0, 1] → RA, Dec of bounded length), which `region-box.ts` samples near the image.
 */
import { UsageError } from "@/lib/access/http/usage-error";
import { angularDistance } from "@/lib/access/sky/great-circle";
import type { SkyRegion } from "./region-types";
import { angleBetween, destination, gnomonic, normalize, slerp, toRaDec, toVec, type Vec } from "./sphere";

export interface Edge {
  /** an upper bound on its length in degrees, with the point moving at a near-constant speed */
  length: number;
  at(t: number): [number, number];
}

export interface Shape {
  contains(ra: number, dec: number): boolean;
  edges: Edge[];
}

/** Degrees east from `from` to `to` (350 → 10 is 20; 0 → 360 is 360). */
function eastwardSpan(from: number, to: number): number {
  return (((to - from) % 360) + 360) % 360 || (to === from ? 0 : 360);
}

/** RA `ra` within the eastward interval from `from` to `to` (which may cross 0). */
function raWithin(ra: number, from: number, to: number): boolean {
  return (((ra - from) % 360) + 360) % 360 <= eastwardSpan(from, to);
}

function circle(r: Extract<SkyRegion, { kind: "circle" }>): Shape {
  const circumference = 2 * Math.PI * Math.sin((Math.min(r.radius, 90) * Math.PI) / 180) * (180 / Math.PI);
  return {
    contains: (ra, dec) => angularDistance(r.ra, r.dec, ra, dec) <= r.radius,
    edges: [{ length: Math.max(circumference, 1e-9), at: (t) => destination(r.ra, r.dec, r.radius, 360 * t) }],
  };
}

function range(r: Extract<SkyRegion, { kind: "range" }>): Shape {
  const [from, to] = r.ra;
  const [lo, hi] = r.dec;
  const span = r.allRa ? 360 : eastwardSpan(from, to);
  const parallel = (dec: number): Edge => ({
    length: span * Math.cos((dec * Math.PI) / 180) + 1e-9,
    at: (t) => [(from + span * t) % 360, dec],
  });
  const meridian = (ra: number): Edge => ({ length: hi - lo + 1e-9, at: (t) => [ra, lo + (hi - lo) * t] });
  return {
    contains: (ra, dec) => dec >= lo && dec <= hi && (r.allRa || raWithin(ra, from, to)),
    edges: r.allRa ? [parallel(lo), parallel(hi)] : [parallel(lo), parallel(hi), meridian(from), meridian(to)],
  };
}

function polygon(r: Extract<SkyRegion, { kind: "polygon" }>): Shape {
  const corners = r.vertices.map(([ra, dec]) => toVec(ra, dec));
  const centre = normalize(corners.reduce<Vec>((s, v) => [s[0] + v[0], s[1] + v[1], s[2] + v[2]], [0, 0, 0]));
  if (corners.some((v) => angleBetween(centre, v) >= 89))
    throw new UsageError("POLYGON is too large: every vertex must be within 89° of the polygon's centre");
  const plane = corners.map((v) => gnomonic(centre, v)!);
  const contains = (ra: number, dec: number): boolean => {
    const p = gnomonic(centre, toVec(ra, dec));
    if (!p) return false;
    let inside = false;
    for (let i = 0, j = plane.length - 1; i < plane.length; j = i++) {
      const [xi, yi] = plane[i];
      const [xj, yj] = plane[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const edges = corners.map((a, i): Edge => {
    const b = corners[(i + 1) % corners.length];
    return { length: angleBetween(a, b) + 1e-9, at: (t) => toRaDec(slerp(a, b, t)) };
  });
  return { contains, edges };
}

export function shapeOf(region: SkyRegion): Shape {
  if (region.kind === "circle") return circle(region);
  if (region.kind === "range") return range(region);
  return polygon(region);
}

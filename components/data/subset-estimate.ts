// The size of a subset before it is asked for, for the form's "at once or a job" (the server has
// the last word: a circle's box is estimated here from the pixel scale).
import type { RegionChoice } from "@/lib/access/subset/soda-query";
import type { RegionFieldsValue } from "./region-fields";

export type GalaxyGrid = { width: number; height: number; pixelScale: number };

export function regionChoice(v: RegionFieldsValue): RegionChoice | string {
  if (v.kind === "all") return { kind: "all" };
  if (v.kind === "pixels") {
    const [x1, x2, y1, y2] = [v.x1, v.x2, v.y1, v.y2].map(Number);
    if (![x1, x2, y1, y2].every((n) => Number.isInteger(n) && n >= 1)) return "Pixel numbers are whole numbers from 1.";
    if (x2 < x1 || y2 < y1) return "Each range must go from the smaller to the larger pixel number.";
    return { kind: "pixels", x1, x2, y1, y2 };
  }
  const [ra, dec, radius] = [v.ra, v.dec, v.radius].map(Number);
  if (![ra, dec, radius].every(Number.isFinite) || radius <= 0) return "RA, Dec and a radius above 0 are needed.";
  return { kind: "circle", ra, dec, radiusDeg: radius / 3600 };
}

export function estimatePixels(region: RegionChoice, g: GalaxyGrid): number {
  if (region.kind === "all") return g.width * g.height;
  if (region.kind === "pixels")
    return Math.max(0, Math.min(g.width, region.x2) - region.x1 + 1) * Math.max(0, Math.min(g.height, region.y2) - region.y1 + 1);
  const side = Math.ceil((2 * region.radiusDeg * 3600) / g.pixelScale) + 1;
  return Math.min(g.width, side) * Math.min(g.height, side);
}

/**
 * The query string of a subset request, as the pages' forms and the Python snippet build it
 * (pure: safe in client components). Regions use SODA's syntax: PIXELS 1-based and inclusive,
 * CIRCLE in degrees.
 */
export type RegionChoice =
  | { kind: "all" }
  | { kind: "pixels"; x1: number; x2: number; y1: number; y2: number }
  | { kind: "circle"; ra: number; dec: number; radiusDeg: number };

export interface SubsetChoice {
  ids: string[];
  region: RegionChoice;
  /** parameter columns (mu, m, …) */
  parameters: string[];
  /** statistic features (percentile_50, …) */
  statistics: string[];
  format: "fits" | "hdf5";
}

export const RESPONSE_FORMATS = { fits: "application/fits", hdf5: "application/x-hdf5" } as const;

export function regionParam(region: RegionChoice): [string, string] | null {
  if (region.kind === "pixels") return ["PIXELS", `[${region.x1}:${region.x2},${region.y1}:${region.y2}]`];
  if (region.kind === "circle") return ["CIRCLE", `${region.ra} ${region.dec} ${region.radiusDeg}`];
  return null;
}

export function sodaQuery(choice: SubsetChoice): URLSearchParams {
  const q = new URLSearchParams();
  for (const id of choice.ids) q.append("ID", id);
  const region = regionParam(choice.region);
  if (region) q.append(...region);
  for (const p of choice.parameters) q.append("PARAM", p);
  for (const s of choice.statistics) q.append("STAT", s);
  q.append("RESPONSEFORMAT", RESPONSE_FORMATS[choice.format]);
  return q;
}

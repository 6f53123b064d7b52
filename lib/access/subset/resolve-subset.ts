/**
 * A parsed request made concrete for one galaxy: the galaxy must exist and have results, and its
 * region becomes a pixel box on the galaxy's image (or "no overlap").
 */
import { UsageError } from "@/lib/access/http/usage-error";
import { regionBox } from "@/lib/access/region/region-box";
import type { Db } from "@/lib/db/client";
import type { AskedSubset } from "./soda-params";
import { loadSubsetGalaxy, type SubsetGalaxy } from "./subset-galaxy";
import { subsetBytes, type SubsetRequest } from "./subset-request";

export type ResolvedSubset =
  | { kind: "ok"; galaxy: SubsetGalaxy; request: SubsetRequest; bytes: number }
  | { kind: "no-overlap"; galaxy: SubsetGalaxy };

export async function resolveSubset(db: Db, asked: AskedSubset, galaxyId: number): Promise<ResolvedSubset> {
  const galaxy = await loadSubsetGalaxy(db, galaxyId);
  if (!galaxy) throw new UsageError(`no galaxy with id ${galaxyId}`, 404);
  if (galaxy.pixelsProcessed === 0)
    throw new UsageError(
      `galaxy ${galaxy.id} (${galaxy.name}) has no MAGPHYS results yet (${galaxy.status}); subsets exist once volunteers have fitted some of its pixels`,
    );
  const box = regionBox(asked.region, galaxy);
  if (!box) return { kind: "no-overlap", galaxy };
  const request: SubsetRequest = {
    galaxyId,
    box,
    parameters: asked.parameters,
    statistics: asked.statistics,
    format: asked.format,
    asked: asked.asked,
  };
  return { kind: "ok", galaxy, request, bytes: subsetBytes(box, asked.parameters.length, asked.statistics.length) };
}

/** The download name: the galaxy's name made safe, its id and the box. */
export function subsetFileName(galaxy: SubsetGalaxy, request: SubsetRequest): string {
  const safe = galaxy.name.replace(/[^A-Za-z0-9.+-]+/g, "_").replace(/^[._]+|_+$/g, "") || "galaxy";
  const { x0, y0, x1, y1 } = request.box;
  return `${safe}_${galaxy.id}_x${x0}-${x1}_y${y0}-${y1}.${request.format === "fits" ? "fits" : "hdf5"}`;
}

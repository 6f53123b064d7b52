// What a subset needs of its galaxy: size, WCS and provenance, read in one query.
import type { Db } from "@/lib/db/client";
import type { Wcs } from "@/lib/fits/wcs";
import { parseGalaxyWcs } from "@/lib/maps/service/galaxy-wcs";

export interface SubsetGalaxy {
  id: number;
  name: string;
  ra: number;
  dec: number;
  redshift: number;
  hubbleType: string;
  status: string;
  width: number;
  height: number;
  pixelScale: number;
  wcs: Wcs;
  resultsVersion: number;
  runId: number;
  runName: string;
  pixelsProcessed: number;
}

export async function loadSubsetGalaxy(db: Db, id: number): Promise<SubsetGalaxy | null> {
  const g = await db.galaxy.findUnique({ where: { id }, include: { run: { select: { name: true } } } });
  if (!g) return null;
  return {
    id: g.id,
    name: g.name,
    ra: g.ra,
    dec: g.dec,
    redshift: g.redshift,
    hubbleType: g.hubbleType,
    status: g.status,
    width: g.width,
    height: g.height,
    pixelScale: g.pixelScale,
    wcs: parseGalaxyWcs(g.wcs),
    resultsVersion: g.resultsVersion,
    runId: g.runId,
    runName: g.run.name,
    pixelsProcessed: g.pixelsProcessed,
  };
}

/**
 * What the map service needs to know about a galaxy: its size, WCS, results version, and the
 * layer files of its RGB composites. One query; the tile server keeps the answer for a second
 * (`cachedGalaxySource`) so a burst of tile misses costs one query, not one each.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Wcs } from "@/lib/fits/wcs";
import type { CompositeBand } from "@/lib/maps/composite-weights";
import { ByteLru } from "./byte-lru";
import { parseGalaxyWcs } from "./galaxy-wcs";
import type { MapsContext } from "./context";
import { compositeKey, type CompositeKey } from "./map-keys";
import { sharedState } from "./shared-state";

export interface CompositeSource {
  key: CompositeKey;
  imageNumber: number;
  /** Filter labels red, green, blue: "i, r, g". */
  label: string;
  /** Absolute paths of the layer FITS files (IMAGE extension). */
  files: { red: string; green: string; blue: string };
  /** The three filters, red to blue: what the composite's colour balance depends on. */
  bands: [CompositeBand, CompositeBand, CompositeBand];
  /** All three layer files are on disk. */
  available: boolean;
}

export interface GalaxySource {
  id: number;
  name: string;
  status: string;
  createdAt: Date;
  ra: number;
  dec: number;
  redshift: number;
  hubbleType: string;
  width: number;
  height: number;
  resultsVersion: number;
  pixelCount: number;
  pixelsProcessed: number;
  wcs: Wcs;
  composites: CompositeSource[];
}

export async function loadGalaxySource({ db, dataDir }: MapsContext, galaxyId: number): Promise<GalaxySource | null> {
  const g = await db.galaxy.findUnique({
    where: { id: galaxyId },
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      ra: true,
      dec: true,
      redshift: true,
      hubbleType: true,
      width: true,
      height: true,
      resultsVersion: true,
      pixelCount: true,
      pixelsProcessed: true,
      wcs: true,
      layers: { select: { filterId: true, imagePath: true } },
      rgbTriples: {
        orderBy: { imageNumber: "asc" },
        select: {
          imageNumber: true,
          redFilterId: true,
          greenFilterId: true,
          blueFilterId: true,
          red: { select: { label: true, effLambda: true, bandClass: true } },
          green: { select: { label: true, effLambda: true, bandClass: true } },
          blue: { select: { label: true, effLambda: true, bandClass: true } },
        },
      },
    },
  });
  if (!g) return null;
  const fileOf = new Map(g.layers.map((l) => [l.filterId, path.resolve(dataDir, l.imagePath)]));
  const composites = g.rgbTriples
    .filter((t) => t.imageNumber >= 1 && t.imageNumber <= 4)
    .map((t): CompositeSource => {
      const files = {
        red: fileOf.get(t.redFilterId) ?? "",
        green: fileOf.get(t.greenFilterId) ?? "",
        blue: fileOf.get(t.blueFilterId) ?? "",
      };
      return {
        key: compositeKey(t.imageNumber),
        imageNumber: t.imageNumber,
        label: `${t.red.label}, ${t.green.label}, ${t.blue.label}`,
        files,
        bands: [t.red, t.green, t.blue],
        available: Object.values(files).every((f) => f !== "" && existsSync(f)),
      };
    });
  return {
    id: g.id,
    name: g.name,
    status: g.status,
    createdAt: g.createdAt,
    ra: g.ra,
    dec: g.dec,
    redshift: g.redshift,
    hubbleType: g.hubbleType,
    width: g.width,
    height: g.height,
    resultsVersion: g.resultsVersion,
    pixelCount: g.pixelCount,
    pixelsProcessed: g.pixelsProcessed,
    wcs: parseGalaxyWcs(g.wcs),
    composites,
  };
}

/**
 * The galaxy as of at most a second ago, unless the caller has seen a newer results version
 * (`atLeastVersion`), which bypasses the cached answer: a client that just read version N from
 * `/maps` must not be told N is unknown.
 */
export async function cachedGalaxySource(
  ctx: MapsContext,
  galaxyId: number,
  atLeastVersion = 0,
): Promise<GalaxySource | null> {
  const cache = sharedState().sources as ByteLru<{ source: GalaxySource | null }>;
  const key = `${ctx.dataDir}|${galaxyId}`;
  const hit = cache.get(key);
  if (hit && (hit.source === null || hit.source.resultsVersion >= atLeastVersion)) return hit.source;
  if (hit) cache.delete(key);
  const { source } = await cache.getOrLoad(
    key,
    async () => ({ source: await loadGalaxySource(ctx, galaxyId) }),
    () => 1,
  );
  return source;
}

/**
 * Cached access to what tiles and images are cut from: a results version's value grids and
 * ranges, and each map's RGBA raster with its levels. Everything is keyed by galaxy and results
 * version (composites by galaxy only), loaded once however many requests ask at the same time,
 * and kept in the process's byte-bounded LRU (`shared-state.ts`).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ValueRange } from "@/lib/maps/parameter-maps";
import { PARAMETER_MAP_KEYS, surveyRange } from "@/lib/maps/parameter-maps";
import type { ByteLru } from "./byte-lru";
import type { MapsContext } from "./context";
import type { GalaxySource } from "./galaxy-source";
import type { ParsedMapKey } from "./map-keys";
import {
  galaxyRanges,
  RasterLevels,
  rangeOf,
  renderCompositeRaster,
  renderParameterRaster,
  type GalaxyRanges,
} from "./map-rasters";
import { readResultGrids, type ResultGrids } from "./result-grids";
import { sharedState } from "./shared-state";
import { versionDir } from "./tile-paths";
import { ensureVersionDir, writeSmallFileAtomic } from "./version-dir";

/** The results moved on: the version asked for is no longer the galaxy's current one. */
export class NotCurrentVersionError extends Error {}

const gridsKey = (ctx: MapsContext, galaxyId: number, version: number) => `grids|${ctx.dataDir}|${galaxyId}|${version}`;

function gridsBytes(g: ResultGrids): number {
  return PARAMETER_MAP_KEYS.reduce((s, k) => s + g.values[k].byteLength, 0);
}

/** The value grids of results version `version`; throws NotCurrentVersionError if it is gone. */
export async function getResultGrids(ctx: MapsContext, galaxyId: number, version: number): Promise<ResultGrids> {
  const cache = sharedState().rasters as ByteLru<ResultGrids>;
  return cache.getOrLoad(
    gridsKey(ctx, galaxyId, version),
    async () => {
      sharedState().counters.resultLoads++;
      const grids = await readResultGrids(ctx, galaxyId);
      if (!grids) throw new NotCurrentVersionError(`galaxy ${galaxyId} does not exist`);
      if (grids.version !== version) {
        cache.set(gridsKey(ctx, galaxyId, grids.version), grids, gridsBytes(grids));
        throw new NotCurrentVersionError(`galaxy ${galaxyId} is at results version ${grids.version}, not ${version}`);
      }
      return grids;
    },
    gridsBytes,
  );
}

const RANGES_FILE = "ranges.json";

interface RangesFile {
  version: number;
  ranges: GalaxyRanges;
}

/**
 * The galaxy's own ranges of a results version: from memory, else from `v<N>/ranges.json` (written
 * by whoever computed them first), else computed from the grids. `/maps` asks for them on every
 * poll, so after the first time they cost a map lookup.
 */
export async function getGalaxyRanges(ctx: MapsContext, galaxyId: number, version: number): Promise<GalaxyRanges> {
  const cache = sharedState().ranges as ByteLru<GalaxyRanges>;
  return cache.getOrLoad(
    `ranges|${ctx.dataDir}|${galaxyId}|${version}`,
    async () => {
      const file = path.join(versionDir(ctx.dataDir, galaxyId, version), RANGES_FILE);
      try {
        const stored = JSON.parse(await readFile(/*turbopackIgnore: true*/ file, "utf8")) as RangesFile;
        if (stored.version === version) return stored.ranges;
      } catch {
        // missing or unreadable: compute
      }
      const ranges =
        version === 0 ? emptyRanges() : galaxyRanges((await getResultGrids(ctx, galaxyId, version)).values);
      if (version > 0) {
        await ensureVersionDir(ctx.dataDir, galaxyId, version);
        await writeSmallFileAtomic(file, JSON.stringify({ version, ranges } satisfies RangesFile));
      }
      return ranges;
    },
    () => 1,
  );
}

function emptyRanges(): GalaxyRanges {
  return { mu: null, m: null, ldust: null, sfr: null };
}

/** A map's full raster with its levels (parameter maps of `version`; composites ignore it). */
export async function getMapLevels(
  ctx: MapsContext,
  source: GalaxySource,
  map: ParsedMapKey,
  version: number,
): Promise<RasterLevels> {
  const cache = sharedState().rasters as ByteLru<RasterLevels>;
  const key =
    map.kind === "composite"
      ? `rgb|${ctx.dataDir}|${source.id}|${map.key}`
      : `map|${ctx.dataDir}|${source.id}|${version}|${map.key}`;
  return cache.getOrLoad(
    key,
    async () => {
      sharedState().counters.rastersRendered++;
      if (map.kind === "composite") {
        const composite = source.composites.find((c) => c.key === map.key);
        if (!composite?.available) throw new NotCurrentVersionError(`galaxy ${source.id} has no composite ${map.key}`);
        return new RasterLevels(await renderCompositeRaster(composite, source.width, source.height));
      }
      const grids = await getResultGrids(ctx, source.id, version);
      const range: ValueRange = map.local
        ? rangeOf(map.parameter, true, await getGalaxyRanges(ctx, source.id, version))
        : surveyRange(map.parameter);
      return new RasterLevels(renderParameterRaster(grids.values, grids.width, grids.height, map.parameter, range));
    },
    (levels) => levels.bytes,
  );
}

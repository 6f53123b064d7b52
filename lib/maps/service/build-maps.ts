/**
 * Building a galaxy's pyramids ahead of requests: after results arrive (ingest CLI, demo) and in
 * the background when a tile was missing.
 *
 * Each pyramid is built in a hidden temporary folder (`buildDziPyramid`) and moved into place
 * tile by tile with its `.dzi` last (`mergePyramidIntoPlace`), so a crash at any moment leaves
 * no partial tile visible and no `.dzi` without all its tiles; tiles rendered on demand may be
 * written into the same folder all along.
 */
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { buildDziPyramid, countPyramidTiles, resolveLayout } from "@/lib/maps/pyramid";
import { pyramidExists, pyramidPaths, temporarySibling } from "@/lib/maps/tile-store";
import { resolveContext, type MapsContext } from "./context";
import { loadGalaxySource, type GalaxySource } from "./galaxy-source";
import { PARAMETER_TILE_KEYS, parseMapKey, type MapKey, type ParsedMapKey } from "./map-keys";
import { getGalaxyRanges, getMapLevels, NotCurrentVersionError } from "./raster-store";
import { sharedState } from "./shared-state";
import { buildPyramidOnce } from "./pyramid-claim";
import { pyramidDir } from "./tile-paths";
import { claimGalaxyTiles, ensureVersionDir, removeSupersededVersions, SUPERSEDED_GRACE_MS } from "./versions";

export interface BuildGalaxyMapsOptions extends Partial<MapsContext> {
  /** Tiles written so far, of all pyramids this call builds; `detail` names the map. */
  onProgress?: (done: number, total: number, detail: string) => void;
  /** Rebuild pyramids that already exist (default: only missing ones). */
  force?: boolean;
  /** Tile encodes in flight (default: number of cores). */
  concurrency?: number;
  signal?: AbortSignal;
  /** How long a superseded version stays on disk (default 10 minutes). */
  graceMs?: number;
}

export interface GalaxyMapsBuild {
  galaxyId: number;
  /** The results version the parameter pyramids were built for. */
  version: number;
  built: MapKey[];
  /** Already present, not rebuilt. */
  skipped: MapKey[];
  tiles: number;
  removedVersions: number[];
}

export class GalaxyNotFoundError extends Error {}

/** Whether `map` of `version` has a complete pyramid on disk. */
export function mapPyramidExists(
  ctx: MapsContext,
  galaxyId: number,
  map: ParsedMapKey,
  version: number,
): Promise<boolean> {
  return pyramidExists(pyramidDir(ctx.dataDir, galaxyId, map, version), map.key);
}

/**
 * Moves a pyramid built in `staging` into `dir` tile by tile, then its `.dzi`. Each rename
 * replaces one file atomically, so the pyramid's folder never disappears: tiles rendered on
 * demand meanwhile (same bytes) may be written into it at any moment, and readers (this server,
 * nginx) always find either the old file, the new one, or none yet. The `.dzi` comes last and
 * marks the pyramid complete. A crash part-way leaves complete tiles and no `.dzi`.
 */
async function mergePyramidIntoPlace(staging: string, dir: string, name: string): Promise<void> {
  const from = pyramidPaths(staging, name);
  const to = pyramidPaths(dir, name);
  for (const level of await readdir(from.filesDir)) {
    const levelDir = path.join(to.filesDir, level);
    await mkdir(levelDir, { recursive: true });
    for (const file of await readdir(path.join(from.filesDir, level))) {
      await rename(path.join(from.filesDir, level, file), path.join(levelDir, file));
    }
  }
  await rename(from.dzi, to.dzi);
}

/** Builds one map's pyramid from the (cached) raster. */
export async function buildMapPyramid(
  ctx: MapsContext,
  source: GalaxySource,
  map: ParsedMapKey,
  version: number,
  options: { concurrency?: number; signal?: AbortSignal; onTile?: () => void } = {},
): Promise<number> {
  const levels = await getMapLevels(ctx, source, map, version);
  if (map.kind === "parameter") await ensureVersionDir(ctx.dataDir, source.id, version);
  const dir = pyramidDir(ctx.dataDir, source.id, map, version);
  await mkdir(dir, { recursive: true });
  // A hidden folder beside the pyramid (same file system; swept as litter after a crash).
  const staging = temporarySibling(path.join(dir, map.key));
  try {
    const built = await buildDziPyramid(levels.full, staging, map.key, {
      concurrency: options.concurrency,
      signal: options.signal,
      onProgress: options.onTile && (() => options.onTile!()),
    });
    options.signal?.throwIfAborted();
    await mergePyramidIntoPlace(staging, dir, map.key);
    sharedState().counters.pyramidsBuilt++;
    return built.tiles;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Builds every pyramid of the galaxy's current results version that is missing (all of them with
 * `force`), and its composites if missing, then removes versions superseded more than `graceMs`
 * ago. If an ingest lands meanwhile, the maps of the newer version are built instead.
 */
export async function buildGalaxyMaps(
  galaxyId: number,
  options: BuildGalaxyMapsOptions = {},
): Promise<GalaxyMapsBuild> {
  const ctx = resolveContext(options);
  const concurrency = options.concurrency ?? availableParallelism();
  for (let attempt = 1; ; attempt++) {
    const source = await loadGalaxySource(ctx, galaxyId);
    if (!source) throw new GalaxyNotFoundError(`galaxy ${galaxyId} does not exist`);
    await claimGalaxyTiles(ctx.dataDir, source);
    try {
      return await buildVersion(ctx, source, options, concurrency);
    } catch (error) {
      // Results changed under the build: start over with the newer version.
      if (!(error instanceof NotCurrentVersionError) || attempt >= 5) throw error;
    }
  }
}

async function buildVersion(
  ctx: MapsContext,
  source: GalaxySource,
  options: BuildGalaxyMapsOptions,
  concurrency: number,
): Promise<GalaxyMapsBuild> {
  const version = source.resultsVersion;
  const candidates: ParsedMapKey[] = [
    ...source.composites.filter((c) => c.available).map((c) => parseMapKey(c.key)!),
    // Version 0 has no results: its maps are transparent, left to on-demand tiles.
    ...(version > 0 ? PARAMETER_TILE_KEYS.map((k) => parseMapKey(k)!) : []),
  ];
  const todo: ParsedMapKey[] = [];
  const skipped: MapKey[] = [];
  for (const map of candidates) {
    if (!options.force && (await mapPyramidExists(ctx, source.id, map, version))) skipped.push(map.key);
    else todo.push(map);
  }
  const perPyramid = countPyramidTiles(resolveLayout(source.width, source.height));
  const total = todo.length * perPyramid;
  let done = 0;
  options.onProgress?.(0, total, todo[0]?.key ?? "");
  if (version > 0) await getGalaxyRanges(ctx, source.id, version); // writes v<N>/ranges.json
  for (const map of todo) {
    options.signal?.throwIfAborted();
    const before = done;
    // Claimed through the database: a server building this pyramid in the background meanwhile
    // is waited for, not doubled.
    const outcome = await buildPyramidOnce(ctx, pyramidDir(ctx.dataDir, source.id, map, version), map.key, {
      exists: () => mapPyramidExists(ctx, source.id, map, version),
      force: options.force,
      wait: true,
      build: async (claimLost) => {
        done = before;
        await buildMapPyramid(ctx, source, map, version, {
          concurrency,
          signal: options.signal ? AbortSignal.any([options.signal, claimLost]) : claimLost,
          onTile: () => options.onProgress?.(++done, total, map.key),
        });
      },
    });
    if (outcome === "present") options.onProgress?.((done = before + perPyramid), total, map.key);
  }
  const removedVersions = await removeSupersededVersions(ctx.dataDir, source.id, version, {
    graceMs: options.graceMs ?? SUPERSEDED_GRACE_MS,
  });
  return { galaxyId: source.id, version, built: todo.map((m) => m.key), skipped, tiles: total, removedVersions };
}

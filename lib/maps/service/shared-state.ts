/**
 * The map service's in-memory caches, one set per process. They hang on globalThis because the
 * portal server loads this code twice: once as plain modules (the tile fast path in
 * `scripts/serve.ts`) and once inside Next's server bundle (the route handlers). Keeping them on
 * globalThis lets a raster loaded for a tile also serve the share image and the `/maps` ranges,
 * instead of each copy loading its own.
 */
import { ByteLru } from "./byte-lru";

export interface MapsSharedState {
  /** Galaxy rows for the tile path, kept one second (see `cachedGalaxySource`). */
  sources: ByteLru<unknown>;
  /** Result grids and rendered RGBA rasters (with their downsampled levels), by bytes. */
  rasters: ByteLru<unknown>;
  /** Per-galaxy ranges of a results version (tiny). */
  ranges: ByteLru<unknown>;
  /** Rendered share images by ETag. */
  images: ByteLru<unknown>;
  /** How many tiles and rasters this process rendered (tests and benches read these). */
  counters: { tilesRendered: number; rastersRendered: number; resultLoads: number; pyramidsBuilt: number };
}

/** Memory for rasters: a 1532² galaxy needs ~37 MB of values and ~12 MB per map with its levels. */
export const DEFAULT_RASTER_CACHE_BYTES = 256 * 2 ** 20;

const globalForMaps = globalThis as unknown as { pogsMapsState?: MapsSharedState };

export function sharedState(): MapsSharedState {
  globalForMaps.pogsMapsState ??= {
    sources: new ByteLru(1000, 1000),
    rasters: new ByteLru(DEFAULT_RASTER_CACHE_BYTES),
    ranges: new ByteLru(10_000),
    images: new ByteLru(32 * 2 ** 20),
    counters: { tilesRendered: 0, rastersRendered: 0, resultLoads: 0, pyramidsBuilt: 0 },
  };
  return globalForMaps.pogsMapsState;
}

/**
 * Answers for tile addresses that have no file yet (the slow path behind the tile server's
 * file reads, and behind nginx's `try_files`):
 *
 * - a tile of the galaxy's current results version (or of an available composite) is cut from
 *   the map's raster (rendered once and kept in the LRU), encoded, written atomically where the
 *   pyramid puts it, and returned; concurrent requests for one tile share one render
 *   (`ensureTile`'s single flight). A background build of the whole pyramid is queued.
 * - a `.dzi` is generated, not written: in the pyramid's folder the `.dzi` is the mark of a
 *   complete build.
 * - anything else is null → 404: an unknown galaxy, a version that is not the current one (the
 *   client then re-reads `/maps`), an address outside the pyramid, a composite without layers.
 */
import { stat } from "node:fs/promises";
import { dziXml } from "@/lib/maps/dzi-geometry";
import { resolveLayout } from "@/lib/maps/pyramid";
import { CONTENT_TYPES } from "@/lib/maps/content-types";
import { encodeTile } from "@/lib/maps/tile-encode";
import { ensureTile, tilePath } from "@/lib/maps/tile-store";
import { buildMapPyramid, mapPyramidExists } from "./build-maps";
import { BuildQueue } from "./build-queue";
import type { MapsContext } from "./context";
import { cachedGalaxySource, type GalaxySource } from "./galaxy-source";
import { tileExists } from "./map-rasters";
import { buildPyramidOnce, pyramidClaimKey } from "./pyramid-claim";
import { getMapLevels, NotCurrentVersionError } from "./raster-store";
import { sharedState } from "./shared-state";
import { pyramidDir, TILE_FORMAT, type TileAddress } from "./tile-paths";
import { ensureVersionDir, removeSupersededVersions } from "./versions";

export interface TileBody {
  body: Buffer;
  contentType: string;
  /** The file now holding it (tiles), or null (generated `.dzi`). */
  file: string | null;
  /** For files: mtime and size, to derive the same ETag a file read gives. */
  mtimeMs: number;
}

export interface OnDemandOptions {
  /** Queue a full pyramid build when a tile was missing (default true). */
  backgroundBuilds?: boolean;
  /** Tile encodes in flight for background builds (default 1: the other core keeps serving). */
  buildConcurrency?: number;
  /** Where finished background builds and failures are reported (default stderr). */
  log?: (message: string) => void;
}

export interface OnDemandTiles {
  render(address: TileAddress): Promise<TileBody | null>;
  /** Background builds queued or running. */
  readonly queue: BuildQueue;
}

export function createOnDemandTiles(ctx: MapsContext, options: OnDemandOptions = {}): OnDemandTiles {
  const backgroundBuilds = options.backgroundBuilds ?? true;
  const log = options.log ?? ((message: string) => console.error(message));
  const queue = new BuildQueue(log);

  function scheduleBuild(source: GalaxySource, address: TileAddress, version: number): void {
    const dir = pyramidDir(ctx.dataDir, source.id, address.map, version);
    queue.schedule(`${dir}/${address.key}`, async () => {
      // Still the current version, and still missing?
      const now = await cachedGalaxySource(ctx, source.id, version);
      if (!now || (address.map.kind === "parameter" && now.resultsVersion !== version)) return;
      const exists = () => mapPyramidExists(ctx, source.id, address.map, version);
      if (await exists()) return;
      if (address.map.kind === "parameter") await ensureVersionDir(ctx.dataDir, source.id, version);
      let tiles = 0;
      const started = performance.now();
      // Another process building it (outcome "busy") writes it for everyone: nothing to wait for.
      const outcome = await buildPyramidOnce(ctx, dir, address.key, {
        exists,
        wait: false,
        build: async (signal) => {
          try {
            tiles = await buildMapPyramid(ctx, now, address.map, version, {
              concurrency: options.buildConcurrency ?? 1,
              signal,
            });
          } catch (error) {
            if (!(error instanceof NotCurrentVersionError)) throw error;
          }
        },
      });
      if (outcome !== "built") return;
      if (tiles > 0)
        log(
          `built pyramid ${pyramidClaimKey(ctx, dir, address.key)} (${tiles} tiles, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      if (address.map.kind === "parameter") await removeSupersededVersions(ctx.dataDir, source.id, version);
    });
  }

  async function render(address: TileAddress): Promise<TileBody | null> {
    const source = await cachedGalaxySource(ctx, address.galaxyId, address.version ?? 0);
    if (!source) return null;
    let version = 0;
    if (address.map.kind === "parameter") {
      if (address.version !== source.resultsVersion) return null;
      version = address.version;
    } else if (!source.composites.some((c) => c.key === address.key && c.available)) {
      return null;
    }
    const layout = resolveLayout(source.width, source.height);
    if (!address.tile) {
      return { body: Buffer.from(dziXml(layout)), contentType: CONTENT_TYPES.dzi, file: null, mtimeMs: 0 };
    }
    const { level, col, row } = address.tile;
    if (!tileExists(source.width, source.height, level, col, row, layout.tileSize)) return null;
    const target = tilePath(
      pyramidDir(ctx.dataDir, source.id, address.map, version),
      address.key,
      level,
      col,
      row,
      TILE_FORMAT,
    );
    let body: Buffer | null = null;
    for (let attempt = 1; body === null; attempt++) {
      try {
        body = await ensureTile(target, async () => {
          const levels = await getMapLevels(ctx, source, address.map, version);
          sharedState().counters.tilesRendered++;
          return encodeTile(levels.tile(level, col, row, layout.tileSize), TILE_FORMAT);
        });
      } catch (error) {
        if (error instanceof NotCurrentVersionError) return null;
        // A finished pyramid build renamed the level folder away under the write: the tile is
        // now in the built pyramid, which the next attempt reads.
        if ((error as NodeJS.ErrnoException).code === "ENOENT" && attempt < 3) continue;
        throw error;
      }
    }
    // Version 0 has no results: its maps are transparent and not worth a pyramid.
    if (backgroundBuilds && (address.map.kind === "composite" || version > 0)) scheduleBuild(source, address, version);
    const info = await stat(target).catch(() => null);
    return { body, contentType: CONTENT_TYPES[TILE_FORMAT], file: target, mtimeMs: info?.mtimeMs ?? Date.now() };
  }

  return { render, queue };
}

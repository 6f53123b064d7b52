/**
 * Where a galaxy's pyramids live, on disk and in URLs. The URL path below `/tiles/` is the file
 * path below `DATA_DIR/tiles/`, so a front server (nginx) can serve the files directly:
 *
 *   DATA_DIR/tiles/<galaxyId>/v<resultsVersion>/<key>.dzi          parameter maps, one folder per
 *   DATA_DIR/tiles/<galaxyId>/v<resultsVersion>/<key>_files/<level>/<col>_<row>.png   results version
 *   DATA_DIR/tiles/<galaxyId>/layers/<key>.dzi                       composites (do not change
 *   DATA_DIR/tiles/<galaxyId>/layers/<key>_files/<level>/<col>_<row>.png   with results)
 *
 * `parseTileUrl` accepts exactly one spelling of each address (no leading zeros, no `..`, only
 * known map keys), so every tile has one URL, one file and one cache entry.
 */
import path from "node:path";
import { parseMapKey, type CompositeKey, type MapKey, type ParameterTileKey, type ParsedMapKey } from "./map-keys";

export const TILES_URL_PREFIX = "/tiles/";
export const TILE_FORMAT = "png";

export function tilesRoot(dataDir: string): string {
  return path.join(dataDir, "tiles");
}

export function galaxyTilesDir(dataDir: string, galaxyId: number): string {
  return path.join(tilesRoot(dataDir), String(galaxyId));
}

export function versionDirName(version: number): string {
  return `v${version}`;
}

export function versionDir(dataDir: string, galaxyId: number, version: number): string {
  return path.join(galaxyTilesDir(dataDir, galaxyId), versionDirName(version));
}

export function layersDir(dataDir: string, galaxyId: number): string {
  return path.join(galaxyTilesDir(dataDir, galaxyId), "layers");
}

/** The folder holding a map's pyramid: its version folder, or `layers` for composites. */
export function pyramidDir(dataDir: string, galaxyId: number, map: ParsedMapKey, version: number): string {
  return map.kind === "composite" ? layersDir(dataDir, galaxyId) : versionDir(dataDir, galaxyId, version);
}

export function parameterDziUrl(galaxyId: number, version: number, key: ParameterTileKey): string {
  return `${TILES_URL_PREFIX}${galaxyId}/${versionDirName(version)}/${key}.dzi`;
}

export function compositeDziUrl(galaxyId: number, key: CompositeKey): string {
  return `${TILES_URL_PREFIX}${galaxyId}/layers/${key}.dzi`;
}

export interface TileAddress {
  galaxyId: number;
  /** Results version of a parameter map; null for a composite (under `layers/`). */
  version: number | null;
  map: ParsedMapKey;
  key: MapKey;
  /** The `.dzi` descriptor, or one tile. */
  tile: { level: number; col: number; row: number } | null;
}

const INT = "(0|[1-9]\\d{0,8})";
const TILE_URL = new RegExp(
  `^/tiles/([1-9]\\d{0,8})/(?:v${INT}|layers)/([a-z0-9-]{1,16})(?:\\.dzi|_files/(0|[1-9]\\d?)/${INT}_${INT}\\.${TILE_FORMAT})$`,
);

/** The address a URL path names, or null when it names nothing a pyramid can hold. */
export function parseTileUrl(pathname: string): TileAddress | null {
  const m = TILE_URL.exec(pathname);
  if (!m) return null;
  const map = parseMapKey(m[3]);
  if (!map) return null;
  const version = m[2] === undefined ? null : Number(m[2]);
  // Composites live under layers/ only, parameter maps under a version only.
  if ((map.kind === "composite") !== (version === null)) return null;
  return {
    galaxyId: Number(m[1]),
    version,
    map,
    key: map.key,
    tile: m[4] === undefined ? null : { level: Number(m[4]), col: Number(m[5]), row: Number(m[6]) },
  };
}

/** The file of a URL path accepted by `parseTileUrl` (the URL path below /tiles/ is the file path). */
export function tileFileOf(dataDir: string, pathname: string): string {
  return path.join(dataDir, pathname);
}

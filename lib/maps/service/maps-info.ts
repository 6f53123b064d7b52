/**
 * `GET /api/galaxies/<id>/maps`: what the viewer needs to show a galaxy's maps, with the tile
 * sources of its current results version. The viewer polls it while the galaxy is computing and
 * swaps sources when `resultsVersion` changes.
 */
import type { Wcs } from "@/lib/fits/wcs";
import type { ColormapName } from "@/lib/maps/colormaps";
import {
  PARAMETER_MAP_KEYS,
  PARAMETER_MAPS,
  parameterLabel,
  surveyRange,
  type ParameterMapKey,
} from "@/lib/maps/parameter-maps";
import type { MapsContext } from "./context";
import { loadGalaxySource, type GalaxySource } from "./galaxy-source";
import { localKey, type CompositeKey } from "./map-keys";
import type { GalaxyRanges } from "./map-rasters";
import { getGalaxyRanges, NotCurrentVersionError } from "./raster-store";
import { compositeDziUrl, parameterDziUrl } from "./tile-paths";

export interface CompositeInfo {
  key: CompositeKey;
  /** Filter labels of red, green, blue: "i, r, g". */
  label: string;
  dzi: string;
}

export interface ParameterMapInfo {
  key: ParameterMapKey;
  title: string;
  unit: string;
  /** Colour-bar label with units: "log₁₀ M★ [M☉]". */
  label: string;
  log10: boolean;
  colormap: ColormapName;
  /** Survey-wide range of `dzi`. */
  range: [number, number];
  dzi: string;
  /** The galaxy's own 2–98 % range (of `localDzi`), null while the map has no value. */
  localRange: [number, number] | null;
  localDzi: string;
}

export interface GalaxyMaps {
  galaxyId: number;
  name: string;
  status: string;
  resultsVersion: number;
  width: number;
  height: number;
  pixelsProcessed: number;
  pixelCount: number;
  wcs: Wcs;
  composites: CompositeInfo[];
  maps: ParameterMapInfo[];
}

/** Null for an unknown galaxy. Composites whose layer files are missing are left out. */
export async function getGalaxyMaps(ctx: MapsContext, galaxyId: number): Promise<GalaxyMaps | null> {
  for (let attempt = 1; ; attempt++) {
    const source = await loadGalaxySource(ctx, galaxyId);
    if (!source) return null;
    try {
      return describe(source, await getGalaxyRanges(ctx, galaxyId, source.resultsVersion));
    } catch (error) {
      // An ingest landed between reading the galaxy and its results: describe the newer version.
      if (!(error instanceof NotCurrentVersionError) || attempt >= 3) throw error;
    }
  }
}

function describe(source: GalaxySource, ranges: GalaxyRanges): GalaxyMaps {
  const galaxyId = source.id;
  const version = source.resultsVersion;
  return {
    galaxyId,
    name: source.name,
    status: source.status,
    resultsVersion: version,
    width: source.width,
    height: source.height,
    pixelsProcessed: source.pixelsProcessed,
    pixelCount: source.pixelCount,
    wcs: source.wcs,
    composites: source.composites
      .filter((c) => c.available)
      .map((c) => ({ key: c.key, label: c.label, dzi: compositeDziUrl(galaxyId, c.key) })),
    maps: PARAMETER_MAP_KEYS.map((key) => {
      const def = PARAMETER_MAPS[key];
      const local = ranges[key];
      return {
        key,
        title: def.title,
        unit: def.unit,
        label: parameterLabel(key),
        log10: def.log10,
        colormap: def.colormap,
        range: [...surveyRange(key)],
        dzi: parameterDziUrl(galaxyId, version, key),
        localRange: local ? [local[0], local[1]] : null,
        localDzi: parameterDziUrl(galaxyId, version, localKey(key)),
      };
    }),
  };
}

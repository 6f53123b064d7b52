/**
 * The names of a galaxy's maps, as they appear in tile URLs and in the `/maps` JSON:
 * composites `rgb1`…`rgb4` (the galaxy's RGB triples by image number) and parameter maps `mu`,
 * `m`, `ldust`, `sfr` (survey-wide ranges) and `<key>-local` (per-galaxy 2–98 % stretch).
 */
import { PARAMETER_MAP_KEYS, isParameterMapKey, type ParameterMapKey } from "@/lib/maps/parameter-maps";

export const COMPOSITE_KEYS = ["rgb1", "rgb2", "rgb3", "rgb4"] as const;
export type CompositeKey = (typeof COMPOSITE_KEYS)[number];

export const LOCAL_SUFFIX = "-local";
export type ParameterTileKey = ParameterMapKey | `${ParameterMapKey}-local`;

/** The eight parameter pyramids of a results version, survey-wide first. */
export const PARAMETER_TILE_KEYS: readonly ParameterTileKey[] = [
  ...PARAMETER_MAP_KEYS,
  ...PARAMETER_MAP_KEYS.map((k) => `${k}${LOCAL_SUFFIX}` as const),
];

export type MapKey = CompositeKey | ParameterTileKey;

export type ParsedMapKey =
  | { kind: "composite"; key: CompositeKey; imageNumber: number }
  | { kind: "parameter"; key: ParameterTileKey; parameter: ParameterMapKey; local: boolean };

export function compositeKey(imageNumber: number): CompositeKey {
  const key = `rgb${imageNumber}`;
  if (!(COMPOSITE_KEYS as readonly string[]).includes(key)) throw new RangeError(`no composite number ${imageNumber}`);
  return key as CompositeKey;
}

export function localKey(parameter: ParameterMapKey): ParameterTileKey {
  return `${parameter}${LOCAL_SUFFIX}`;
}

export function parseMapKey(key: string): ParsedMapKey | null {
  const composite = /^rgb([1-4])$/.exec(key);
  if (composite) return { kind: "composite", key: key as CompositeKey, imageNumber: Number(composite[1]) };
  const local = key.endsWith(LOCAL_SUFFIX);
  const parameter = local ? key.slice(0, -LOCAL_SUFFIX.length) : key;
  if (!isParameterMapKey(parameter)) return null;
  return { kind: "parameter", key: key as ParameterTileKey, parameter, local };
}

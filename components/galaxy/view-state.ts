// What the deep-zoom viewer shows, and its form in the page URL (`?view=m`, `?view=side-by-side`),
// so a view can be linked to.
import { COMPOSITE_KEYS, type CompositeKey } from "@/lib/maps/service/map-keys";
import { PARAMETER_MAP_KEYS, type ParameterMapKey } from "@/lib/maps/parameter-maps";

export const SIDE_BY_SIDE = "side-by-side";
export type ViewKey = CompositeKey | ParameterMapKey | typeof SIDE_BY_SIDE;

export function parseViewKey(raw: string | null | undefined): ViewKey | null {
  if (!raw) return null;
  if (raw === SIDE_BY_SIDE) return raw;
  if ((COMPOSITE_KEYS as readonly string[]).includes(raw)) return raw as CompositeKey;
  if ((PARAMETER_MAP_KEYS as readonly string[]).includes(raw)) return raw as ParameterMapKey;
  return null;
}

export function isParameterView(key: ViewKey): key is ParameterMapKey {
  return (PARAMETER_MAP_KEYS as readonly string[]).includes(key);
}

/** Whether a galaxy has what a view shows (its composites' layers; results for the maps). */
export function viewAvailable(maps: { resultsVersion: number; composites: { key: string }[] }, key: ViewKey): boolean {
  if (key === SIDE_BY_SIDE || isParameterView(key)) return maps.resultsVersion > 0;
  return maps.composites.some((c) => c.key === key);
}

/** Sets or removes query parameters of the current URL without a navigation. */
export function replaceQuery(changes: Record<string, string | null>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(window.history.state, "", url);
}

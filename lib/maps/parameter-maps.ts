/**
 * The four parameter maps the portal draws (docs/formats.md §6): µ linear, and
 * log10 of M*, Ldust and SFR. Values are expected in display units already: the V2 pixel results
 * store the medians of M*, Ldust and SFR as log10 (docs/formats.md §3), so no conversion happens here.
 *
 * Ranges are survey-wide by default, so the same colour means the same value on every galaxy.
 * `DEFAULT_PARAMETER_RANGES` holds physically sensible per-pixel values for MAGPHYS fits of
 * nearby (z ≤ 0.1) galaxies at ~1–2″ pixels; a caller that has computed the survey's own
 * percentiles passes them as an override. `galaxyRange` gives the per-galaxy range on request.
 */
import { parameterByColumn } from "@/lib/survey/parameters";
import type { ColormapName } from "./colormaps";
import { collectFinite, quantilesInPlace } from "./quantile";

export const PARAMETER_MAP_KEYS = ["mu", "m", "ldust", "sfr"] as const;
/** Keys are the POGS `pixel_result` column names. */
export type ParameterMapKey = (typeof PARAMETER_MAP_KEYS)[number];

/** Inclusive [min, max] of the values spread over the colour map; values outside are clamped. */
export type ValueRange = readonly [min: number, max: number];

export interface ParameterMapDefinition {
  key: ParameterMapKey;
  /** Short symbol for legends, Unicode so it needs no markup: "log₁₀ M★". */
  symbol: string;
  /** What it is, in words, for tooltips and alt text (the parameter's title). */
  title: string;
  /** Unit of the quantity inside the log ("" for µ, which is a fraction). */
  unit: string;
  /** True when the map shows log10 of the quantity. */
  log10: boolean;
  colormap: ColormapName;
}

// Title, unit and scale are the parameter's own (lib/survey/parameters.ts); a map adds only how it is drawn.
function parameterMap(key: ParameterMapKey, symbol: string, colormap: ColormapName): ParameterMapDefinition {
  const parameter = parameterByColumn(key);
  if (!parameter) throw new Error(`no MAGPHYS parameter for the map '${key}'`);
  return { key, symbol, title: parameter.title, unit: parameter.unit, log10: parameter.log10, colormap };
}

export const PARAMETER_MAPS: Readonly<Record<ParameterMapKey, ParameterMapDefinition>> = {
  mu: parameterMap("mu", "µ", "cividis"),
  m: parameterMap("m", "log₁₀ M★", "viridis"),
  ldust: parameterMap("ldust", "log₁₀ L_dust", "inferno"),
  sfr: parameterMap("sfr", "log₁₀ SFR", "magma"),
};

/**
 * Survey-wide default ranges per pixel. µ is a fraction by definition. A pixel of a nearby
 * galaxy holds roughly 10⁴–10⁹ M☉ of stars (outskirts of a dwarf to the bulge of a giant); dust
 * luminosity per pixel spans a similar 10⁴–10⁹ L☉; a galaxy forming 0.1–10 M☉/yr spread over
 * 10³–10⁵ pixels gives 10⁻⁶–10⁻¹ M☉/yr a pixel.
 */
export const DEFAULT_PARAMETER_RANGES: Readonly<Record<ParameterMapKey, ValueRange>> = {
  mu: [0, 1],
  m: [4, 9],
  ldust: [4, 9],
  sfr: [-6, -1],
};

export function isParameterMapKey(key: string): key is ParameterMapKey {
  return (PARAMETER_MAP_KEYS as readonly string[]).includes(key);
}

/** Colour-bar label with units, e.g. "log₁₀ M★ [M☉]"; µ has no unit so no brackets. */
export function parameterLabel(key: ParameterMapKey): string {
  const def = PARAMETER_MAPS[key];
  return def.unit ? `${def.symbol} [${def.unit}]` : def.symbol;
}

/** The survey-wide range, or the caller's override (e.g. percentiles over the whole survey). */
export function surveyRange(
  key: ParameterMapKey,
  overrides?: Partial<Record<ParameterMapKey, ValueRange>>,
): ValueRange {
  return overrides?.[key] ?? DEFAULT_PARAMETER_RANGES[key];
}

/** Default colour map and survey range of a map, e.g. `renderParameterMap(v, w, h, defaultStyle("m"))`. */
export function defaultStyle(
  key: ParameterMapKey,
  overrides?: Partial<Record<ParameterMapKey, ValueRange>>,
): { range: ValueRange; colormap: ColormapName } {
  return { range: surveyRange(key, overrides), colormap: PARAMETER_MAPS[key].colormap };
}

export const GALAXY_RANGE_PERCENTILES = [0.02, 0.98] as const;

/**
 * Per-galaxy range: 2nd–98th percentile of the finite values (robust against a few wild fits).
 * Null when the map has no finite value yet. A flat map (min = max) is widened by ±0.5 so the
 * range stays usable and the single value sits mid-bar.
 */
export function galaxyRange(
  values: Float32Array,
  percentiles: readonly [number, number] = GALAXY_RANGE_PERCENTILES,
): ValueRange | null {
  const finite = collectFinite(values, false);
  if (finite.length === 0) return null;
  const [lo, hi] = quantilesInPlace(finite, percentiles);
  return lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

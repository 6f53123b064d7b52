/**
 * The text alternative of a map picture: which galaxy, which parameter in which units, and the
 * values its colours span, so a reader who cannot see the colours learns what the picture shows
 * (the colour bar beside it carries the same range for sighted readers).
 */
import { formatMapValue } from "./format-value";

export function mapDescription(
  galaxy: string,
  map: { title: string; label: string },
  range: readonly [number, number],
  rangeNote: string,
): string {
  return `${galaxy}: ${map.title} map, ${map.label}, colours from ${formatMapValue(range[0])} to ${formatMapValue(range[1])} (${rangeNote})`;
}

/** A filter composite's: which galaxy and which filters are red, green and blue. */
export function compositeDescription(galaxy: string, index: number, filters: string): string {
  return `${galaxy}: image ${index + 1}, a colour composite of filters ${filters} (red, green, blue)`;
}

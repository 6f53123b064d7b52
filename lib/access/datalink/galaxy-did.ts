/**
 * The identifier of a galaxy's dataset in the IVOA services (DataLink `ID`, SODA `ID`, the
 * catalogue's `publisher_did`): `ivo://pogs/galaxy?<id>`. Opaque to clients, stable for as long as
 * the galaxy exists; the bare galaxy id is accepted too, for people typing URLs.
 */
import { parseId } from "@/lib/api/params";

const PREFIX = "ivo://pogs/galaxy?";

export function galaxyDid(id: number): string {
  return `${PREFIX}${id}`;
}

/** The galaxy id an identifier names, or null when it is not one of ours. */
export function parseGalaxyDid(raw: string): number | null {
  const text = raw.trim();
  if (text.toLowerCase().startsWith(PREFIX)) return parseId(text.slice(PREFIX.length));
  return parseId(text);
}

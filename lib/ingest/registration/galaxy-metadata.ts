// A galaxy's name, position, redshift and type: the operator's options first, then the headers,
// then (for the position) the centre of the common grid.
import { pixelToSky, type FitsHeader } from "@/lib/fits";
import type { Grid } from "./common-grid";
import { RegistrationError } from "./collect-bands";

export type MetadataOptions = { name?: string; ra?: number; dec?: number; redshift?: number; hubbleType?: string };
export type GalaxyMetadata = { name: string; ra: number; dec: number; redshift: number; hubbleType: string };

/** The highest redshift with MAGPHYS model libraries in POGS (z is rounded to 0.01 steps, ≤ 0.12). */
export const MAX_REDSHIFT = 0.125;

function fromHeaders(headers: FitsHeader[], keys: string[]): string | number | undefined {
  for (const h of headers)
    for (const k of keys) {
      const v = h.get(k);
      if ((typeof v === "string" && v.trim()) || typeof v === "number") return typeof v === "string" ? v.trim() : v;
    }
  return undefined;
}

export function galaxyMetadata(options: MetadataOptions, headers: FitsHeader[], grid: Grid): GalaxyMetadata {
  const name = options.name ?? fromHeaders(headers, ["OBJECT", "OBJNAME", "GALAXY", "TARGNAME"]);
  if (name === undefined || String(name).trim() === "")
    throw new RegistrationError("the galaxy has no name: give --name (no OBJECT keyword in the headers)");
  const zRaw = options.redshift ?? fromHeaders(headers, ["REDSHIFT", "Z", "ZHELIO"]);
  const redshift = typeof zRaw === "string" ? Number(zRaw) : zRaw;
  if (redshift === undefined || !Number.isFinite(redshift))
    throw new RegistrationError("the galaxy has no redshift: give --redshift (no REDSHIFT keyword in the headers)");
  if (redshift < 0 || redshift >= MAX_REDSHIFT)
    throw new RegistrationError(
      `redshift ${redshift} is outside 0 ≤ z < ${MAX_REDSHIFT}, the range of the MAGPHYS model libraries`,
    );
  let ra = options.ra ?? num(fromHeaders(headers, ["RA_OBJ", "OBJRA", "RA_CENT"]));
  let dec = options.dec ?? num(fromHeaders(headers, ["DEC_OBJ", "OBJDEC", "DEC_CENT"]));
  if (ra === undefined || dec === undefined)
    [ra, dec] = pixelToSky(grid.wcs, (grid.width - 1) / 2, (grid.height - 1) / 2);
  if (!(ra >= 0 && ra < 360) || !(dec >= -90 && dec <= 90))
    throw new RegistrationError(`position RA ${ra}, Dec ${dec} is not on the sky (RA 0–360°, Dec −90–90°)`);
  const hubbleType =
    options.hubbleType ?? String(fromHeaders(headers, ["MORPHTYP", "HUBBLE", "GALTYPE", "MORPH"]) ?? "");
  return { name: String(name).trim(), ra, dec, redshift, hubbleType };
}

function num(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

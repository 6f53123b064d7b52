/**
 * A galaxy's WCS from its JSON column. Registration stores the full normal form; older or
 * hand-made rows (the small seed, test fixtures) may omit LONPOLE/LATPOLE, which are then resolved
 * by the FITS defaults (Paper II §2.4) exactly as a header without them would be.
 */
import { FitsHeader } from "@/lib/fits";
import { wcsFromHeader, type Wcs } from "@/lib/fits/wcs";

type StoredWcs = Pick<Wcs, "ctype" | "crpix" | "crval" | "cd"> & Partial<Wcs>;

export function parseGalaxyWcs(json: string): Wcs {
  const w = JSON.parse(json) as StoredWcs;
  if (typeof w.lonpole === "number" && typeof w.latpole === "number") return w as Wcs;
  const header = new FitsHeader();
  for (const i of [0, 1] as const) {
    header.set(`CTYPE${i + 1}`, w.ctype[i]);
    header.set(`CRPIX${i + 1}`, w.crpix[i]);
    header.set(`CRVAL${i + 1}`, w.crval[i]);
    for (const j of [0, 1] as const) header.set(`CD${i + 1}_${j + 1}`, w.cd[i][j]);
  }
  const latAxis = /^DEC|LAT/.test(w.ctype[1]) ? 2 : 1;
  w.pv?.forEach((v, m) => v !== 0 && header.set(`PV${latAxis}_${m}`, v));
  if (w.radesys) header.set("RADESYS", w.radesys);
  if (w.equinox !== undefined) header.set("EQUINOX", w.equinox);
  return wcsFromHeader(header, "galaxy WCS");
}

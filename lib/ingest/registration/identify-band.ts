// Which POGS filter an image is, and whether it is the image itself or its uncertainty, from its
// FITS header: MAGPHYSI/MAGPHYSN first (POGS's own keywords), then the survey's conventions
// (FILTER, BAND, HIERARCH FPA.FILTER with TELESCOP/INSTRUME/ORIGIN/SURVEY), then an EXTNAME that
// names a filter. Null when the header does not say: the operator names it on the command line.
import type { FitsHeader } from "@/lib/fits";
import { FILTERS, filterByMagphysId, filterByName, type FilterDef } from "@/lib/survey/filters";

export type BandRole = "image" | "sigma" | "snr";

const text = (h: FitsHeader, ...keys: string[]) =>
  keys
    .map((k) => h.get(k))
    .filter((v) => v !== undefined && v !== null)
    .map(String)
    .join(" ")
    .toUpperCase();

function surveyOf(h: FitsHeader): "WISE" | "GALEX" | "PS1" | "SDSS" | null {
  const s = text(h, "TELESCOP", "INSTRUME", "ORIGIN", "SURVEY", "FPA.TELESCOPE", "FPA.INSTRUMENT");
  if (/\bWISE\b|NEOWISE/.test(s)) return "WISE";
  if (/GALEX/.test(s)) return "GALEX";
  if (/PS1|PAN-?STARRS|GPC1/.test(s)) return "PS1";
  if (/SDSS|SLOAN|2\.5M/.test(s)) return "SDSS";
  return null;
}

export function identifyFilter(h: FitsHeader, extname?: string): FilterDef | null {
  const magphysId = h.get("MAGPHYSI");
  if (typeof magphysId === "number") return filterByMagphysId(magphysId) ?? null;
  const magphysName = h.get("MAGPHYSN");
  if (typeof magphysName === "string") return filterByName(magphysName.trim()) ?? null;

  const raw = String(h.get("FILTER") ?? h.get("FPA.FILTER") ?? h.get("FILTNAM") ?? h.get("FILTER1") ?? "").trim();
  if (raw && filterByName(raw)) return filterByName(raw)!;
  const letter = raw.split(".")[0].trim();
  const band = h.get("BAND");
  switch (surveyOf(h)) {
    case "WISE": {
      const n = typeof band === "number" ? band : Number(/W?([1-4])/i.exec(letter)?.[1]);
      return n >= 1 && n <= 4 ? filterByName(`WISEW${n}`)! : null;
    }
    case "GALEX": {
      if (band === 1 || /^FUV$/i.test(letter)) return filterByName("GALEXFUV")!;
      if (band === 2 || /^NUV$/i.test(letter)) return filterByName("GALEXNUV")!;
      return null;
    }
    case "PS1":
      return /^[grizy]$/i.test(letter) ? filterByName(`PS1${letter.toLowerCase()}`)! : null;
    case "SDSS":
      return /^[ugriz]$/i.test(letter) ? filterByName(`SDSS${letter.toLowerCase()}`)! : null;
  }
  const name = extname?.replace(/[_-]?(SIGMA|UNC|ERR|ERROR|SNR|IMAGE|SCI)[_-]?/gi, "");
  return name ? (FILTERS.find((f) => f.name.toUpperCase() === name.toUpperCase()) ?? null) : null;
}

export function identifyRole(h: FitsHeader, extname?: string): BandRole {
  const s = `${text(h, "FILETYPE", "IMAGETYP", "PRODTYPE", "BUNIT")} ${(extname ?? "").toUpperCase()}`;
  if (/\bSNR\b|SIGNAL.TO.NOISE/.test(s)) return "snr";
  if (/UNCERTAINTY|SIGMA|\bUNC\b|\bERR(OR)?\b|\bRMS\b|NOISE/.test(s)) return "sigma";
  return "image";
}

/** Whether pixel values are per unit area (kept when resampled) rather than per pixel (summed). */
export function isSurfaceBrightness(bunit: string): boolean {
  return /\/\s*(sr|arcsec|deg|beam)|arcsec\^?-?2|sr\^?-1|arcsec2/i.test(bunit);
}

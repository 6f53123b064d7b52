/**
 * The header cards of a FITS subset (DATA_ACCESS_FACTS §5, MaNGA/astrocut practice): an empty
 * primary HDU carrying the provenance, then one IMAGE extension per parameter, EXTNAME = the
 * parameter's PARAM name, with the galaxy's WCS shifted to the cut (only CRPIX moves), BUNIT, and
 * the statistic of each plane named in STATn. IRAF's LTV/LTM keywords give DS9 the full image's
 * pixel coordinates as "physical".
 */
import type { PixelBox } from "@/lib/access/region/region-types";
import { FitsHeader } from "@/lib/fits";
import { cutoutWcs, wcsCards } from "@/lib/fits/wcs";
import { PARAMETERS, STATISTICS, type MagphysParameter } from "@/lib/survey/parameters";
import { PORTAL_VERSION } from "./portal-version";
import type { SubsetGalaxy } from "./subset-galaxy";

/** FITS unit strings (FITS 4.0 §4.3: solMass, solLum; log() for the log10 parameters). */
const UNITS: Record<string, string> = {
  "": "",
  K: "K",
  "M☉": "solMass",
  "L☉": "solLum",
  "yr⁻¹": "yr-1",
  "M☉ yr⁻¹": "solMass/yr",
};

export function fitsUnit(p: MagphysParameter): string {
  const unit = UNITS[p.unit] ?? p.unit;
  return p.log10 ? `log(${unit})` : unit;
}

/** HISTORY text in lines that fit a card (72 characters after the keyword), broken at spaces. */
function history(header: FitsHeader, text: string): void {
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > 70) {
      header.addHistory(line);
      line = "";
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > 70) {
      header.addHistory(line.slice(0, 70));
      line = line.slice(70);
    }
  }
  if (line) header.addHistory(line);
}

export function primaryHeader(
  galaxy: SubsetGalaxy,
  box: PixelBox,
  parameters: readonly number[],
  statistics: readonly number[],
  asked: string,
  now = new Date(),
): FitsHeader {
  const h = new FitsHeader()
    .set("ORIGIN", "POGS Portal", "who wrote this file")
    .set("DATE", now.toISOString().slice(0, 19), "UTC date the file was written")
    .set("SURVEY", "POGS", "theSkyNet POGS: Pixels of Galaxies")
    .set("PROCVER", PORTAL_VERSION, "portal version")
    .set("FITCODE", "MAGPHYS", "SED fitting code (da Cunha et al. 2008)")
    .set("OBJECT", galaxy.name)
    .set("GALAXYID", galaxy.id, "POGS galaxy id")
    .set("RA_OBJ", galaxy.ra, "[deg] galaxy position (ICRS)", { float: true })
    .set("DEC_OBJ", galaxy.dec, "[deg] galaxy position (ICRS)", { float: true })
    .set("REDSHIFT", galaxy.redshift, "redshift used in the fit", { float: true })
    .set("MORPHTYP", galaxy.hubbleType || "unknown", "Hubble type")
    .set("RUNID", galaxy.runId, "POGS processing run")
    .set("RUNNAME", galaxy.runName)
    .set("RESVERS", galaxy.resultsVersion, "results version of the galaxy")
    .set("IMWIDTH", galaxy.width, "[pix] width of the full image")
    .set("IMHEIGHT", galaxy.height, "[pix] height of the full image")
    .set("CUTX0", box.x0, "first column of the cut, 0-based")
    .set("CUTY0", box.y0, "first row of the cut, 0-based")
    .set("CUTX1", box.x1, "column after the cut (half-open)")
    .set("CUTY1", box.y1, "row after the cut (half-open)")
    .set("NPARAM", parameters.length, "image extensions, one per parameter")
    .set("NSTAT", statistics.length, "statistics in each extension");
  parameters.forEach((id, k) => h.set(`PARAM${k + 1}`, PARAMETERS[id - 1].column, PARAMETERS[id - 1].fitName));
  history(h, `Request: ${asked}`);
  history(h, "Values: MAGPHYS marginal PDF statistics per pixel; NaN where a pixel has no result.");
  return h;
}

export function extensionHeader(
  galaxy: SubsetGalaxy,
  box: PixelBox,
  parameterId: number,
  statistics: readonly number[],
): FitsHeader {
  const p = PARAMETERS[parameterId - 1];
  const h = new FitsHeader();
  for (const card of wcsCards(cutoutWcs(galaxy.wcs, box.x0, box.y0))) h.append(card);
  if (statistics.length > 1) {
    // A linear third axis numbering the planes, so WCS readers take the cube without "fixing" it.
    h.set("WCSAXES", 3, "RA, Dec and the statistic plane")
      .set("CTYPE3", "STATNUM", "plane number j: the statistic named STATj")
      .set("CRPIX3", 1, "", { float: true })
      .set("CRVAL3", 1, "", { float: true })
      .set("CD3_3", 1, "", { float: true });
  }
  h.set("BUNIT", fitsUnit(p), p.log10 ? "log10 of the quantity" : p.unit ? "" : "dimensionless")
    .set("PARAMID", p.id, "MAGPHYS parameter id (POGS)")
    .set("PARAMNAM", p.fitName, "MAGPHYS name")
    .set("LOG10", p.log10, "values are log10 of the quantity")
    .set("HDUCLAS1", statistics.length > 1 ? "CUBE" : "IMAGE")
    .set("NSTAT", statistics.length, statistics.length > 1 ? "planes of NAXIS3, one per statistic" : "one statistic");
  statistics.forEach((s, j) => h.set(`STAT${j + 1}`, STATISTICS[s].feature, STATISTICS[s].label));
  h.set("LTV1", -box.x0, "full-image pixel = this pixel + CUTX0", { float: true })
    .set("LTV2", -box.y0, "full-image pixel = this pixel + CUTY0", { float: true })
    .set("LTM1_1", 1, "", { float: true })
    .set("LTM2_2", 1, "", { float: true });
  h.addComment(p.title.replace(/[^\x20-\x7e]/g, "").slice(0, 70));
  return h;
}

import type { FitsCard } from "@/lib/fits/header/card";
import type { FitsHeader } from "@/lib/fits/header/fits-header";
import { type Wcs, axesOf } from "./types";

const float = (keyword: string, value: number, comment: string): FitsCard => ({
  keyword,
  value,
  comment,
  kind: "float",
});
const text = (keyword: string, value: string, comment: string): FitsCard => ({
  keyword,
  value,
  comment,
  kind: "string",
});

/**
 * Header cards describing a Wcs, WCSAXES first (fitsverify flags WCS keywords before it).
 * Written as CD matrix with explicit LONPOLE/LATPOLE, so any reader gets the same mapping.
 */
export function wcsCards(wcs: Wcs): FitsCard[] {
  const { lat } = axesOf(wcs);
  const cards: FitsCard[] = [
    { keyword: "WCSAXES", value: 2, comment: "number of World Coordinate System axes", kind: "int" },
    text("CTYPE1", wcs.ctype[0], "projection of axis 1"),
    text("CTYPE2", wcs.ctype[1], "projection of axis 2"),
    text("CUNIT1", "deg", "unit of CRVAL1 and CD1_j"),
    text("CUNIT2", "deg", "unit of CRVAL2 and CD2_j"),
    float("CRPIX1", wcs.crpix[0], "reference pixel, axis 1 (first pixel = 1.0)"),
    float("CRPIX2", wcs.crpix[1], "reference pixel, axis 2"),
    float("CRVAL1", wcs.crval[0], "[deg] world coordinate at the reference pixel"),
    float("CRVAL2", wcs.crval[1], "[deg] world coordinate at the reference pixel"),
    float("CD1_1", wcs.cd[0][0], "[deg/pixel] linear transformation matrix"),
    float("CD1_2", wcs.cd[0][1], "[deg/pixel]"),
    float("CD2_1", wcs.cd[1][0], "[deg/pixel]"),
    float("CD2_2", wcs.cd[1][1], "[deg/pixel]"),
  ];
  (wcs.pv ?? []).forEach((v, m) => {
    if (v !== 0) cards.push(float(`PV${lat + 1}_${m}`, v, "projection parameter"));
  });
  cards.push(float("LONPOLE", wcs.lonpole, "[deg] native longitude of the celestial pole"));
  cards.push(float("LATPOLE", wcs.latpole, "[deg] native latitude of the celestial pole"));
  if (wcs.radesys) cards.push(text("RADESYS", wcs.radesys, "celestial reference frame"));
  if (wcs.equinox !== undefined) cards.push(float("EQUINOX", wcs.equinox, "[yr] equinox of the reference frame"));
  return cards;
}

/**
 * The Wcs of a cutout whose 0-based origin in the parent image is (x0, y0): only CRPIX moves
 * (CRPIX' = CRPIX − origin), as astropy's Cutout2D does; projection and scale are unchanged.
 */
export function cutoutWcs(wcs: Wcs, x0: number, y0: number): Wcs {
  return { ...wcs, crpix: [wcs.crpix[0] - x0, wcs.crpix[1] - y0] };
}

// Every keyword that can describe a WCS (Paper I table 13 plus the old forms and SIP), so that a
// copied input header cannot leave a stale CDELT or CROTA beside a new CD matrix.
const WCS_KEY =
  /^(WCSAXES|WCSNAME|CTYPE\d|CUNIT\d|CRPIX\d|CRVAL\d|CDELT\d|CROTA\d|CRDER\d|CSYER\d|(CD|PC|PV|PS)\d+_\d+|LONPOLE|LATPOLE|RADESYS|RADECSYS|EQUINOX|EPOCH|(A|B|AP|BP)_(ORDER|\d+_\d+|DMAX))[A-Z]?$/;

/** A copy of the header without WCS keywords (any alternate letter), to add a new WCS to. */
export function withoutWcs(header: FitsHeader): FitsHeader {
  return header.filter((c) => !WCS_KEY.test(c.keyword));
}

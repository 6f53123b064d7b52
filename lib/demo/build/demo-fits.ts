// The demo's input FITS, written as an observatory would hand them over: one file per band with
// the survey's own keywords (so registration identifies filters from headers) and the 1-σ image
// in a SIGMA extension. Kept under DATA_DIR/demo/fits as example inputs for `npm run register`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { FitsHeader, wcsCards, writeFitsFile, type Wcs } from "@/lib/fits";
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import type { BandImage } from "@/lib/demo/images";

/** Keywords by which each survey's images name their filter. */
function surveyKeywords(filterName: string): [string, string | number][] {
  if (filterName.startsWith("SDSS"))
    return [
      ["ORIGIN", "SDSS"],
      ["TELESCOP", "2.5m"],
      ["FILTER", filterName.slice(4)],
    ];
  if (filterName.startsWith("PS1"))
    return [
      ["TELESCOP", "PS1"],
      ["FILTER", `${filterName.slice(3)}.00000`],
    ];
  if (filterName.startsWith("GALEX"))
    return [
      ["TELESCOP", "GALEX"],
      ["BAND", filterName === "GALEXFUV" ? 1 : 2],
    ];
  if (filterName.startsWith("WISE"))
    return [
      ["TELESCOP", "WISE"],
      ["BAND", Number(filterName.slice(5))],
    ];
  return [["MAGPHYSN", filterName]];
}

export function demoFitsDir(dataDir: string, galaxyName: string): string {
  return path.join(dataDir, "demo", "fits", galaxyName.replace(/[^A-Za-z0-9+-]+/g, "_"));
}

export async function writeDemoBandFiles(dir: string, g: DemoGalaxy, bands: readonly BandImage[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const band of bands) {
    const primary = new FitsHeader()
      .set("OBJECT", g.name)
      .set("REDSHIFT", g.redshift, "heliocentric redshift", { float: true })
      .set("MORPHTYP", g.hubbleType || "", "Hubble type")
      .set("RA_OBJ", g.ra, "[deg] galaxy centre", { float: true })
      .set("DEC_OBJ", g.dec, "[deg] galaxy centre", { float: true });
    for (const [k, v] of surveyKeywords(band.filterName)) primary.set(k, v);
    primary.addComment("Synthetic image of the POGS Portal demo survey");
    const ext = () => {
      const h = new FitsHeader();
      for (const card of wcsCards({ ...band.wcs, lonpole: 180, latpole: band.wcs.crval[1] } as Wcs)) h.append(card);
      return h.set("BUNIT", band.bunit);
    };
    const file = path.join(dir, `${band.filterName}.fits`);
    await writeFitsFile(file, [
      { header: primary },
      { name: "IMAGE", header: ext(), data: band.data, shape: [band.width, band.height] },
      { name: "SIGMA", header: ext(), data: band.sigma, shape: [band.width, band.height] },
    ]);
    files.push(file);
  }
  return files;
}

// The registered layers on disk: one FITS per filter under DATA_DIR, on the galaxy's common grid,
// an empty primary HDU with provenance and the IMAGE and (when known) SIGMA extensions.
import path from "node:path";
import { fileDigest } from "@/lib/access/files/file-digest";
import { FitsHeader, wcsCards, writeFitsFile } from "@/lib/fits";
import type { Grid, GridBand } from "./common-grid";

export function layerFileName(filterName: string): string {
  return `${filterName.replace(/[^A-Za-z0-9._-]/g, "_")}.fits`;
}

export async function writeLayerFile(dir: string, galaxyName: string, band: GridBand, grid: Grid): Promise<string> {
  const file = path.join(dir, layerFileName(band.filter.name));
  const primary = new FitsHeader()
    .set("ORIGIN", "POGS Portal", "registration")
    .set("OBJECT", galaxyName)
    .set("FILTER", band.filter.name, "POGS filter name")
    .set("MAGPHYSI", band.filter.magphysId, "MAGPHYS filter number")
    .set("WAVELEN", band.filter.effLambda, "[um] effective wavelength", { float: true })
    .set("ORIG_FLE", band.source.slice(0, 60), "input file")
    .set("SIGMAKND", band.sigmaKind, "sigma: given; snr: from an SNR image; fraction");
  const extension = () => {
    const h = new FitsHeader();
    for (const card of wcsCards(grid.wcs)) h.append(card);
    if (band.bunit) h.set("BUNIT", band.bunit);
    h.set("FILTER", band.filter.name);
    return h;
  };
  const hdus = [
    { header: primary },
    { name: "IMAGE", header: extension(), data: band.image, shape: [grid.width, grid.height] },
    ...(band.sigma ? [{ name: "SIGMA", header: extension(), data: band.sigma, shape: [grid.width, grid.height] }] : []),
  ];
  await writeFitsFile(file, hdus);
  await fileDigest(file); // recorded beside it now, so the data page never hashes a layer
  return file;
}

// Reads the FITS files of a registration: every image HDU of every file (a file may hold one
// filter or all of them as extensions), each identified as a filter's image, sigma or SNR.
import path from "node:path";
import { FitsError, listHdus, readFits, readImage, wcsFromHeader, type FitsHeader, type Wcs } from "@/lib/fits";
import { filterByName, type FilterDef } from "@/lib/survey/filters";
import { identifyFilter, identifyRole, type BandRole } from "./identify-band";

export type BandImage = {
  filter: FilterDef;
  role: BandRole;
  data: Float32Array;
  width: number;
  height: number;
  wcs: Wcs;
  header: FitsHeader;
  primaryHeader: FitsHeader;
  bunit: string;
  source: string;
};

/** Files the operator labelled on the command line: `--filter SDSSg=g.fits`, `--sigma SDSSg=g_err.fits`. */
export type FileLabel = { file: string; filter: string; role: BandRole };

export class RegistrationError extends Error {}

export async function collectBands(files: string[], labels: FileLabel[] = []): Promise<BandImage[]> {
  const bands: BandImage[] = [];
  const all = [...new Set([...files, ...labels.map((l) => l.file)])];
  for (const file of all) {
    const label = labels.find((l) => path.resolve(l.file) === path.resolve(file));
    const labelFilter = label ? filterByName(label.filter) : undefined;
    if (label && !labelFilter)
      throw new RegistrationError(`${label.filter}: not a POGS filter name (e.g. SDSSg, PS1r, GALEXNUV, WISEW1)`);
    const fits = await readFits(file);
    const primaryHeader = readPrimaryHeader(fits);
    const images = listHdus(fits).filter(
      (h) =>
        (h.kind === "image" && h.axes.length >= 2 && h.axes[0] > 1 && h.axes[1] > 1) || h.kind === "compressed-image",
    );
    if (!images.length) throw new RegistrationError(`${file}: no image in this file`);
    for (const hdu of images) {
      const where = images.length > 1 ? `${file} HDU ${hdu.index}${hdu.extname ? ` (${hdu.extname})` : ""}` : file;
      refuseCube(hdu.axes, fits.hdus[hdu.index].header, where);
      const image = readImage(fits, hdu.index, { type: "float32" });
      const merged = mergedHeader(primaryHeader, image.header);
      const filter = labelFilter ?? identifyFilter(merged, hdu.extname);
      if (!filter)
        throw new RegistrationError(
          `${where}: the header names no filter (FILTER, BAND, MAGPHYSN…); name it with --filter <FILTER>=${file}`,
        );
      let wcs: Wcs;
      try {
        wcs = wcsFromHeader(image.header, file);
      } catch (e) {
        if (e instanceof FitsError)
          throw new RegistrationError(`${where}: no usable celestial WCS (${e.message.replace(/^[^:]*: /, "")})`);
        throw e;
      }
      bands.push({
        filter,
        role: label?.role ?? identifyRole(merged, hdu.extname),
        data: image.data as Float32Array,
        width: image.width,
        height: image.height,
        wcs,
        header: image.header,
        primaryHeader,
        bunit: String(merged.get("BUNIT") ?? "").trim(),
        source: path.basename(file),
      });
    }
  }
  return bands;
}

/**
 * A data cube (a radio cube's frequency planes, Stokes planes) holds several images in one HDU;
 * read as one image it would fail only when its layer is written, so it is refused here, naming
 * the axes. Degenerate axes (NAXIS3 = 1, common in radio images) hold one plane and are read as 2-D.
 */
function refuseCube(axes: number[], header: FitsHeader, where: string): void {
  if (axes.slice(2).every((n) => n === 1)) return;
  const sizes = axes.map((n, i) => `NAXIS${i + 1}=${n}`).join(" × ");
  const names = axes.map((_, i) => header.getString(`CTYPE${i + 1}`)?.trim() || "?").join(", ");
  const dims = axes.filter((n) => n > 1).length;
  throw new RegistrationError(
    `${where}: a ${dims}-D cube (${sizes}, axes ${names}) is not an image; give one 2-D plane per band`,
  );
}

function readPrimaryHeader(fits: Awaited<ReturnType<typeof readFits>>): FitsHeader {
  return fits.hdus[0].header;
}

/** An extension's keywords, falling back to the primary header's (INHERIT-style). */
function mergedHeader(primary: FitsHeader, extension: FitsHeader): FitsHeader {
  if (primary === extension) return extension;
  const merged = primary.clone();
  for (const card of extension.cards)
    if (card.kind !== "commentary")
      merged.set(card.keyword, card.value, card.comment, { float: card.kind === "float" });
  return merged;
}

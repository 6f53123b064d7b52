// Every band onto one pixel grid: the reference band's. Real cutouts from different surveys do not
// share a grid, so each other band (and its uncertainty) is resampled through the two WCSs with
// lib/fits/reproject: each output pixel is sub-sampled (by the ratio of pixel scales), each
// sub-sample taken to the sky by the reference WCS and back into the source image by the band's
// WCS, bilinearly interpolated, and averaged. Per-pixel units (DN, Jy/pixel, counts) are scaled by
// the pixel-area ratio so totals are kept; surface brightness (MJy/sr, Jy/arcsec²) is not.
// Uncertainties are resampled the same way: a slight underestimate where pixels are merged (their
// errors add in quadrature, not linearly); noted in the README.
import { reproject, type Wcs } from "@/lib/fits";
import type { FilterDef } from "@/lib/survey/filters";
import type { BandImage } from "./collect-bands";
import { RegistrationError } from "./collect-bands";
import { isSurfaceBrightness } from "./identify-band";

export type GridBand = {
  filter: FilterDef;
  image: Float32Array;
  sigma: Float32Array | null;
  sigmaKind: "sigma" | "snr" | "fraction";
  bunit: string;
  source: string;
  header: BandImage["header"];
  primaryHeader: BandImage["primaryHeader"];
};
export type Grid = { wcs: Wcs; width: number; height: number };

const sameGrid = (a: BandImage, g: Grid) =>
  a.width === g.width &&
  a.height === g.height &&
  JSON.stringify(a.wcs.ctype) === JSON.stringify(g.wcs.ctype) &&
  [...a.wcs.crpix, ...a.wcs.crval, ...a.wcs.cd.flat()].every(
    (v, i) => Math.abs(v - [...g.wcs.crpix, ...g.wcs.crval, ...g.wcs.cd.flat()][i]) < 1e-9,
  );

function onGrid(band: BandImage, grid: Grid): Float32Array {
  if (sameGrid(band, grid)) return band.data;
  const units = isSurfaceBrightness(band.bunit) || band.role === "snr" ? "surface-brightness" : "flux";
  return reproject({ data: band.data, width: band.width, height: band.height, wcs: band.wcs }, grid, {
    units,
    type: "float32",
  }).data as Float32Array;
}

/** The reference band: the one named, else the optical band with the finest pixels (else any). */
export function chooseReference(images: BandImage[], named?: string): BandImage {
  if (named) {
    const band = images.find((b) => b.filter.name.toLowerCase() === named.toLowerCase());
    if (!band) throw new RegistrationError(`--reference ${named}: no image of that filter among the inputs`);
    return band;
  }
  const scale = (b: BandImage) =>
    Math.sqrt(Math.abs(b.wcs.cd[0][0] * b.wcs.cd[1][1] - b.wcs.cd[0][1] * b.wcs.cd[1][0]));
  const optical = images.filter((b) => b.filter.bandClass === "optical");
  return [...(optical.length ? optical : images)].sort(
    (a, b) => scale(a) - scale(b) || b.width * b.height - a.width * a.height,
  )[0];
}

export function toCommonGrid(
  bands: BandImage[],
  grid: Grid,
  onBand?: (done: number, total: number) => void,
): GridBand[] {
  const images = bands.filter((b) => b.role === "image");
  const out: GridBand[] = [];
  for (const [i, image] of images.entries()) {
    const errorBand = bands.find((b) => b.filter.id === image.filter.id && b.role !== "image");
    let sigma: Float32Array | null = null;
    if (errorBand?.role === "sigma") sigma = onGrid(errorBand, grid);
    const data = onGrid(image, grid);
    if (errorBand?.role === "snr") {
      // σ = value / SNR, where both are known and the SNR is positive.
      const snr = onGrid(errorBand, grid);
      sigma = new Float32Array(data.length);
      for (let k = 0; k < data.length; k++) sigma[k] = snr[k] > 0 ? Math.abs(data[k]) / snr[k] : NaN;
    }
    out.push({
      filter: image.filter,
      image: data,
      sigma,
      sigmaKind: errorBand ? (errorBand.role as "sigma" | "snr") : "fraction",
      bunit: image.bunit,
      source: image.source,
      header: image.header,
      primaryHeader: image.primaryHeader,
    });
    onBand?.(i + 1, images.length);
  }
  return out;
}

/** Refuses band sets that cannot be registered, with the reason. */
export function checkBandSet(bands: BandImage[]): void {
  const seen = new Map<string, BandImage>();
  for (const b of bands) {
    const key = `${b.filter.name}/${b.role === "image" ? "image" : "error"}`;
    const other = seen.get(key);
    if (other)
      throw new RegistrationError(
        `${b.filter.name} ${b.role === "image" ? "image" : "uncertainty"} given twice (${other.source} and ${b.source})`,
      );
    seen.set(key, b);
  }
  for (const b of bands)
    if (b.role !== "image" && !seen.has(`${b.filter.name}/image`))
      throw new RegistrationError(`${b.source}: a ${b.role} image for ${b.filter.name}, but no ${b.filter.name} image`);
  if (!bands.some((b) => b.role === "image")) throw new RegistrationError("no filter image among the inputs");
}

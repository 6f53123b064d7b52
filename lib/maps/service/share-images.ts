/**
 * Images to share, rendered on request: the composite with one volunteer's areas highlighted
 * (the original "your areas" image, docs/formats.md §6), thumbnails for lists, and the Open Graph card
 * of a galaxy page. Each has an ETag derived from what it depends on (galaxy, results version,
 * parameters), so a client or cache revalidates with a 304 and no rendering; rendered PNGs are
 * also kept in a small LRU by ETag.
 *
 * Highlight: every pixel of the volunteer's rectangles is brightened halfway to white,
 * c' = c + ⌈(255 − c) / 2⌉ (Django's `mark_image`), over the composite flattened onto black,
 * so black sky inside an area turns grey. Unlike the original, the last column and row of each
 * rectangle are included, rows are flipped to north up, and other pixels are left untouched.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { formatInt, formatPercent } from "@/lib/format";
import { progressOf, STATUS_LABEL, isGalaxyStatus } from "@/lib/survey/status";
import type { RgbaRaster } from "@/lib/maps/raster";
import type { ByteLru } from "./byte-lru";
import { volunteerAreaRows } from "./areas";
import type { MapsContext } from "./context";
import { loadGalaxySource, type GalaxySource } from "./galaxy-source";
import { parseMapKey } from "./map-keys";
import { getMapLevels, NotCurrentVersionError } from "./raster-store";
import { sharedState } from "./shared-state";

/** Bump when the look of the images changes, so cached copies are revalidated. */
const IMAGE_REVISION = 1;
export const DEFAULT_SHARE_WIDTH = 800;
export const DEFAULT_THUMBNAIL_SIZE = 160;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface ShareImage {
  etag: string;
  png(): Promise<Buffer>;
}

export type ShareImageResult =
  | { kind: "ok"; image: ShareImage }
  | { kind: "galaxy-not-found" }
  | { kind: "user-not-found"; userId: number }
  | { kind: "no-composite"; imageNumber: number };

function cachedPng(etag: string, render: () => Promise<Buffer>): ShareImage {
  const cache = sharedState().images as ByteLru<Buffer>;
  return { etag, png: () => cache.getOrLoad(etag, render, (b) => b.length) };
}

/** The composite flattened onto black as RGB bytes (black when there is no composite). */
async function compositeRgb(ctx: MapsContext, source: GalaxySource, imageNumber: number | null): Promise<RgbaRaster> {
  const { width, height } = source;
  const rgb = new Uint8Array(width * height * 3);
  if (imageNumber === null) return { data: rgb, width, height };
  let raster: RgbaRaster;
  try {
    raster = (await getMapLevels(ctx, source, parseMapKey(`rgb${imageNumber}`)!, 0)).full;
  } catch (error) {
    if (error instanceof NotCurrentVersionError) return { data: rgb, width, height };
    throw error;
  }
  const src = raster.data;
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    const a = src[i + 3];
    if (a === 255) {
      rgb[j] = src[i];
      rgb[j + 1] = src[i + 1];
      rgb[j + 2] = src[i + 2];
    } else if (a !== 0) {
      rgb[j] = Math.round((src[i] * a) / 255);
      rgb[j + 1] = Math.round((src[i + 1] * a) / 255);
      rgb[j + 2] = Math.round((src[i + 2] * a) / 255);
    }
  }
  return { data: rgb, width, height };
}

/** c' = c + ⌈(255 − c) / 2⌉: halfway to white. */
export function brighten(c: number): number {
  return c + ((256 - c) >> 1);
}

/** Brightens the pixels of half-open FITS rectangles in an RGB raster (image rows flipped). */
export function highlightRectangles(rgb: RgbaRaster, boxes: readonly (readonly number[])[]): void {
  const { data, width, height } = rgb;
  const marked = new Uint8Array(width * height);
  for (const [x0, y0, x1, y1] of boxes) {
    const xa = Math.max(0, x0),
      xb = Math.min(width, x1);
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      const row = (height - 1 - y) * width;
      marked.fill(1, row + xa, row + Math.max(xa, xb));
    }
  }
  // Marked once each, so overlapping rectangles (there are none in POGS) are not brightened twice.
  for (let p = 0; p < marked.length; p++) {
    if (!marked[p]) continue;
    data[3 * p] = brighten(data[3 * p]);
    data[3 * p + 1] = brighten(data[3 * p + 1]);
    data[3 * p + 2] = brighten(data[3 * p + 2]);
  }
}

function rgbImage({ data, width, height }: RgbaRaster) {
  return sharp(data, { raw: { width, height, channels: 3 } });
}

function firstComposite(source: GalaxySource): number | null {
  return source.composites.find((c) => c.available)?.imageNumber ?? null;
}

export async function areasImage(
  ctx: MapsContext,
  galaxyId: number,
  { userId, imageNumber, width }: { userId: number; imageNumber?: number; width?: number },
): Promise<ShareImageResult> {
  const source = await loadGalaxySource(ctx, galaxyId);
  if (!source) return { kind: "galaxy-not-found" };
  const user = await ctx.db.boincUser.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return { kind: "user-not-found", userId };
  let image = firstComposite(source);
  if (imageNumber !== undefined) {
    if (!source.composites.some((c) => c.imageNumber === imageNumber && c.available))
      return { kind: "no-composite", imageNumber };
    image = imageNumber;
  }
  // By default about DEFAULT_SHARE_WIDTH pixels wide: small galaxies are enlarged by a whole factor
  // (each pixel a crisp square), large ones reduced. A requested width goes up to full resolution,
  // or to that default size for galaxies smaller than it.
  const defaultWidth =
    source.width >= DEFAULT_SHARE_WIDTH
      ? DEFAULT_SHARE_WIDTH
      : source.width * Math.floor(DEFAULT_SHARE_WIDTH / source.width);
  const outWidth = width === undefined ? defaultWidth : Math.min(width, Math.max(source.width, defaultWidth));
  const outHeight = Math.max(1, Math.round((source.height * outWidth) / source.width));
  // Areas and credit change only with an ingest, which bumps the results version.
  const etag = `"areas-${IMAGE_REVISION}-${galaxyId}-v${source.resultsVersion}-u${userId}-i${image ?? 0}-w${outWidth}"`;
  return {
    kind: "ok",
    image: cachedPng(etag, async () => {
      const rows = await volunteerAreaRows(ctx.db, galaxyId, userId);
      const rgb = await compositeRgb(ctx, source, image);
      highlightRectangles(
        rgb,
        rows.map((a) => [a.x0, a.y0, a.x1, a.y1]),
      );
      let img = rgbImage(rgb);
      if (outWidth !== source.width)
        img = img.resize(outWidth, outHeight, {
          fit: "fill",
          kernel: outWidth > source.width ? "nearest" : "lanczos3",
        });
      return img.png().toBuffer();
    }),
  };
}

/** The galaxy scaled to fit a box, on black: composite 1 (or the first there is), else black. */
async function fitted(ctx: MapsContext, source: GalaxySource, boxWidth: number, boxHeight: number): Promise<Buffer> {
  const rgb = await compositeRgb(ctx, source, firstComposite(source));
  return rgbImage(rgb)
    .resize(boxWidth, boxHeight, { fit: "contain", background: { r: 0, g: 0, b: 0 } })
    .png()
    .toBuffer();
}

export async function thumbnailImage(
  ctx: MapsContext,
  galaxyId: number,
  { size = DEFAULT_THUMBNAIL_SIZE }: { size?: number } = {},
): Promise<ShareImageResult> {
  const source = await loadGalaxySource(ctx, galaxyId);
  if (!source) return { kind: "galaxy-not-found" };
  const image = firstComposite(source);
  // Composites do not change with results: the thumbnail depends on the galaxy only.
  const etag = `"thumb-${IMAGE_REVISION}-${galaxyId}-${source.createdAt.getTime()}-i${image ?? 0}-s${size}"`;
  const scale = Math.min(1, size / Math.max(source.width, source.height));
  const w = Math.max(1, Math.round(source.width * scale));
  const h = Math.max(1, Math.round(source.height * scale));
  return { kind: "ok", image: cachedPng(etag, () => fitted(ctx, source, w, h)) };
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export function openGraphSvg(source: GalaxySource): string {
  const fraction = progressOf(source);
  const status = isGalaxyStatus(source.status) ? STATUS_LABEL[source.status] : source.status;
  const x = OG_HEIGHT + 50;
  const barWidth = OG_WIDTH - x - 60;
  const nameSize = source.name.length > 16 ? 48 : 64;
  const facts = [source.hubbleType, `z = ${source.redshift.toFixed(4)}`].filter(Boolean).join(" · ");
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}">
  <rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#0b1020"/>
  <text x="${x}" y="110" ${font} font-size="28" fill="#94a0c6">POGS · Pixels of Galaxies</text>
  <text x="${x}" y="215" ${font} font-size="${nameSize}" font-weight="bold" fill="#e8ecfa">${escapeXml(source.name)}</text>
  <text x="${x}" y="275" ${font} font-size="28" fill="#94a0c6">${escapeXml(facts)}</text>
  <rect x="${x}" y="360" width="${barWidth}" height="24" rx="12" fill="#1a2340"/>
  <rect x="${x}" y="360" width="${Math.round(barWidth * fraction)}" height="24" rx="12" fill="#f5b94a"/>
  <text x="${x}" y="440" ${font} font-size="30" fill="#e8ecfa">${escapeXml(`${formatPercent(fraction)} of ${formatInt(source.pixelCount)} pixels fitted`)}</text>
  <text x="${x}" y="495" ${font} font-size="26" fill="#6ec3ff">${escapeXml(status)}</text>
</svg>`;
}

export async function openGraphImage(ctx: MapsContext, galaxyId: number): Promise<ShareImageResult> {
  const source = await loadGalaxySource(ctx, galaxyId);
  if (!source) return { kind: "galaxy-not-found" };
  const name = createHash("sha1").update(source.name).digest("hex").slice(0, 8);
  const etag = `"og-${IMAGE_REVISION}-${galaxyId}-${source.createdAt.getTime()}-${name}-v${source.resultsVersion}-${source.status}-${source.pixelsProcessed}-i${firstComposite(source) ?? 0}"`;
  return {
    kind: "ok",
    image: cachedPng(etag, async () => {
      const picture = await fitted(ctx, source, OG_HEIGHT, OG_HEIGHT);
      return sharp(Buffer.from(openGraphSvg(source)))
        .composite([{ input: picture, left: 0, top: 0 }])
        .png()
        .toBuffer();
    }),
  };
}

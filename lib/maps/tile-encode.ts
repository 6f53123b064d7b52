/**
 * Tile encoding (sharp). Both formats are lossless: the tiles are science maps whose colours
 * are read against a colour bar, so JPEG / lossy WebP artefacts are not acceptable, and JPEG has
 * no alpha for the no-data pixels.
 *
 * PNG is the default: every browser and tool reads it, and it encodes faster than lossless
 * WebP, which decides pyramid build time. Lossless WebP makes ~35% smaller pyramids (4096²
 * synthetic map: 5.5 vs 8.3 MiB) for ~1.8× the build time; choose it where storage or bandwidth
 * matters more than build time. Measured per dense 256² tile of a noisy viridis map:
 * PNG level 6 11 ms / 52 KiB, level 5 4 ms / 55 KiB, level 6 + adaptive filtering 13 ms /
 * 95 KiB; WebP lossless effort 0 14 ms / 39 KiB, effort 2 18 ms / 34 KiB, effort 4 19 ms / 34 KiB.
 */
import sharp from "sharp";
import type { TileFormat } from "./dzi-geometry";
import type { RgbaRaster } from "./raster";

/** zlib level 6 and no filtering: libpng's and `vips dzsave`'s defaults, so tiles are as small as
 * vips'; filtering nearly doubles these noisy tiles. Level 5 would be 2.5× faster for +5%. */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;
/** effort 2 of 0..6: the size of effort 4 within 3%, and 13% smaller than effort 0. */
const WEBP_OPTIONS = { lossless: true, effort: 2 } as const;

function encoder({ data, width, height }: RgbaRaster, format: TileFormat): ReturnType<typeof sharp> {
  const image = sharp(data, { raw: { width, height, channels: 4 } });
  switch (format) {
    case "png":
      return image.png(PNG_OPTIONS);
    case "webp":
      return image.webp(WEBP_OPTIONS);
    default:
      throw new RangeError(`unknown tile format ${String(format)}`);
  }
}

export function encodeTile(tile: RgbaRaster, format: TileFormat): Promise<Buffer> {
  return encoder(tile, format).toBuffer();
}

/** Encodes straight to a file: the write happens on sharp's worker thread, not the event loop. */
export async function encodeTileToFile(tile: RgbaRaster, format: TileFormat, path: string): Promise<void> {
  await encoder(tile, format).toFile(path);
}

/**
 * The MIME types of what the maps serve, by file extension: tiles, DZI descriptors and share
 * images. One map, so the tile fast path, the Next route and the on-demand renderer label a file
 * alike; the `types` block of deploy/nginx/pogs.conf must agree with it.
 */
import type { TileFormat } from "./dzi-geometry";

export const CONTENT_TYPES = {
  png: "image/png",
  webp: "image/webp",
  dzi: "application/xml",
} as const satisfies Record<TileFormat | "dzi", string>;

/** The type of a served path by its extension; unknown extensions as opaque bytes. */
export function contentTypeOf(pathname: string): string {
  const extension = pathname.slice(pathname.lastIndexOf(".") + 1);
  return Object.hasOwn(CONTENT_TYPES, extension)
    ? CONTENT_TYPES[extension as keyof typeof CONTENT_TYPES]
    : "application/octet-stream";
}

// A picture on /about made from the survey's own maps: the preview tile of one of the showcase
// galaxy's pyramids (the same tile the galaxy page shows), lazily loaded, with its alt text.
import type { ReactNode } from "react";
import { CHECKER } from "@/components/maps/checker";
import { previewTile } from "@/components/maps/tile-urls";

export function MapFigure({
  dzi,
  width,
  height,
  alt,
  checker = false,
  caption,
  children,
}: {
  dzi: string;
  /** Size of the galaxy's image, px. */
  width: number;
  height: number;
  alt: string;
  checker?: boolean;
  caption: ReactNode;
  children?: ReactNode;
}) {
  const tile = previewTile(dzi, width, height);
  return (
    <figure className="min-w-0">
      <div
        className="overflow-hidden rounded-lg bg-black ring-1 ring-line"
        style={{ aspectRatio: `${width} / ${height}`, ...(checker ? CHECKER : {}) }}
      >
        {/* A tile of the pyramid, not a page asset: next/image would re-encode what is already a tile. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={tile.url}
          alt={alt}
          width={tile.width}
          height={tile.height}
          loading="lazy"
          decoding="async"
          className="h-full w-full"
          style={{ imageRendering: tile.fullResolution ? "pixelated" : "auto" }}
          data-testid="about-picture"
        />
      </div>
      <figcaption className="mt-1.5 text-xs text-muted">{caption}</figcaption>
      {children}
    </figure>
  );
}

"use client";
// A small picture of a tiled image: the pyramid's one tile that holds the whole image (see
// tile-urls.ts). When the URL changes (a new results version) the old picture stays until the new
// one has loaded, so a live page does not flicker.
import { useEffect, useState } from "react";
import { previewTile } from "./tile-urls";

export function TilePreview({
  dzi,
  width,
  height,
  alt,
  lazy = false,
  testId,
}: {
  dzi: string;
  /** What the picture shows (galaxy, parameter, range): see map-description.ts. */
  alt: string;
  /** Below the fold: the browser fetches it as it nears the screen. */
  lazy?: boolean;
  width: number;
  height: number;
  testId?: string;
}) {
  const tile = previewTile(dzi, width, height);
  const [shown, setShown] = useState(tile.url);
  useEffect(() => {
    if (tile.url === shown) return;
    let cancelled = false;
    const next = new Image();
    next.onload = next.onerror = () => {
      if (!cancelled) setShown(tile.url);
    };
    next.src = tile.url;
    return () => {
      cancelled = true;
    };
  }, [tile.url, shown]);
  return (
    // A tile of the pyramid, not a page asset: next/image would re-encode what is already a tile.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={shown}
      alt={alt}
      width={tile.width}
      height={tile.height}
      loading={lazy ? "lazy" : "eager"}
      decoding="async"
      draggable={false}
      data-testid={testId}
      className="absolute inset-0 h-full w-full select-none"
      style={{ imageRendering: tile.fullResolution ? "pixelated" : "auto" }}
    />
  );
}

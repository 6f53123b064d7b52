/**
 * A region resolved against a galaxy's image: the smallest pixel box holding every pixel the
 * region touches, clipped to the image (SODA: requests exceeding the dataset are clipped), or
 * null when they do not overlap.
 *
 * For a sky region, the box of region ∩ image is reached on the region's boundary inside the
 * image or on the image's border inside the region, so both are sampled at a quarter pixel and
 * the extremes taken; the region's boundary is refined only where it passes near the image, so
 * a huge region over a small galaxy costs no more than a small one.
 */
import { pixelToSky, skyToPixel, type Wcs } from "@/lib/fits/wcs";
import { pixelScaleArcsec } from "@/lib/fits/wcs";
import { UsageError } from "@/lib/access/http/usage-error";
import { angularDistance } from "@/lib/access/sky/great-circle";
import type { PixelBox, Region, SkyRegion } from "./region-types";
import { shapeOf } from "./sky-shapes";

export interface ImageGrid {
  wcs: Wcs;
  width: number;
  height: number;
}

class Extent {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  add(x: number, y: number) {
    this.minX = Math.min(this.minX, x);
    this.maxX = Math.max(this.maxX, x);
    this.minY = Math.min(this.minY, y);
    this.maxY = Math.max(this.maxY, y);
  }
  get empty() {
    return this.minX > this.maxX;
  }
}

/** The pixels touched by the extent (pixel x covers x − ½ … x + ½), clipped to the image. */
function boxOf(e: Extent, width: number, height: number): PixelBox | null {
  if (e.empty) return null;
  const box = {
    x0: Math.max(0, Math.floor(e.minX + 0.5)),
    y0: Math.max(0, Math.floor(e.minY + 0.5)),
    x1: Math.min(width, Math.floor(e.maxX + 0.5) + 1),
    y1: Math.min(height, Math.floor(e.maxY + 0.5) + 1),
  };
  return box.x0 < box.x1 && box.y0 < box.y1 ? box : null;
}

function skyRegionBox(region: SkyRegion, { wcs, width, height }: ImageGrid): PixelBox | null {
  const shape = shapeOf(region);
  const step = pixelScaleArcsec(wcs) / 3600 / 4;
  const extent = new Extent();
  const inImage = (x: number, y: number) => x >= -0.5 && x <= width - 0.5 && y >= -0.5 && y <= height - 0.5;

  // The image's border, where it lies inside the region.
  const perimeter: [number, number][] = [];
  for (let x = -0.5; x <= width - 0.5; x += 0.25) perimeter.push([x, -0.5], [x, height - 0.5]);
  for (let y = -0.5; y <= height - 0.5; y += 0.25) perimeter.push([-0.5, y], [width - 0.5, y]);
  for (const [x, y] of perimeter) {
    const [ra, dec] = pixelToSky(wcs, x, y);
    if (Number.isFinite(ra) && shape.contains(ra, dec)) extent.add(x, y);
  }

  // The region's boundary, where it lies inside the image.
  const [cra, cdec] = pixelToSky(wcs, (width - 1) / 2, (height - 1) / 2);
  const reach =
    Math.max(
      ...[
        [-0.5, -0.5],
        [width - 0.5, -0.5],
        [-0.5, height - 0.5],
        [width - 0.5, height - 0.5],
      ].map(([x, y]) => {
        const [ra, dec] = pixelToSky(wcs, x, y);
        return angularDistance(cra, cdec, ra, dec);
      }),
    ) + step;
  for (const edge of shape.edges) {
    const pieces = Math.max(1, Math.ceil(edge.length / Math.max(step, reach / 4)));
    const pieceLength = edge.length / pieces;
    for (let i = 0; i < pieces; i++) {
      const [ra0, dec0] = edge.at(i / pieces);
      // Every point of this piece is within pieceLength of its start: skip pieces that cannot reach the image.
      if (angularDistance(cra, cdec, ra0, dec0) > reach + pieceLength) continue;
      const samples = Math.max(1, Math.ceil(pieceLength / step));
      for (let j = 0; j <= samples; j++) {
        const [ra, dec] = edge.at((i + j / samples) / pieces);
        const [x, y] = skyToPixel(wcs, ra, dec);
        if (Number.isFinite(x) && Number.isFinite(y) && inImage(x, y)) extent.add(x, y);
      }
    }
  }
  return boxOf(extent, width, height);
}

function pixelsBox(region: Extract<Region, { kind: "pixels" }>, width: number, height: number): PixelBox {
  const [xa, xb] = region.x ?? [1, width];
  const [ya, yb] = region.y ?? [1, height];
  if (xa > width || ya > height)
    throw new UsageError(
      `PIXELS [${xa}:${xb},${ya}:${yb}] lies outside the image, which has pixels [1:${width},1:${height}]`,
    );
  return { x0: xa - 1, y0: ya - 1, x1: Math.min(width, xb), y1: Math.min(height, yb) };
}

/** The pixel box of a region on an image, or null when a sky region misses the image. */
export function regionBox(region: Region, grid: ImageGrid): PixelBox | null {
  if (region.kind === "all") return { x0: 0, y0: 0, x1: grid.width, y1: grid.height };
  if (region.kind === "pixels") return pixelsBox(region, grid.width, grid.height);
  return skyRegionBox(region, grid);
}

import type { FitsHeader } from "@/lib/fits/header/fits-header";

/**
 * The tiling of a compressed image: ZTILEi pixels per tile along axis i (default: whole rows),
 * tiles numbered with axis 1 varying fastest; edge tiles are cut to the image.
 */
export interface TileGrid {
  axes: number[];
  tile: number[];
  /** Tiles along each axis. */
  counts: number[];
  count: number;
  pixelsIn(tile: number): number;
}

export function tileGrid(axes: number[], header: FitsHeader): TileGrid {
  const tile = axes.map((n, i) => Math.min(n, header.getNumber(`ZTILE${i + 1}`) ?? (i === 0 ? n : 1)));
  const counts = axes.map((n, i) => Math.ceil(n / Math.max(1, tile[i])));
  const grid: TileGrid = {
    axes,
    tile,
    counts,
    count: counts.reduce((a, b) => a * b, 1),
    pixelsIn: (t) => tileBox(grid, t).size.reduce((a, b) => a * b, 1),
  };
  return grid;
}

/** Origin and size (per axis) of tile `t` (0-based). */
export function tileBox(grid: TileGrid, t: number): { origin: number[]; size: number[] } {
  const origin: number[] = [];
  const size: number[] = [];
  let rest = t;
  for (let i = 0; i < grid.axes.length; i++) {
    const c = rest % grid.counts[i];
    rest = Math.floor(rest / grid.counts[i]);
    origin.push(c * grid.tile[i]);
    size.push(Math.min(grid.tile[i], grid.axes[i] - c * grid.tile[i]));
  }
  return { origin, size };
}

/** Calls fn(index in tile, index in image) for every pixel of tile `t`, in tile order. */
export function forEachTilePixel(grid: TileGrid, t: number, fn: (tileIndex: number, imageIndex: number) => void): void {
  const { origin, size } = tileBox(grid, t);
  const n = grid.axes.length;
  const stride = [1];
  for (let i = 1; i < n; i++) stride.push(stride[i - 1] * grid.axes[i - 1]);
  const pos = new Array<number>(n).fill(0);
  const rowLength = size[0];
  const rows = size.reduce((a, b) => a * b, 1) / Math.max(1, rowLength);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    let base = 0;
    for (let i = 0; i < n; i++) base += (origin[i] + pos[i]) * stride[i];
    for (let x = 0; x < rowLength; x++) fn(k++, base + x);
    // odometer over axes 2…n
    for (let i = 1; i < n; i++) {
      if (++pos[i] < size[i]) break;
      pos[i] = 0;
    }
  }
}

/**
 * Halving an RGBA raster for the next pyramid level: each output pixel is the mean of its 2×2
 * source block (of 2 or 1 pixels at an odd right or bottom edge), weighted by alpha, i.e. the
 * mean of premultiplied colours divided by the mean alpha. Unweighted averaging would blend the
 * black of transparent (no-data) pixels into the galaxy's edge at every zoom-out.
 *
 * Done here rather than with sharp's resize because the result must be *local*: a block depends
 * only on its own 2×2 source pixels, so a tile rendered on demand (`service/map-rasters.ts`)
 * has exactly the bytes of the same tile in a full build. libvips' reduce
 * kernels reach across block edges and would make the two differ. It is also fast enough: one
 * pass of integer arithmetic, ~50 ms for all levels below a 4096² raster.
 */
import type { RgbaRaster } from "./raster";

/** Size of the halved raster (DZI rounds up). */
export function halvedSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.ceil(width / 2), height: Math.ceil(height / 2) };
}

export function halveRgba(src: RgbaRaster): RgbaRaster {
  const { width, height } = halvedSize(src.width, src.height);
  const out: RgbaRaster = { data: new Uint8Array(width * height * 4), width, height };
  halveRgbaRows(src, out, 0, height);
  return out;
}

/**
 * Same as `halveRgba`, yielding to the event loop every `rowsPerSlice` output rows so tile
 * encodes already queued keep being dispatched to sharp's threads meanwhile.
 */
export async function halveRgbaInSlices(src: RgbaRaster, rowsPerSlice = 128): Promise<RgbaRaster> {
  const { width, height } = halvedSize(src.width, src.height);
  const out: RgbaRaster = { data: new Uint8Array(width * height * 4), width, height };
  for (let y = 0; y < height; y += rowsPerSlice) {
    halveRgbaRows(src, out, y, Math.min(height, y + rowsPerSlice));
    if (y + rowsPerSlice < height) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/** Fills output rows [oy0, oy1) of `dst` (already sized by `halvedSize`). */
function halveRgbaRows(
  { data: src, width: w, height: h }: RgbaRaster,
  dst: RgbaRaster,
  oy0: number,
  oy1: number,
): void {
  const out = dst.data;
  const ow = dst.width;
  const rowBytes = w * 4;
  for (let oy = oy0; oy < oy1; oy++) {
    const r0 = 2 * oy * rowBytes;
    // At an odd bottom edge the block has one row: read it twice, which leaves means unchanged.
    const r1 = 2 * oy + 1 < h ? r0 + rowBytes : r0;
    let o = oy * ow * 4;
    for (let ox = 0; ox < ow; ox++, o += 4) {
      const p00 = r0 + 8 * ox;
      // Same trick for an odd right edge.
      const dx = 2 * ox + 1 < w ? 4 : 0;
      const p01 = p00 + dx;
      const p10 = r1 + 8 * ox;
      const p11 = p10 + dx;
      const a00 = src[p00 + 3];
      const a01 = src[p01 + 3];
      const a10 = src[p10 + 3];
      const a11 = src[p11 + 3];
      const sa = a00 + a01 + a10 + a11;
      if (sa === 1020) {
        // All opaque (the common case): plain mean, rounded half up.
        out[o] = (src[p00] + src[p01] + src[p10] + src[p11] + 2) >> 2;
        out[o + 1] = (src[p00 + 1] + src[p01 + 1] + src[p10 + 1] + src[p11 + 1] + 2) >> 2;
        out[o + 2] = (src[p00 + 2] + src[p01 + 2] + src[p10 + 2] + src[p11 + 2] + 2) >> 2;
        out[o + 3] = 255;
      } else if (sa !== 0) {
        // Alpha-weighted mean, rounded half up with integers only: ⌊(2n + d) / 2d⌋.
        const d2 = 2 * sa;
        out[o] = Math.floor((2 * (src[p00] * a00 + src[p01] * a01 + src[p10] * a10 + src[p11] * a11) + sa) / d2);
        out[o + 1] = Math.floor(
          (2 * (src[p00 + 1] * a00 + src[p01 + 1] * a01 + src[p10 + 1] * a10 + src[p11 + 1] * a11) + sa) / d2,
        );
        out[o + 2] = Math.floor(
          (2 * (src[p00 + 2] * a00 + src[p01 + 2] * a01 + src[p10 + 2] * a10 + src[p11 + 2] * a11) + sa) / d2,
        );
        out[o + 3] = (sa + 2) >> 2;
      }
      // sa === 0: fully transparent, stays (0, 0, 0, 0).
    }
  }
}

/** Copies a rectangle out of a raster (tiles, crops for single tiles). */
export function cropRgba({ data, width }: RgbaRaster, x: number, y: number, cw: number, ch: number): RgbaRaster {
  const out = new Uint8Array(cw * ch * 4);
  for (let r = 0; r < ch; r++) {
    const s = ((y + r) * width + x) * 4;
    out.set(data.subarray(s, s + cw * 4), r * cw * 4);
  }
  return { data: out, width: cw, height: ch };
}

/**
 * An RGBA raster in image orientation (row 0 = top = north), 4 bytes a pixel, straight (not
 * premultiplied) alpha. This is what the map renderers return and what the tile pyramid takes;
 * `Buffer` is a `Uint8Array`, so either can be passed.
 */
export interface RgbaRaster {
  data: Uint8Array;
  width: number;
  height: number;
}

export function assertRasterShape(data: ArrayLike<unknown>, width: number, height: number, perPixel: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`invalid raster size ${width}×${height}`);
  }
  if (data.length !== width * height * perPixel) {
    throw new RangeError(`expected ${width * height * perPixel} values for ${width}×${height}, got ${data.length}`);
  }
}

// Work-unit areas by the POGS rules (fits2wu): the image is cut into strips ROW_HEIGHT rows high;
// each strip is walked column by column and an area is closed as soon as it holds at least
// MIN_PIXELS usable pixels. Columns without usable pixels between two areas are absorbed into the
// next one, the last area of a strip may be smaller, and an area never holds 0 usable pixels.
// A strip's first area starts at its first usable column and its last ends after its last one:
// the original walked from x = 0, giving rectangles over empty sky that look, on a volunteer's
// overlay, like work done where there is no galaxy.
import type { AreaRect } from "./area-mask";

export const ROW_HEIGHT = 7;
export const MIN_PIXELS = 16;

export type PlannedArea = AreaRect & { pixelCount: number };

export function planWorkUnits(
  usable: Uint8Array,
  width: number,
  height: number,
  rowHeight = ROW_HEIGHT,
  minPixels = MIN_PIXELS,
): PlannedArea[] {
  const areas: PlannedArea[] = [];
  for (let y0 = 0; y0 < height; y0 += rowHeight) {
    const y1 = Math.min(y0 + rowHeight, height);
    let start = -1; // first column of the open area
    let count = 0;
    let lastUsableColumn = -1;
    for (let x = 0; x < width; x++) {
      let inColumn = 0;
      for (let y = y0; y < y1; y++) inColumn += usable[y * width + x];
      if (inColumn === 0) continue;
      if (start < 0) start = areas.length && areas[areas.length - 1].y0 === y0 ? areas[areas.length - 1].x1 : x;
      count += inColumn;
      lastUsableColumn = x;
      if (count >= minPixels) {
        areas.push({ x0: start, y0, x1: x + 1, y1, pixelCount: count });
        start = -1;
        count = 0;
      }
    }
    // The strip's remainder becomes a smaller last area (its trailing empty columns excluded).
    if (start >= 0 && count > 0) areas.push({ x0: start, y0, x1: lastUsableColumn + 1, y1, pixelCount: count });
  }
  return areas;
}

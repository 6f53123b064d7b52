// Helpers for the deep-zoom viewer tests: the stored values of a pixel read straight from the
// e2e database, and the viewer's own coordinate conversions, asked of OpenSeadragon in the page.
import { expect, type Page } from "@playwright/test";
import { query } from "@/lib/testing/e2e-survey";

/** Statistics order of a `pixel_result_block.stats` row (prisma/schema.prisma, docs/formats.md §3). */
const STAT = { p50: 1, p16: 4, p84: 5 } as const;
/** POGS parameter ids of the four maps: µ (mu parameter), M*, Ldust, SFR. */
export const MAP_PARAMETER_IDS = { mu: 3, m: 6, ldust: 7, sfr: 16 } as const;
export type MapKey = keyof typeof MAP_PARAMETER_IDS;

export interface StoredPixel {
  galaxyId: number;
  areaId: number;
  x: number;
  y: number;
  values: Record<MapKey, { p50: number; p16: number; p84: number }>;
}

/**
 * Pixel `index` of an area's block, decoded independently of the portal's code: `xy` is uint16
 * (x, y) pairs, `stats` float32 [pixel][16 parameters][7 statistics], all little-endian.
 */
export function storedPixel(areaId: number, index: number): StoredPixel {
  const [row] = query<{ galaxy_id: number; area_id: number; pixel_count: number; xy: Buffer; stats: Buffer }>(
    "select galaxy_id, area_id, pixel_count, xy, stats from pixel_result_block where area_id = ?",
    areaId,
  );
  if (!row) throw new Error(`no results stored for area ${areaId}`);
  const i = Math.min(index, row.pixel_count - 1);
  const stat = (parameterId: number, s: number) => row.stats.readFloatLE(4 * ((i * 16 + parameterId - 1) * 7 + s));
  const values = Object.fromEntries(
    Object.entries(MAP_PARAMETER_IDS).map(([key, id]) => [
      key,
      { p50: stat(id, STAT.p50), p16: stat(id, STAT.p16), p84: stat(id, STAT.p84) },
    ]),
  ) as StoredPixel["values"];
  return {
    galaxyId: row.galaxy_id,
    areaId: row.area_id,
    x: row.xy.readUInt16LE(4 * i),
    y: row.xy.readUInt16LE(4 * i + 2),
    values,
  };
}

const panel = (index: number) => `[data-testid="viewer-panel-${index}"]`;

/** Waits until a panel's viewer has its images loaded and its view at rest. */
export async function viewerAtRest(page: Page, index = 0): Promise<void> {
  await page.waitForFunction((selector) => {
    const v = (
      document.querySelector(selector) as (HTMLElement & { osdViewer?: import("openseadragon").Viewer }) | null
    )?.osdViewer;
    if (!v || v.world.getItemCount() === 0) return false;
    for (let i = 0; i < v.world.getItemCount(); i++) if (!v.world.getItemAt(i).getFullyLoaded()) return false;
    const vp = v.viewport;
    return Math.abs(vp.getZoom(true) - vp.getZoom(false)) < 1e-9 && vp.getCenter(true).equals(vp.getCenter(false));
  }, panel(index));
}

export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where OpenSeadragon draws an image rectangle (image pixel coordinates, y down), in page
 * coordinates: its own `imageToViewerElementCoordinates` of the corners, plus the viewer element's
 * position.
 */
export async function imageRectOnScreen(
  page: Page,
  index: number,
  rect: { x: number; y: number; width: number; height: number },
): Promise<ScreenBox> {
  return page.evaluate(
    ({ selector, rect }) => {
      const v = (document.querySelector(selector) as HTMLElement & { osdViewer: import("openseadragon").Viewer })
        .osdViewer;
      const item = v.world.getItemAt(v.world.getItemCount() - 1);
      // OpenSeadragon is a module of the page, not a global: make its Points from one it returns.
      const point = (x: number, y: number) => Object.assign(v.viewport.getCenter(true), { x, y });
      const a = item.imageToViewerElementCoordinates(point(rect.x, rect.y));
      const b = item.imageToViewerElementCoordinates(point(rect.x + rect.width, rect.y + rect.height));
      const origin = v.element.getBoundingClientRect();
      return { left: origin.left + a.x, top: origin.top + a.y, right: origin.left + b.x, bottom: origin.top + b.y };
    },
    { selector: panel(index), rect },
  );
}

export async function elementBox(page: Page, selector: string): Promise<ScreenBox> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

export function expectSameBox(actual: ScreenBox, expected: ScreenBox, tolerance = 1): void {
  for (const side of ["left", "top", "right", "bottom"] as const) {
    expect(
      Math.abs(actual[side] - expected[side]),
      `${side}: overlay ${actual[side].toFixed(2)} vs pixels ${expected[side].toFixed(2)}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

export async function viewerZoom(page: Page, index = 0): Promise<number> {
  return page.evaluate(
    (selector) =>
      (
        document.querySelector(selector) as HTMLElement & { osdViewer: import("openseadragon").Viewer }
      ).osdViewer.viewport.getZoom(true),
    panel(index),
  );
}

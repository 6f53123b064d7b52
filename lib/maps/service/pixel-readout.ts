/**
 * `GET /api/galaxies/<id>/pixel?x=&y=`: what is under the pointer. The pixel's sky position from
 * the galaxy's WCS, the area (work unit) whose rectangle holds it, and its values from the stored
 * statistics: the median with the 16th and 84th percentiles (log10 for M*, Ldust and SFR, as
 * stored). Found through the area's rectangle (an indexed lookup), then inside its one block.
 */
import { areaResultRow } from "@/lib/archive-store/area-results";
import { pixelToSky } from "@/lib/fits/wcs";
import { MAP_VALUES, PARAMETER_COUNT, Statistic, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { decodeBlock } from "@/lib/survey/result-block";
import type { ParameterMapKey } from "@/lib/maps/parameter-maps";
import type { MapsContext } from "./context";
import { parseGalaxyWcs } from "./galaxy-wcs";

export interface PixelValue {
  /** Median of the marginal PDF; null where MAGPHYS gave none. */
  value: number | null;
  p16: number | null;
  p84: number | null;
}

export interface PixelReadout {
  x: number;
  y: number;
  ra: number;
  dec: number;
  areaId: number | null;
  values: Record<ParameterMapKey, PixelValue> | null;
}

export type PixelReadoutResult =
  | { kind: "ok"; readout: PixelReadout }
  | { kind: "galaxy-not-found" }
  | { kind: "outside"; width: number; height: number };

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export async function getPixelReadout(
  { db }: MapsContext,
  galaxyId: number,
  x: number,
  y: number,
): Promise<PixelReadoutResult> {
  const galaxy = await db.galaxy.findUnique({
    where: { id: galaxyId },
    select: { width: true, height: true, wcs: true, status: true },
  });
  if (!galaxy) return { kind: "galaxy-not-found" };
  if (x < 0 || y < 0 || x >= galaxy.width || y >= galaxy.height)
    return { kind: "outside", width: galaxy.width, height: galaxy.height };
  const [ra, dec] = pixelToSky(parseGalaxyWcs(galaxy.wcs), x, y);
  const area = await db.area.findFirst({
    where: { galaxyId, y0: { lte: y }, y1: { gt: y }, x0: { lte: x }, x1: { gt: x } },
    select: { id: true },
  });
  // From the database, or from the stored archive once the galaxy's rows are deleted.
  const results = area ? await areaResultRow(db, galaxyId, area.id, ["xy", "stats"], galaxy.status) : null;
  let values: PixelReadout["values"] = null;
  if (results) {
    const block = decodeBlock(results);
    let i = 0;
    while (i < block.pixelCount && !(block.x[i] === x && block.y[i] === y)) i++;
    if (i < block.pixelCount) {
      values = {} as Record<ParameterMapKey, PixelValue>;
      for (const m of MAP_VALUES) {
        const base = (i * PARAMETER_COUNT + (m.parameterId - 1)) * STATISTIC_COUNT;
        values[m.key] = {
          value: finiteOrNull(block.stats[base + Statistic.PERCENTILE_50]),
          p16: finiteOrNull(block.stats[base + Statistic.PERCENTILE_16]),
          p84: finiteOrNull(block.stats[base + Statistic.PERCENTILE_84]),
        };
      }
    }
  }
  return { kind: "ok", readout: { x, y, ra, dec, areaId: area?.id ?? null, values } };
}

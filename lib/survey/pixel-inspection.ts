// What a volunteer's computer computed for one pixel (the pixel inspector, `/galaxies/<id>/pixels/<x>,<y>`):
// the MAGPHYS statistics and histogram of each of the 16 parameters, the best-fit model, the
// observed and best-fit model fluxes of the .fit, and who processed the work unit and when. Read
// from the area whose rectangle holds the pixel (an indexed lookup), then inside its one block.
import { areaResultRow } from "@/lib/archive-store/area-results";
import type { Db } from "@/lib/db/client";
import { pixelToSky } from "@/lib/fits/wcs";
import { parseGalaxyWcs } from "@/lib/maps/service/galaxy-wcs";
import { filterByName } from "./filters";
import { PARAMETERS, STATISTICS } from "./parameters";
import { decodeBlock, decodeFluxes, decodeHistograms, FLUX_VALUES, pixelStatisticsAt } from "./result-block";

type Value = number | null;

export type InspectedParameter = {
  id: number;
  /** `pixel_result` column, as in data requests (`m`, `sfr`, …) */
  column: string;
  label: string;
  title: string;
  unit: string;
  log10: boolean;
  /** by statistic feature name: best_fit, percentile_50, highest_prob_bin, percentile_2_5, … */
  statistics: Record<string, Value>;
  /** bin centres (in the statistics' units) and probabilities; null when not kept */
  histogram: { x: number[]; p: number[] } | null;
};

export type InspectedFlux = {
  filter: string;
  label: string;
  /** effective wavelength, µm; null for a filter the portal does not know */
  wavelength: number | null;
  /** null where the band had no data (σ = 0 in the .fit) */
  observed: Value;
  sigma: Value;
  model: Value;
};

export type PixelInspection = {
  galaxy: { id: number; name: string; width: number; height: number; redshift: number; resultsVersion: number };
  x: number;
  y: number;
  ra: number;
  dec: number;
  /** the POGS pixel id (`pix<id>` of the .fit) */
  pixelId: number;
  area: { id: number; x0: number; y0: number; x1: number; y1: number; workunitId: number | null };
  /** when the result was received (ISO 8601) */
  processedAt: string;
  volunteers: { id: number; name: string }[];
  bestFitModel: { iSfh: Value; iIr: Value; chi2: Value; redshift: Value };
  parameters: InspectedParameter[];
  /** null for results stored before the portal kept the .fit's fluxes */
  fluxes: InspectedFlux[] | null;
};

export type PixelInspectionResult =
  | { kind: "ok"; inspection: PixelInspection }
  | { kind: "galaxy-not-found" }
  | { kind: "outside"; width: number; height: number }
  /** why there is no result: no work unit covers the pixel, its work unit is outstanding, or it was not fitted */
  | { kind: "no-result"; reason: "no-work-unit" | "outstanding" | "not-fitted"; name: string; areaId: number | null };

const orNull = (v: number): Value => (Number.isFinite(v) ? v : null);

/** `"<x>,<y>"` of the page and route paths, as two non-negative integers; null when malformed. */
export function parsePixelPath(raw: string): { x: number; y: number } | null {
  // Next hands the segment decoded; a client may still have sent the comma as %2C.
  const m = /^(\d{1,5})(?:,|%2C)(\d{1,5})$/i.exec(raw);
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
}

/** Why a pixel has no result, in one sentence. */
export function noResultMessage(r: Extract<PixelInspectionResult, { kind: "no-result" }>, p: { x: number; y: number }) {
  const pixel = `pixel (${p.x}, ${p.y}) of ${r.name}`;
  switch (r.reason) {
    case "no-work-unit":
      return `${pixel} has no result: it is in no work unit (too few bands with data to be fitted)`;
    case "outstanding":
      return `${pixel} has no result yet: its work unit ${r.areaId} is still being processed`;
    case "not-fitted":
      return `${pixel} has no result: it has too few bands with data to be fitted (work unit ${r.areaId})`;
  }
}

/** The inspection of pixel (x, y) of galaxy `galaxyId`, or why there is none. */
export async function inspectPixel(db: Db, galaxyId: number, x: number, y: number): Promise<PixelInspectionResult> {
  const galaxy = await db.galaxy.findUnique({
    where: { id: galaxyId },
    select: { id: true, name: true, width: true, height: true, redshift: true, resultsVersion: true, wcs: true },
  });
  if (!galaxy) return { kind: "galaxy-not-found" };
  if (x >= galaxy.width || y >= galaxy.height) return { kind: "outside", width: galaxy.width, height: galaxy.height };
  const area = await db.area.findFirst({
    where: { galaxyId, y0: { lte: y }, y1: { gt: y }, x0: { lte: x }, x1: { gt: x } },
    include: {
      users: { include: { user: { select: { id: true, name: true } } }, orderBy: { userId: "asc" } },
    },
  });
  const none = (reason: "no-work-unit" | "outstanding" | "not-fitted") =>
    ({ kind: "no-result", reason, name: galaxy.name, areaId: area?.id ?? null }) as const;
  if (!area) return none("no-work-unit");
  // From the database, or from the stored archive once the galaxy's rows are deleted.
  const results = area.processedAt ? await areaResultRow(db, galaxyId, area.id) : null;
  if (!results || !area.processedAt) return none("outstanding");
  const block = decodeBlock(results);
  let i = 0;
  while (i < block.pixelCount && !(block.x[i] === x && block.y[i] === y)) i++;
  if (i === block.pixelCount) return none("not-fitted");

  const statistics = pixelStatisticsAt(block, i);
  const histograms = results.histograms ? decodeHistograms(results.histograms, block.pixelCount)[i] : null;
  const [ra, dec] = pixelToSky(parseGalaxyWcs(galaxy.wcs), x, y);
  const fit = Array.from(block.bestFit.subarray(i * 4, i * 4 + 4), orNull);
  return {
    kind: "ok",
    inspection: {
      galaxy: {
        id: galaxy.id,
        name: galaxy.name,
        width: galaxy.width,
        height: galaxy.height,
        redshift: galaxy.redshift,
        resultsVersion: galaxy.resultsVersion,
      },
      x,
      y,
      ra,
      dec,
      pixelId: area.firstPixelId + pogsRank(area, x, y),
      area: { id: area.id, x0: area.x0, y0: area.y0, x1: area.x1, y1: area.y1, workunitId: area.workunitId },
      processedAt: area.processedAt.toISOString(),
      volunteers: area.users.map((u) => u.user),
      bestFitModel: { iSfh: fit[0], iIr: fit[1], chi2: fit[2], redshift: fit[3] },
      parameters: PARAMETERS.map((p) => ({
        id: p.id,
        column: p.column,
        label: p.label,
        title: p.title,
        unit: p.unit,
        log10: p.log10,
        statistics: Object.fromEntries(STATISTICS.map((s) => [s.feature, orNull(statistics[p.index][s.index])])),
        histogram: histograms ? { x: Array.from(histograms[p.index].x), p: Array.from(histograms[p.index].p) } : null,
      })),
      fluxes: pixelFluxes(results, i),
    },
  };
}

function pixelFluxes(row: Parameters<typeof decodeFluxes>[0], i: number): InspectedFlux[] | null {
  const stored = decodeFluxes(row);
  if (!stored) return null;
  return stored.filters.map((name, j) => {
    const [observed, sigma, model] = stored.values.subarray(
      (i * stored.filters.length + j) * FLUX_VALUES,
      (i * stored.filters.length + j + 1) * FLUX_VALUES,
    );
    const filter = filterByName(name);
    // The .fit writes 0 ± 0 for a band without data (docs/formats.md §4).
    const measured = sigma > 0 && Number.isFinite(observed);
    return {
      filter: name,
      label: filter?.label ?? name,
      wavelength: filter?.effLambda ?? null,
      observed: measured ? observed : null,
      sigma: measured ? sigma : null,
      model: orNull(model),
    };
  });
}

/** The rank of (x, y) among the area's usable pixels: bit k of the mask is cell k in [x][y] order (area-mask.ts). */
function pogsRank(area: { x0: number; y0: number; y1: number; mask: Uint8Array }, x: number, y: number): number {
  const h = area.y1 - area.y0;
  const cell = (x - area.x0) * h + (y - area.y0);
  let k = 0;
  for (let bit = 0; bit < cell; bit++) if (area.mask[bit >> 3] & (1 << (bit & 7))) k++;
  return k;
}

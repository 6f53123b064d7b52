/**
 * Per-pixel results of the survey-scale data set: a packed result block (lib/survey/result-block)
 * for every work unit of the chosen galaxies, with all 16 × 7 statistics as smooth radial fields
 * plus noise, as the ingest would store them (no histograms or fluxes: they do not change what
 * the pages read). The galaxies get results version 1, so their maps and tiles can be served.
 */
import type { Db } from "@/lib/db/client";
import { usablePixels } from "@/lib/survey/area-mask";
import { Statistic, STATISTIC_COUNT } from "@/lib/survey/parameters";
import { encodeBlock, type PixelResult } from "@/lib/survey/result-block";
import { seededRandom } from "./seeded-random";

type Progress = (phase: string, done: number, total: number) => void;

/** Typical value of each parameter (log10 where MAGPHYS reports the log) at the centre and edge. */
const CENTRE_EDGE: [number, number][] = [
  [0.5, 0.3],
  [0.7, 0.5],
  [0.35, 0.25],
  [3, 1],
  [-10, -9.5],
  [8.5, 6],
  [8, 5.5],
  [20, 17],
  [45, 35],
  [0.6, 0.4],
  [0.5, 0.3],
  [0.3, 0.2],
  [0.7, 0.5],
  [1, 0.5],
  [5, 4],
  [-1.5, -4],
];

export async function writeScaleResults(db: Db, galaxyIds: number[], onProgress?: Progress): Promise<number> {
  const random = seededRandom(5);
  let pixels = 0;
  for (const [k, galaxyId] of galaxyIds.entries()) {
    const galaxy = await db.galaxy.findUniqueOrThrow({
      where: { id: galaxyId },
      select: { width: true, height: true },
    });
    const [cx, cy, scale] = [galaxy.width / 2, galaxy.height / 2, Math.max(galaxy.width, galaxy.height) / 2];
    const areas = await db.area.findMany({
      where: { galaxyId },
      select: { id: true, x0: true, y0: true, x1: true, y1: true, mask: true },
      orderBy: { id: "asc" },
    });
    const batch: (ReturnType<typeof encodeBlock> & { areaId: number; galaxyId: number })[] = [];
    const write = async () => {
      const data = batch.splice(0).map((b) => ({ ...b, histograms: null, sourceSha256: "scale", resultsVersion: 1 }));
      await db.pixelResultBlock.createMany({ data });
    };
    for (const area of areas) {
      const { x, y } = usablePixels(area, area.mask);
      const results: PixelResult[] = [];
      for (let i = 0; i < x.length; i++) {
        const r = Math.min(1, Math.hypot(x[i] - cx, y[i] - cy) / scale);
        const statistics = CENTRE_EDGE.map(([centre, edge]) => {
          const v = centre + (edge - centre) * r + 0.05 * (random() - 0.5) * Math.abs(centre - edge);
          const sigma = 0.03 * Math.abs(centre - edge) + 0.01;
          const s = new Array<number>(STATISTIC_COUNT);
          s[Statistic.BEST_FIT] = v + 0.3 * sigma * (random() - 0.5);
          s[Statistic.PERCENTILE_50] = v;
          s[Statistic.HIGHEST_PROB_BIN] = v + 0.2 * sigma * (random() - 0.5);
          s[Statistic.PERCENTILE_2_5] = v - 2 * sigma;
          s[Statistic.PERCENTILE_16] = v - sigma;
          s[Statistic.PERCENTILE_84] = v + sigma;
          s[Statistic.PERCENTILE_97_5] = v + 2 * sigma;
          return s;
        });
        const bestFitModel = {
          iSfh: Math.floor(random() * 50_000),
          iIr: Math.floor(random() * 50_000),
          chi2: 1 + random(),
          redshift: 0.01,
        };
        results.push({ x: x[i], y: y[i], statistics, bestFitModel });
      }
      batch.push({ ...encodeBlock(results), areaId: area.id, galaxyId });
      pixels += x.length;
      if (batch.length >= 500) await write();
    }
    if (batch.length) await write();
    await db.galaxy.update({ where: { id: galaxyId }, data: { resultsVersion: 1 } });
    onProgress?.("Writing per-pixel results", k + 1, galaxyIds.length);
  }
  return pixels;
}

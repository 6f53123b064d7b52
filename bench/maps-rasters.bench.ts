// Rendering the four parameter-map rasters of the largest galaxy of 2013 (1532²) from its stored
// results, against merely reading those results (the same query), in the same run.
import type { BenchCase, BenchFigure } from "./types";
import { PARAMETER_MAP_KEYS, surveyRange } from "@/lib/maps/parameter-maps";
import { galaxyRanges, renderParameterRaster } from "@/lib/maps/service/map-rasters";
import { readResultBlockRows, readResultGrids } from "@/lib/maps/service/result-grids";
import { collectGarbage, median } from "@/bench/support";
import { sharedLargeGalaxy } from "@/lib/testing/large-galaxy";

const RUNS = 5;

export const bench: BenchCase = {
  name: "maps: four 1532² map rasters from stored results vs reading them",
  async run(): Promise<BenchFigure[]> {
    const g = await sharedLargeGalaxy((s) => console.log(`  (setup) ${s}`));
    const ctx = { db: g.db, dataDir: g.dataDir };
    const read: number[] = [];
    const render: number[] = [];
    const renderLocal: number[] = [];
    // Warm-up: the page cache for both, and the JIT for the placing and rendering code.
    await readResultBlockRows(ctx, g.galaxyId);
    const warm = (await readResultGrids(ctx, g.galaxyId))!;
    for (const key of PARAMETER_MAP_KEYS) renderParameterRaster(warm.values, g.width, g.height, key, surveyRange(key));
    for (let i = 0; i < RUNS; i++) {
      // Alternating, so drifting load on the machine hits both alike; each timed section starts
      // from a collected heap so neither pays for the other's garbage.
      collectGarbage();
      let t = performance.now();
      const rows = await readResultBlockRows(ctx, g.galaxyId);
      read.push(performance.now() - t);
      if (rows.length !== g.areas) throw new Error(`read ${rows.length} blocks, expected ${g.areas}`);

      collectGarbage();
      t = performance.now();
      const grids = (await readResultGrids(ctx, g.galaxyId))!;
      for (const key of PARAMETER_MAP_KEYS)
        renderParameterRaster(grids.values, g.width, g.height, key, surveyRange(key));
      render.push(performance.now() - t);
      t = performance.now();
      const ranges = galaxyRanges(grids.values);
      for (const key of PARAMETER_MAP_KEYS)
        renderParameterRaster(grids.values, g.width, g.height, key, ranges[key] ?? surveyRange(key));
      renderLocal.push(performance.now() - t);
    }
    const ratio = median(render) / median(read);
    const note = `${g.areas} result blocks, ${g.pixels} pixels; medians of ${RUNS}, heap collected before each`;
    return [
      { name: "read the galaxy's stored results (one query)", value: median(read), unit: "ms", note },
      { name: "read + place + render the four maps (survey ranges)", value: median(render), unit: "ms" },
      { name: "render ÷ read", value: ratio, unit: "×", target: "≤ 2", ok: ratio <= 2 },
      { name: "then the four local-range maps (2–98 % stretch)", value: median(renderLocal), unit: "ms" },
    ];
  },
};

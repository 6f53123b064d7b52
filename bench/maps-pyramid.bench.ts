// DZI pyramid of a 4096² parameter map (256-px PNG tiles, overlap 0) against
// `vips dzsave map.v out --tile-size 256 --overlap 0 --suffix .png` on the same raster, in the
// same run. vips reads an uncompressed .v file (memory-mapped) so both start from raw pixels.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { BenchCase, BenchFigure } from "./types";
import { buildDziPyramid } from "@/lib/maps/pyramid";
import { renderParameterMap } from "@/lib/maps/render-parameter-map";
import { median } from "@/bench/support";
import { syntheticLogMassMap } from "@/lib/testing/synthetic-galaxy";

const RUNS = 3;
const N = 4096;

export const bench: BenchCase = {
  name: "maps: 4096² pyramid build vs vips dzsave",
  async run(): Promise<BenchFigure[]> {
    if (spawnSync("vips", ["--version"]).status !== 0) {
      return [
        {
          name: "pyramid vs vips dzsave",
          value: NaN,
          unit: "×",
          note: "vips not installed (apt-get install libvips-tools)",
        },
      ];
    }
    const work = mkdtempSync(path.join(tmpdir(), "pogs-bench-pyramid-"));
    try {
      const map = renderParameterMap(syntheticLogMassMap(N, N), N, N, { range: [4, 9], colormap: "viridis" });
      const input = path.join(work, "map.v");
      await sharp(map.data, { raw: { width: N, height: N, channels: 4 } }).toFile(input);
      const vips: number[] = [];
      const ours: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = path.join(work, `vips${i}`);
        let t = performance.now();
        const r = spawnSync("vips", ["dzsave", input, out, "--tile-size", "256", "--overlap", "0", "--suffix", ".png"]);
        vips.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`vips dzsave failed: ${r.stderr}`);
        rmSync(`${out}_files`, { recursive: true, force: true });
        t = performance.now();
        const built = await buildDziPyramid(map, work, `ours${i}`);
        ours.push(performance.now() - t);
        rmSync(built.filesDir, { recursive: true, force: true });
      }
      const ratio = median(ours) / median(vips);
      return [
        { name: "vips dzsave 4096² (PNG, 256 px)", value: median(vips), unit: "ms" },
        { name: "buildDziPyramid 4096² (PNG, 256 px)", value: median(ours), unit: "ms", note: `medians of ${RUNS}` },
        { name: "pyramid ÷ vips dzsave", value: ratio, unit: "×", target: "≤ 1.3", ok: ratio <= 1.3 },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

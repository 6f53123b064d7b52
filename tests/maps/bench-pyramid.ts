/**
 * Benchmark (not a test): DZI pyramid build of a 4096² parameter map against `vips dzsave`
 * with the same tiling (256 px, overlap 0, PNG), and the render time of four 1532² maps.
 *
 *   npx tsx tests/maps/bench-pyramid.ts [runs=3]
 *
 * The reference command is `vips dzsave map.v out --tile-size 256 --overlap 0 --suffix .png`
 * (vips' PNG defaults: zlib level 6, no filter, the same as ours).
 *
 * vips reads an uncompressed `.v` file (memory-mapped, no decode) so both sides start from raw
 * pixels. Writes only under os.tmpdir(). Medians of `runs` runs are reported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { buildDziPyramid } from "@/lib/maps/pyramid";
import { renderParameterMap } from "@/lib/maps/render-parameter-map";
import { PARAMETER_MAP_KEYS, PARAMETER_MAPS, DEFAULT_PARAMETER_RANGES } from "@/lib/maps/parameter-maps";
import type { TileFormat } from "@/lib/maps/dzi-geometry";
import { syntheticLogMassMap } from "./synthetic-galaxy";

const runs = Number(process.argv[2] ?? 3);
const VIPS_ARGS = ["--tile-size", "256", "--overlap", "0", "--suffix", ".png"];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function report(what: string, dir: string): void {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Tiles only (vips also writes a vips-properties.xml).
    if (entry.isFile() && /\.(png|webp)$/.test(entry.name)) {
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  console.log(`${what}: ${files} tiles, ${(bytes / 2 ** 20).toFixed(2)} MiB`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "pogs-maps-bench-"));
  try {
    const N = 4096;
    const map = renderParameterMap(syntheticLogMassMap(N, N), N, N, { range: [4, 9], colormap: "viridis" });
    const vInput = path.join(work, "map.v");
    await sharp(map.data, { raw: { width: N, height: N, channels: 4 } }).toFile(vInput);

    // Runs alternate between the contenders so drifting machine load hits all of them alike.
    const times: Record<string, number[]> = { vips: [], png: [], webp: [] };
    // CPU seconds (user + system, all threads) as well: less sensitive to other load than wall time.
    const cpu: Record<string, number[]> = { vips: [], png: [], webp: [] };
    for (let i = 0; i < runs; i++) {
      const out = path.join(work, `vips${i}`);
      let t = performance.now();
      const timed = spawnSync("/usr/bin/time", ["-f", "%U %S", "vips", "dzsave", vInput, out, ...VIPS_ARGS], {
        encoding: "utf8",
      });
      times.vips.push(performance.now() - t);
      if (timed.status !== 0) throw new Error(`vips failed: ${timed.stderr}`);
      const [user, sys] = timed.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
      cpu.vips.push((user + sys) * 1000);
      if (i === 0) report("vips dzsave png", `${out}_files`);
      rmSync(`${out}_files`, { recursive: true, force: true });
      for (const format of ["png", "webp"] as TileFormat[]) {
        t = performance.now();
        const c0 = process.cpuUsage();
        const built = await buildDziPyramid(map, work, `ours-${format}-${i}`, { format });
        times[format].push(performance.now() - t);
        const c = process.cpuUsage(c0);
        cpu[format].push((c.user + c.system) / 1000);
        if (i === 0) report(`ours ${format}`, built.filesDir);
        rmSync(built.filesDir, { recursive: true, force: true });
      }
    }
    const vipsMs = median(times.vips);
    for (const [name, ts] of Object.entries(times)) {
      console.log(
        `${name}: median ${median(ts).toFixed(0)} ms (${ts.map((t) => t.toFixed(0)).join(", ")}), ` +
          `ratio to vips ${(median(ts) / vipsMs).toFixed(2)}; ` +
          `CPU median ${median(cpu[name]).toFixed(0)} ms, ratio ${(median(cpu[name]) / median(cpu.vips)).toFixed(2)}`,
      );
    }

    const M = 1532;
    const values = PARAMETER_MAP_KEYS.map((_, i) => syntheticLogMassMap(M, M, i + 1));
    const renderTimes: number[] = [];
    for (let i = 0; i < Math.max(runs, 5); i++) {
      const t = performance.now();
      PARAMETER_MAP_KEYS.forEach((key, k) =>
        renderParameterMap(values[k], M, M, {
          range: DEFAULT_PARAMETER_RANGES[key],
          colormap: PARAMETER_MAPS[key].colormap,
        }),
      );
      renderTimes.push(performance.now() - t);
    }
    console.log(
      `four ${M}² parameter maps: median ${median(renderTimes).toFixed(1)} ms (${renderTimes.map((t) => t.toFixed(1)).join(", ")})`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

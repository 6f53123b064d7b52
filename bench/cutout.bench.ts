// A 256² cutout of 4 parameters × 7 statistics as FITS from the largest galaxy of 2013 (1532², all
// 16 × 7 statistics; lib/testing/large-galaxy), against a Python script doing the same slice and
// write from the galaxy's HDF5 archive with h5py and astropy (checksums on), in one process, in
// the same run. The portal is timed through HTTP against `npm start`'s server when a production
// build exists (NEXT_DIST_DIR), else by calling the SODA handler's code in this process. Then 16
// cutouts at once: no error, and the server's peak RSS.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { BenchCase, BenchFigure } from "./types";
import { median } from "@/bench/support";
import { answerSodaSync } from "@/lib/access/subset/soda-sync";
import { archiveGalaxy } from "@/lib/hdf5";
import { createLargeGalaxy, type LargeGalaxy } from "@/lib/testing/large-galaxy";
import { startPortal } from "@/lib/testing/processes";
import { PROJECT_ROOT } from "@/lib/project-root";

const SIZE = 1532;
const SIDE = 256;
const RUNS = 9;
const CONCURRENT = 16;
const PARAMS = ["mu", "m", "ldust", "sfr"];
const STATS = [
  "best_fit",
  "percentile_50",
  "highest_prob_bin",
  "percentile_2_5",
  "percentile_16",
  "percentile_84",
  "percentile_97_5",
];
const PYTHON = "/usr/bin/python3";

/** The query of a cutout whose 0-based origin is (x0, y0). */
function cutoutQuery(galaxyId: number, x0: number, y0: number): string {
  const q = new URLSearchParams({ ID: String(galaxyId), PIXELS: `[${x0 + 1}:${x0 + SIDE},${y0 + 1}:${y0 + SIDE}]` });
  for (const p of PARAMS) q.append("PARAM", p);
  for (const s of STATS) q.append("STAT", s);
  return q.toString();
}

// The Python side, kept running: each line "x0 y0" on stdin makes one cutout and prints its time,
// so its runs alternate with the portal's and both see the same machine.
const PYTHON_SCRIPT = `
import io, json, sys, time
import h5py, numpy as np
from astropy.io import fits
path, side = sys.argv[1], int(sys.argv[2])
names = ["MU_PARAMETER", "M_STARS", "L_DUST", "SFR_0_1GYR"]
for line in sys.stdin:
    x0, y0 = (int(v) for v in line.split())
    t = time.perf_counter()
    with h5py.File(path, "r") as f:
        px = f["galaxy/pixel"]
        block = px["pixels_0_0"]
        hdus = [fits.PrimaryHDU()]
        for name in names:
            k = int(px.attrs["PIXELS_DIM3_" + name])
            cube = block[x0:x0 + side, y0:y0 + side, k, :]  # [x, y, 7]
            hdus.append(fits.ImageHDU(np.ascontiguousarray(cube.transpose(2, 1, 0)), name=name))
        out = io.BytesIO()
        fits.HDUList(hdus).writeto(out, checksum=True)
    print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "bytes": len(out.getvalue())}), flush=True)
`;

/** A running Python cutter: cut(x0, y0) resolves with its time in ms. */
function startPython(archive: string, dir: string) {
  const script = path.join(dir, "cutout.py");
  writeFileSync(script, PYTHON_SCRIPT);
  const child = spawn(PYTHON, [script, archive, String(SIDE)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => waiting.shift()?.(line));
  return {
    cut: (x0: number, y0: number) =>
      new Promise<{ ms: number; bytes: number }>((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line)));
        child.stdin!.write(`${x0} ${y0}\n`);
      }),
    stop: () => child.stdin!.end(),
  };
}

/** A cutout from the portal: through HTTP to a running server, or the SODA handler's code here. */
type Cutter = { cut(x0: number, y0: number): Promise<number>; peakRssMb(): number; how: string; stop(): Promise<void> };

async function portalCutter(g: LargeGalaxy): Promise<Cutter> {
  const distDir = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next");
  if (existsSync(path.join(distDir, "BUILD_ID"))) {
    const server = await startPortal({ dataDir: g.dataDir, databaseUrl: g.databaseUrl });
    return {
      how: "HTTP to npm start's server",
      async cut(x0, y0) {
        // Each cutout from its own address, so the hourly allowance of one address is not the limit measured.
        const headers = { "x-forwarded-for": `10.0.${x0 % 250}.${y0 % 250}` };
        const r = await fetch(`${server.url}/api/soda/sync?${cutoutQuery(g.galaxyId, x0, y0)}`, { headers });
        const body = Buffer.from(await r.arrayBuffer());
        if (r.status !== 200) throw new Error(`cutout answered ${r.status}: ${body.toString()}`);
        return body.length;
      },
      peakRssMb: () =>
        Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"))![1]) / 1024,
      stop: () => server.stop(),
    };
  }
  return {
    how: "in process (no production build: the SODA handler's code, without HTTP)",
    async cut(x0, y0) {
      const params: Record<string, string[]> = {};
      for (const [k, v] of new URLSearchParams(cutoutQuery(g.galaxyId, x0, y0))) (params[k] ??= []).push(v);
      const headers = { "x-forwarded-for": `10.1.${x0 % 250}.${y0 % 250}` };
      const r = await answerSodaSync(g.db, g.dataDir, params, new Request("http://bench/api/soda/sync", { headers }));
      if (r.status !== 200) throw new Error(`cutout answered ${r.status}: ${await r.text()}`);
      return (await r.arrayBuffer()).byteLength;
    },
    peakRssMb: () => process.resourceUsage().maxRSS / 1024,
    stop: async () => {},
  };
}

export const bench: BenchCase = {
  name: `cutout: ${SIDE}² × 4 parameters × 7 statistics as FITS from a ${SIZE}² galaxy`,
  async run(): Promise<BenchFigure[]> {
    const g = await createLargeGalaxy({ size: SIZE, statistics: "all", onStep: (s) => console.log(`  (setup) ${s}`) });
    try {
      const archive = await archiveGalaxy(g.db, g.dataDir, g.galaxyId);
      console.log(`  (setup) archived: ${(archive.size / 1e6).toFixed(0)} MB`);
      const x0 = Math.floor((SIZE - SIDE) / 2);
      const python = startPython(archive.absolutePath, g.dataDir);
      const portal = await portalCutter(g);
      try {
        await python.cut(x0, x0);
        for (let i = 0; i < 2; i++) await portal.cut(x0, x0);
        // Alternating, so load from elsewhere on the machine falls on both alike.
        const times = { python: [] as number[], portal: [] as number[] };
        let bytes = { python: 0, portal: 0 };
        for (let i = 0; i < RUNS; i++) {
          const p = await python.cut(x0, x0);
          times.python.push(p.ms);
          const t = performance.now();
          const n = await portal.cut(x0, x0);
          times.portal.push(performance.now() - t);
          bytes = { python: p.bytes, portal: n };
        }
        const t = performance.now();
        const origins = Array.from({ length: CONCURRENT }, (_, i) => [
          64 + (i % 4) * 300,
          64 + Math.floor(i / 4) * 300,
        ]);
        const results = await Promise.allSettled(origins.map(([x, y]) => portal.cut(x, y)));
        const ok = results.filter((r) => r.status === "fulfilled").length;
        const seconds = (performance.now() - t) / 1000;
        const ratio = median(times.portal) / median(times.python);
        return [
          {
            name: "portal cutout latency (median)",
            value: median(times.portal),
            unit: "ms",
            note: `${portal.how}; ${(bytes.portal / 1e6).toFixed(1)} MB FITS; ${RUNS} runs after 2 warm-ups`,
          },
          {
            name: "Python h5py + astropy, same slice and write (median)",
            value: median(times.python),
            unit: "ms",
            note: `one process, runs alternating with the portal's; ${(bytes.python / 1e6).toFixed(1)} MB FITS`,
          },
          { name: "portal ÷ Python", value: ratio, unit: "×", target: "≤ 1.5×", ok: ratio <= 1.5 },
          {
            name: `${CONCURRENT} concurrent cutouts answered`,
            value: ok,
            unit: `of ${CONCURRENT}`,
            target: `${CONCURRENT}, no error`,
            ok: ok === CONCURRENT,
            note: `${seconds.toFixed(2)} s for all`,
          },
          {
            name: "peak RSS of the portal",
            value: portal.peakRssMb(),
            unit: "MB",
            note: portal.how.startsWith("HTTP") ? "the server process (VmHWM)" : "this process",
          },
        ];
      } finally {
        python.stop();
        await portal.stop();
      }
    } finally {
      await g.cleanup();
    }
  },
};

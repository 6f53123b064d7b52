// Archiving the largest galaxy of 2013 (1532²; an ellipse of usable pixels covering 60 %, POGS
// work units) with all 16 × 7 statistics filled: time, file size and the memory of the process
// that writes it. Results are written straight into a real SQLite database as result blocks (the
// .fit path would take minutes); values are smooth fields with noise, rounded to the 3 decimals
// MAGPHYS prints, so they compress like real ones. No histograms (the real 818 bins a pixel
// would make a 7 GB database); the demo's archives carry them.
//
// The archive runs in a child process (this module, with POGS_ARCHIVE_BENCH_CHILD set), so its
// peak RSS is that of archiving alone, not of making the galaxy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchCase, BenchFigure } from "./types";
import { createDb } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/db/setup";
import { archiveGalaxy } from "@/lib/hdf5";
import { hdf5HeapBytes } from "@/lib/hdf5/h5-writer";
import { encodeAreaMask, usablePixels } from "@/lib/survey/area-mask";
import { VALUES_PER_PIXEL } from "@/lib/survey/result-block";
import { planWorkUnits } from "@/lib/survey/work-units";
import { seededRandom } from "@/tests/helpers/seeded-random";

const SIZE = 1532;
const REPO_ROOT = path.resolve(import.meta.dirname, "..");

/** Typical range of each parameter's values (log10 where MAGPHYS reports the log). */
const RANGES: [number, number][] = [
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 5],
  [-12, -9],
  [5, 9],
  [5, 9],
  [15, 25],
  [30, 60],
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 1],
  [0, 2],
  [3, 6],
  [-5, -1],
];

type ChildReport = {
  seconds: number;
  size: number;
  pixels: number;
  blocks: number;
  maxRssMb: number;
  wasmHeapMb: number;
  sha256: string;
};

async function makeGalaxy(
  dataDir: string,
  log: (s: string) => void,
): Promise<{ galaxyId: number; pixels: number; areas: number }> {
  const { db } = await setUpDatabase(`file:${path.join(dataDir, "pogs.db")}`);
  const width = SIZE,
    height = SIZE;
  const usable = new Uint8Array(width * height);
  const cx = width / 2,
    cy = height / 2,
    a = 0.48 * width,
    b = 0.4 * height,
    t = 0.5;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = (x - cx) * Math.cos(t) + (y - cy) * Math.sin(t),
        v = -(x - cx) * Math.sin(t) + (y - cy) * Math.cos(t);
      usable[y * width + x] = (u / a) ** 2 + (v / b) ** 2 <= 1 ? 1 : 0;
    }
  const planned = planWorkUnits(usable, width, height);
  const pixels = planned.reduce((s, p) => s + p.pixelCount, 0);
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const galaxy = await db.galaxy.create({
    data: {
      runId: run.id,
      name: `BENCH ${SIZE}`,
      ra: 10.68,
      dec: 41.27,
      redshift: 0.001,
      width,
      height,
      pixelScale: 1.5,
      wcs: "{}",
      pixelCount: pixels,
      pixelsProcessed: pixels,
      areaCount: planned.length,
      areasProcessed: planned.length,
      status: "processed",
      resultsVersion: 1,
    },
  });
  let next = 1;
  const rows = planned.map((p) => {
    const row = {
      galaxyId: galaxy.id,
      ...p,
      firstPixelId: next,
      mask: encodeAreaMask(p, (x, y) => usable[y * width + x] === 1).mask,
      processedAt: new Date(),
    };
    next += p.pixelCount;
    return row;
  });
  for (let i = 0; i < rows.length; i += 2000) await db.area.createMany({ data: rows.slice(i, i + 2000) });
  const areas = await db.area.findMany({
    where: { galaxyId: galaxy.id },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, mask: true },
    orderBy: { id: "asc" },
  });
  log(`${areas.length} areas, ${pixels} pixels`);
  const random = seededRandom(11);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  let batch = [];
  for (const area of areas) {
    const { x, y } = usablePixels(area, area.mask);
    const n = x.length;
    // The packed layout of lib/survey/result-block.ts: xy uint16 pairs, stats float32 [pixel][16][7],
    // display and best fit float32 [pixel][4].
    const xy = new Uint16Array(2 * n),
      stats = new Float32Array(n * VALUES_PER_PIXEL),
      display = new Float32Array(4 * n),
      bestFit = new Float32Array(4 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = x[i];
      xy[2 * i + 1] = y[i];
      const r = Math.min(1, Math.hypot(x[i] - cx, y[i] - cy) / (0.5 * width));
      for (let p = 0; p < 16; p++) {
        const [lo, hi] = RANGES[p];
        const v = lo + (hi - lo) * (0.2 + 0.6 * (1 - r) + 0.05 * random());
        const sigma = 0.02 * (hi - lo) * (1 + random());
        const s = (i * 16 + p) * 7;
        stats[s] = round(v + 0.5 * sigma * (random() - 0.5));
        stats[s + 1] = round(v);
        stats[s + 2] = round(v + 0.3 * sigma * (random() - 0.5));
        stats[s + 3] = round(v - 2 * sigma);
        stats[s + 4] = round(v - sigma);
        stats[s + 5] = round(v + sigma);
        stats[s + 6] = round(v + 2 * sigma);
      }
      display.set(
        [
          stats[(i * 16 + 2) * 7 + 1],
          stats[(i * 16 + 5) * 7 + 1],
          stats[(i * 16 + 6) * 7 + 1],
          stats[(i * 16 + 15) * 7 + 1],
        ],
        4 * i,
      );
      bestFit.set(
        [Math.floor(random() * 50_000), Math.floor(random() * 50_000), round(0.5 + 3 * random()), 0.001],
        4 * i,
      );
    }
    const bytes = (a: Uint16Array<ArrayBuffer> | Float32Array<ArrayBuffer>) => new Uint8Array(a.buffer);
    batch.push({
      areaId: area.id,
      galaxyId: galaxy.id,
      pixelCount: n,
      xy: bytes(xy),
      stats: bytes(stats),
      display: bytes(display),
      bestFit: bytes(bestFit),
      histograms: null,
      sourceSha256: `bench-${area.id}`,
      resultsVersion: 1,
    });
    if (batch.length >= 1000) {
      await db.pixelResultBlock.createMany({ data: batch });
      batch = [];
    }
  }
  if (batch.length) await db.pixelResultBlock.createMany({ data: batch });
  await db.$disconnect();
  log("results stored");
  return { galaxyId: galaxy.id, pixels, areas: areas.length };
}

/** The child: archive the galaxy and report time, size and memory as one JSON line. */
async function child(): Promise<void> {
  const dataDir = process.env.POGS_ARCHIVE_BENCH_DIR!;
  const db = createDb(`file:${path.join(dataDir, "pogs.db")}`);
  const galaxyId = Number(process.env.POGS_ARCHIVE_BENCH_CHILD);
  await hdf5HeapBytes(); // start the HDF5 worker outside the timed section
  const t = performance.now();
  const r = await archiveGalaxy(db, dataDir, galaxyId);
  const seconds = (performance.now() - t) / 1000;
  const wasmHeapMb = (await hdf5HeapBytes()) / 2 ** 20;
  await db.$disconnect();
  const report: ChildReport = {
    seconds,
    size: r.size,
    pixels: r.pixels,
    blocks: r.blocks,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    wasmHeapMb,
    sha256: r.sha256,
  };
  console.log(JSON.stringify(report));
}

export const bench: BenchCase = {
  name: `archive: HDF5 of a ${SIZE}² galaxy, all 16 × 7 statistics`,
  async run(): Promise<BenchFigure[]> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-archive-"));
    try {
      const made = await makeGalaxy(dataDir, (s) => console.log(`  (setup) ${s}`));
      const r = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), "bench/archive.bench.ts"],
        {
          cwd: REPO_ROOT,
          encoding: "utf8",
          env: { ...process.env, POGS_ARCHIVE_BENCH_CHILD: String(made.galaxyId), POGS_ARCHIVE_BENCH_DIR: dataDir },
        },
      );
      if (r.status !== 0) throw new Error(`archive child failed: ${r.stderr}`);
      const c = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ChildReport;
      // What the pixel datasets hold uncompressed: every pixel of the image, 16 × 7 float32.
      const rawMb = (SIZE * SIZE * VALUES_PER_PIXEL * 4) / 1e6;
      const note = `${made.pixels} pixels with results in ${made.areas} work units, ${c.blocks} blocks; one run, HDF5 worker started beforehand`;
      return [
        { name: "archive time", value: c.seconds, unit: "s", note },
        {
          name: "file size",
          value: c.size / 1e6,
          unit: "MB",
          note: `${(c.size / made.pixels).toFixed(0)} B per pixel with results`,
        },
        {
          name: "throughput, uncompressed pixel datasets",
          value: rawMb / c.seconds,
          unit: "MB/s",
          note: `${rawMb.toFixed(0)} MB of 16 × 7 float32 incl. NaN`,
        },
        { name: "throughput, file written", value: c.size / 1e6 / c.seconds, unit: "MB/s" },
        { name: "throughput, pixels with results", value: made.pixels / c.seconds, unit: "pixels/s" },
        {
          name: "peak RSS of the archiving process",
          value: c.maxRssMb,
          unit: "MB",
          target: "≤ 1024 MB",
          ok: c.maxRssMb <= 1024,
        },
        {
          name: "wasm heap at the end",
          value: c.wasmHeapMb,
          unit: "MB",
          target: "< 2048 MB (wasm32 limit)",
          ok: c.wasmHeapMb < 2048,
        },
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

if (process.env.POGS_ARCHIVE_BENCH_CHILD) await child();

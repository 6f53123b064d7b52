// Archiving the largest galaxy of 2013 (1532²; an ellipse of usable pixels covering 60 %, POGS
// work units) with all 16 × 7 statistics filled: time, file size and the memory of the process
// that writes it. The galaxy is lib/testing/large-galaxy's, with every statistic filled. No
// histograms (the real 818 bins a pixel would make a 7 GB database); the demo's archives carry them.
//
// The archive runs in a child process (this module, with POGS_ARCHIVE_BENCH_CHILD set), so its
// peak RSS is that of archiving alone, not of making the galaxy.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { BenchCase, BenchFigure } from "./types";
import { createDb } from "@/lib/db/client";
import { archiveGalaxy } from "@/lib/hdf5";
import { hdf5HeapBytes } from "@/lib/hdf5/h5-writer";
import { VALUES_PER_PIXEL } from "@/lib/survey/result-block";
import { createLargeGalaxy } from "@/lib/testing/large-galaxy";
import { PROJECT_ROOT } from "@/lib/project-root";

const SIZE = 1532;

type ChildReport = {
  seconds: number;
  size: number;
  pixels: number;
  blocks: number;
  maxRssMb: number;
  wasmHeapMb: number;
  sha256: string;
};

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
    const made = await createLargeGalaxy({
      size: SIZE,
      statistics: "all",
      onStep: (s) => console.log(`  (setup) ${s}`),
    });
    await made.db.$disconnect();
    const dataDir = made.dataDir;
    try {
      const r = spawnSync(
        process.execPath,
        [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "bench/archive.bench.ts"],
        {
          cwd: PROJECT_ROOT,
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
          target: "≤ 400 MB",
          ok: c.maxRssMb <= 400,
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

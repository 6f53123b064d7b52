// MAGPHYS ingest rate, in pixels/s, through the real parser and store into SQLite:
// - real-format work units: the POGS fixture (9 pixels, full histograms) replayed as 300 areas;
// - compact demo-format work units (4-bin histograms), as the demo writes them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { ingestFits, type FitInput } from "@/lib/ingest/results";
import { encodeAreaMask } from "@/lib/survey/area-mask";
import type { BenchCase, BenchFigure } from "./types";

export const FIXTURE = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "shared",
  "fixtures",
  "magphys",
  "PGC1068443c_area244140_0_0.fit",
);
const AREAS = 300;

export async function galaxyWithAreas(db: Db, areas: number, pixelsPerArea: number): Promise<number[]> {
  const run = await db.run.findUniqueOrThrow({ where: { name: "default" } });
  const width = 3 * areas;
  const galaxy = await db.galaxy.create({
    data: {
      runId: run.id,
      name: "BENCH",
      ra: 1,
      dec: 1,
      redshift: 0.01,
      width,
      height: 3,
      pixelScale: 1.5,
      wcs: "{}",
      areaCount: areas,
      pixelCount: areas * pixelsPerArea,
    },
  });
  const firstIds: number[] = [];
  await db.area.createMany({
    data: Array.from({ length: areas }, (_, i) => {
      const rect = { x0: 3 * i, y0: 0, x1: 3 * i + 3, y1: 3 };
      firstIds.push(1_000 + i * pixelsPerArea);
      return {
        galaxyId: galaxy.id,
        ...rect,
        pixelCount: pixelsPerArea,
        firstPixelId: 1_000 + i * pixelsPerArea,
        mask: encodeAreaMask(rect, () => true).mask,
      };
    }),
  });
  return firstIds;
}

export const bench: BenchCase = {
  name: "MAGPHYS ingest",
  async run(): Promise<BenchFigure[]> {
    if (!existsSync(FIXTURE)) return [{ name: "ingest: ../shared/fixtures not found", value: NaN, unit: "" }];
    const dir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-ingest-"));
    const { db } = await setUpDatabase(`file:${path.join(dir, "pogs.db")}`);
    const text = readFileSync(FIXTURE, "latin1");
    const firstIds = await galaxyWithAreas(db, AREAS, 9);
    // Each area gets the fixture with its own pixel ids (pix4573581… → its first id…).
    const inputs: FitInput[] = firstIds.map((first, i) => ({
      fileName: `bench_area${i}.fit`,
      text: text.replace(/pix(\d+)/g, (_m, id) => `pix${first + Number(id) - 4573581}`),
      users: [{ id: 1 + (i % 7) }, { id: 8 + (i % 5) }],
    }));
    const t = performance.now();
    const report = await ingestFits(db, inputs);
    const seconds = (performance.now() - t) / 1000;
    const replayStart = performance.now();
    await ingestFits(db, inputs);
    const replay = (performance.now() - replayStart) / 1000;
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
    return [
      {
        name: `ingest real-format .fit (${AREAS} work units × 9 px, full histograms)`,
        value: report.pixels / seconds,
        unit: "pixels/s",
        note: `${(text.length / 9 / 1024).toFixed(1)} KiB of text per pixel`,
      },
      { name: "replay of the same files (nothing changes)", value: report.pixels / replay, unit: "pixels/s" },
    ];
  },
};

// Registration time of the largest fixture set (NGC 309: WISE W1, W2 with uncertainty maps,
// 728×613) and of the M51 SDSS g, r, i set, each into a fresh database; median of 3 runs.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { collectBands, registerGalaxy } from "@/lib/ingest/registration";
import type { BenchCase, BenchFigure } from "./types";

const FIXTURES = path.resolve(import.meta.dirname, "..", "..", "shared", "fixtures", "fits");

async function timeRegistration(
  files: string[],
  labels: { file: string; filter: string; role: "image" }[],
  name: string,
): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-reg-"));
    const { db } = await setUpDatabase(`file:${path.join(dir, "pogs.db")}`);
    const t = performance.now();
    await registerGalaxy(db, dir, await collectBands(files, labels), { name, redshift: 0.0189 });
    runs.push((performance.now() - t) / 1000);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
  return runs.sort((a, b) => a - b)[1];
}

export const bench: BenchCase = {
  name: "registration (real fixture images)",
  async run(): Promise<BenchFigure[]> {
    if (!existsSync(FIXTURES)) return [{ name: "registration: ../shared/fixtures not found", value: NaN, unit: "" }];
    const ngc = path.join(FIXTURES, "ngc309");
    const m51 = path.join(FIXTURES, "m51");
    const m51Labels = ["g", "r", "i"].map((b) => ({
      file: path.join(m51, `SDSS9_M51_${b}.fits`),
      filter: `SDSS${b}`,
      role: "image" as const,
    }));
    return [
      {
        name: "register NGC 309 (W1+W2 with σ maps, 728×613)",
        value: await timeRegistration(
          readdirSync(ngc).map((f) => path.join(ngc, f)),
          [],
          "NGC 309",
        ),
        unit: "s",
      },
      { name: "register M51 (SDSS g, r, i, 512×512)", value: await timeRegistration([], m51Labels, "M51"), unit: "s" },
    ];
  },
};

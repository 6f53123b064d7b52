// Survey scale (issue 12, item 2; `npm run bench:scale`): a survey the shape of 2012–13 — 5,861
// galaxies, ~1.9 M work units, ~4 M area-user rows, 100,000 volunteers, 5,000 teams, 100 days
// of snapshots, per-pixel results for 100 galaxies and a 1532² one — bulk-inserted into SQLite
// and into PostgreSQL (POGS_TEST_POSTGRES_URL, else the local server when it answers), then p50
// and p95 of each page's data and, with a production build (NEXT_DIST_DIR), of each API route
// over HTTP. Each engine runs in its own process (bench/scale/engine.ts). The table is printed
// and saved as bench-results/scale.json. Target: every p95 ≤ 50 ms. SCALE=0.1 for a quick run.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";
import { openPostgresScratch } from "./scale/postgres-scratch";
import type { EngineReport } from "./scale/engine";
import { printScaleTable } from "./scale/table";
import type { BenchCase, BenchFigure } from "./types";

const TARGET_MS = 50;

/** Runs bench/scale/engine.ts on one database and reads its report. */
async function runEngine(databaseUrl: string, dataDir: string): Promise<EngineReport> {
  const out = path.join(dataDir, "report.json");
  const child = spawn(process.execPath, ["--import", "tsx", "bench/scale/engine.ts"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, POGS_SCALE_OUT: out },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`the ${databaseUrl.split(":")[0]} scale run failed (exit ${code})`);
  return JSON.parse(readFileSync(out, "utf8")) as EngineReport;
}

function figuresOf(report: EngineReport): BenchFigure[] {
  const timed = report.rows.filter((r) => !r.error);
  const over = timed.filter((r) => r.p95 > TARGET_MS && r.kind !== "page");
  const worst = timed.filter((r) => r.kind !== "page").sort((a, b) => b.p95 - a.p95)[0];
  const failed = report.rows.filter((r) => r.error);
  return [
    {
      name: `${report.engine}: build the survey (bulk inserts)`,
      value: report.buildSeconds,
      unit: "s",
      note: `${report.built.counts.areas} areas, ${report.built.counts.areaUsers} area-users, ${report.built.counts.pixelsWithResults} pixels with results`,
    },
    {
      name: `${report.engine}: page data and API routes over ${TARGET_MS} ms (p95)`,
      value: over.length,
      unit: `of ${timed.length - timed.filter((r) => r.kind === "page").length}`,
      target: "0",
      ok: over.length === 0 && failed.length === 0,
      note: [
        worst ? `worst ${worst.name} ${worst.p95.toFixed(1)} ms` : "",
        over.map((r) => r.name).join(", "),
        failed.length ? `failed: ${failed.map((r) => `${r.name} (${r.error})`).join("; ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    },
  ];
}

export const bench: BenchCase = {
  name: "survey scale: page data and API routes on SQLite and PostgreSQL",
  async run(): Promise<BenchFigure[]> {
    const reports: EngineReport[] = [];
    // SCALE_KEEP=<dir> keeps both surveys (SQLite there, PostgreSQL in database pogs_scale_keep)
    // for the next run to measure again without building.
    const keep = process.env.SCALE_KEEP;
    const folder = (engine: string) => {
      if (!keep) return mkdtempSync(path.join(os.tmpdir(), `pogs-bench-scale-${engine}-`));
      mkdirSync(path.join(keep, engine), { recursive: true });
      return path.join(keep, engine);
    };
    const sqliteDir = folder("sqlite");
    try {
      console.log("  SQLite:");
      reports.push(await runEngine(`file:${path.join(sqliteDir, "pogs.db")}`, sqliteDir));
    } finally {
      if (!keep) rmSync(sqliteDir, { recursive: true, force: true });
    }
    // SCALE_KEEP_DB names the kept PostgreSQL database, so surveys of two sizes can be kept at once.
    const keptDb = process.env.SCALE_KEEP_DB || "pogs_scale_keep";
    const pg = await openPostgresScratch(keep ? keptDb : `pogs_scale_${process.pid}_${Date.now()}`);
    if (pg) {
      const pgDir = folder("postgresql");
      try {
        console.log("  PostgreSQL:");
        reports.push(await runEngine(pg.databaseUrl, pgDir));
      } finally {
        if (!keep) {
          rmSync(pgDir, { recursive: true, force: true });
          await pg.drop();
        } else await pg.close();
      }
    } else console.log("  PostgreSQL: no server answered (set POGS_TEST_POSTGRES_URL); SQLite only");
    printScaleTable(reports, TARGET_MS);
    const saved = path.join(PROJECT_ROOT, "bench-results", "scale.json");
    mkdirSync(path.dirname(saved), { recursive: true });
    writeFileSync(saved, JSON.stringify({ at: new Date().toISOString(), targetMs: TARGET_MS, reports }, null, 2));
    console.log(`  saved ${path.relative(PROJECT_ROOT, saved)}`);
    return reports.flatMap(figuresOf);
  },
};

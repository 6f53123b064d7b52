// One engine's half of `npm run bench:scale`, run as its own process (bench/scale.bench.ts starts
// it with DATABASE_URL and DATA_DIR set, so the process-wide client the page functions use reads
// the scale survey): build the survey, then time each page's data and, when a production build
// exists, each API route and page over HTTP. Writes its results as JSON to POGS_SCALE_OUT.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providerOf } from "@/lib/db/provider";
import { PROJECT_ROOT } from "@/lib/project-root";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { getTopContributors } from "@/lib/survey/queries";
import { processHandle, waitForPort } from "@/lib/testing/processes";
import { buildSurveyAtScale, scaleSizes, type BuiltSurvey } from "./build-survey";
import { httpCases } from "./http-cases";
import { pageCases, type ReadCase } from "./page-cases";

const WARM_UP = 5;
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 60);

export type ScaleRow = { name: string; kind: string; p50: number; p95: number; max: number; error?: string };
export type EngineReport = { engine: string; built: BuiltSurvey; buildSeconds: number; rows: ScaleRow[]; http: string };

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(c: ReadCase, kind: string): Promise<ScaleRow> {
  const ms: number[] = [];
  try {
    for (let i = 0; i < WARM_UP; i++) await c.read(i);
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await c.read(WARM_UP + i);
      ms.push(performance.now() - t);
    }
  } catch (error) {
    return { name: c.name, kind, p50: NaN, p95: NaN, max: NaN, error: String(error).slice(0, 300) };
  }
  const row = { name: c.name, kind, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) };
  console.log(
    `  [${kind}] ${c.name.padEnd(48)} p50 ${row.p50.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms`,
  );
  return row;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL!;
  const engine = providerOf(databaseUrl);
  const started = performance.now();
  const { db } = await setUpDatabase(databaseUrl);
  // SCALE_KEEP: a survey built by an earlier run is measured again (after a query or index change).
  const kept = path.join(process.env.DATA_DIR!, "built.json");
  let built: BuiltSurvey;
  if (process.env.SCALE_KEEP && existsSync(kept)) built = JSON.parse(readFileSync(kept, "utf8")) as BuiltSurvey;
  else {
    let last = "";
    built = await buildSurveyAtScale(db, scaleSizes(), (phase, done, total) => {
      const line = `  (${engine}) ${phase}: ${Math.floor((100 * done) / total)} %`;
      if (line !== last && (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0)) console.log(line);
      last = line;
    });
    writeFileSync(kept, JSON.stringify(built));
  }
  // PostgreSQL's autovacuum analyses freshly filled tables within a minute; done here at once so
  // the timings do not depend on when it runs. SQLite is left as a portal leaves it.
  if (engine === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  await db.$disconnect();
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`  (${engine}) built in ${buildSeconds.toFixed(0)} s: ${JSON.stringify(built.counts)}`);

  const rows: ScaleRow[] = [];
  for (const c of await pageCases(built)) rows.push(await time(c, "data"));
  const distDir = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next");
  let http = `no production build in ${distDir}: API routes not timed (run next build with NEXT_DIST_DIR)`;
  if (existsSync(path.join(distDir, "BUILD_ID"))) {
    const server = await startScaleServer(databaseUrl);
    try {
      const someUser = (await getTopContributors(built.galaxies.typical, 1))[0]?.userId ?? 1;
      for (const c of await httpCases(server.url, built, someUser)) rows.push(await time(c, c.kind));
      http = `HTTP to npm start's server (${path.basename(distDir)}), one request at a time`;
    } finally {
      await server.stop();
    }
  }
  const report: EngineReport = { engine, built, buildSeconds, rows, http };
  writeFileSync(process.env.POGS_SCALE_OUT!, JSON.stringify(report, null, 2));
  process.exit(0);
}

/**
 * `npm start`'s server on SCALE_PORT (default 30210): a fixed port, so a run on a machine shared
 * with others stays inside the range agreed for this bench rather than wherever the OS points.
 */
async function startScaleServer(databaseUrl: string) {
  const port = Number(process.env.SCALE_PORT ?? 30210);
  let out = "";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (c: Buffer) => (out += c));
  child.stderr!.on("data", (c: Buffer) => (out += c));
  await waitForPort(port, child, () => out);
  return processHandle(child, port, () => out);
}

if (process.env.POGS_SCALE_OUT) await main();

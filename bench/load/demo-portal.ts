// The server the load benches measure: `npm start`'s (scripts/serve.ts on the production build in
// NEXT_DIST_DIR, built here when missing) on the demo survey (npm run demo's defaults, built in a
// temporary folder, or reused from LOAD_DEMO_DIR when that holds one), and the paths to request:
// real ids of galaxies with maps, volunteers, teams, challenges and trophies from its database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/project-root";
import { startPortal, type Proc } from "@/lib/testing/processes";

export type DemoPortal = { server: Proc; ids: DemoIds; rssMb(): number; stop(): Promise<void> };
export type DemoIds = {
  galaxies: number[];
  users: number[];
  teams: number[];
  challenges: number[];
  trophies: number[];
};

function ensureBuild(): string {
  const distDir = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next");
  if (existsSync(path.join(distDir, "BUILD_ID"))) return distDir;
  console.log(`  (setup) no production build in ${distDir}: next build…`);
  const next = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const r = spawnSync(process.execPath, [next, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
  return distDir;
}

function ensureDemo(): { dataDir: string; temporary: boolean } {
  const kept = process.env.LOAD_DEMO_DIR;
  const dataDir = kept ?? mkdtempSync(path.join(os.tmpdir(), "pogs-bench-load-"));
  // The marker says the demo was built to the end (a stopped build leaves a partial database).
  const ready = path.join(dataDir, "bench-demo-ready");
  if (kept && existsSync(ready)) return { dataDir, temporary: false };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.log(`  (setup) building the demo survey in ${dataDir}…`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const tsx = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
  const r = spawnSync(process.execPath, [tsx, "scripts/demo.ts", "--end", "2026-11-23"], {
    cwd: PROJECT_ROOT,
    env,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr.split("\n").filter(Boolean).at(-1)}`);
  writeFileSync(ready, new Date().toISOString());
  return { dataDir, temporary: !kept };
}

async function demoIds(databaseUrl: string): Promise<DemoIds> {
  const db = createDb(databaseUrl);
  try {
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
    return {
      galaxies: ids(await db.galaxy.findMany({ where: { resultsVersion: { gt: 0 } }, select: { id: true } })),
      users: ids(await db.boincUser.findMany({ select: { id: true }, orderBy: { totalCredit: "desc" }, take: 100 })),
      teams: ids(await db.team.findMany({ select: { id: true }, orderBy: { totalCredit: "desc" }, take: 50 })),
      challenges: ids(await db.challenge.findMany({ select: { id: true } })),
      trophies: ids(await db.trophy.findMany({ select: { id: true } })),
    };
  } finally {
    await db.$disconnect();
  }
}

export async function startDemoPortal(): Promise<DemoPortal> {
  const distDir = ensureBuild();
  const demo = ensureDemo();
  const databaseUrl = `file:${path.join(demo.dataDir, "pogs.db")}`;
  const ids = await demoIds(databaseUrl);
  console.log(
    `  (setup) serving ${path.basename(distDir)} on the demo survey (${ids.galaxies.length} galaxies with maps)`,
  );
  const server = await startPortal({ dataDir: demo.dataDir, databaseUrl });
  return {
    server,
    ids,
    rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"))![1]) / 1024,
    async stop() {
      await server.stop();
      if (demo.temporary) rmSync(demo.dataDir, { recursive: true, force: true });
    },
  };
}

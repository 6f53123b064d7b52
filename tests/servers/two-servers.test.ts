// Several portal processes sharing one database and one DATA_DIR (README "Several servers"): two
// real servers (scripts/serve.ts, tiles only: no Next build needed) asked for every map of several
// galaxies at the same moment build each pyramid exactly once between them; two job workers in
// their own processes run each queued data job exactly once; two `npm run archive` runs at once
// archive each galaxy exactly once. On PostgreSQL (POGS_TEST_POSTGRES_URL) and on one SQLite file.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJob } from "@/lib/access/jobs/create-job";
import { WITH_TOKEN } from "@/lib/access/limits/allowances";
import { parseSodaParams } from "@/lib/access/subset/soda-params";
import type { Db } from "@/lib/db/client";
import { PARAMETER_TILE_KEYS } from "@/lib/maps/service/map-keys";
import { PROJECT_ROOT } from "@/lib/project-root";
import { TEST_POSTGRES_URL, createPostgresDatabase } from "@/lib/testing/postgres-database";
import { startPortal, type Proc } from "@/lib/testing/processes";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { createResultsGalaxy, rampValues, storeResults, writeCompositeLayers } from "@/tests/maps-service/fixtures";

type Shared = { db: Db; databaseUrl: string; dataDir: string; cleanup(): Promise<void> };

const engines: [string, boolean, () => Promise<Shared>][] = [
  [
    "PostgreSQL",
    !!TEST_POSTGRES_URL,
    async () => {
      const p = await createPostgresDatabase("servers");
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-servers-"));
      return {
        db: p.db,
        databaseUrl: p.databaseUrl,
        dataDir,
        cleanup: async () => (await p.drop(), rmSync(dataDir, { recursive: true, force: true })),
      };
    },
  ],
  [
    "one SQLite file",
    true,
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "pogs-servers-"));
      const databaseUrl = `file:${path.join(dataDir, "pogs.db")}`;
      const { db } = await setUpDatabase(databaseUrl);
      return {
        db,
        databaseUrl,
        dataDir,
        cleanup: async () => (await db.$disconnect(), rmSync(dataDir, { recursive: true, force: true })),
      };
    },
  ],
];

const GALAXIES = 3;

/** Runs `node --import tsx <args>` to the end; its exit code and everything it printed. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

/** How many times each captured value of `pattern` occurs in `text`. */
function tally(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(pattern)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

describe.each(engines)("two portal processes on %s", (_name, available, open) => {
  let shared: Shared;
  const galaxies: { id: number; version: number }[] = [];
  let servers: Proc[] = [];

  beforeAll(async () => {
    if (!available) return;
    shared = await open();
    for (let i = 0; i < GALAXIES; i++) {
      const { galaxy, areas } = await createResultsGalaxy(shared.db, {
        name: `SHARED ${i}`,
        width: 200,
        height: 150,
        areaWidth: 25,
      });
      await writeCompositeLayers(
        shared.db,
        shared.dataDir,
        galaxy,
        (band, x, y) => 1 + ((x * (band === "g" ? 2 : 1) + y) % 17),
      );
      const version = await storeResults(shared.db, galaxy.id, areas, rampValues(128, 96));
      galaxies.push({ id: galaxy.id, version });
    }
    const env = { dataDir: shared.dataDir, databaseUrl: shared.databaseUrl };
    servers = await Promise.all([startPortal(env, ["--tiles-only"]), startPortal(env, ["--tiles-only"])]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await shared?.cleanup();
  });

  it.runIf(available)(
    "build each pyramid once between them, however the tile requests fall",
    async () => {
      const expected: string[] = [];
      const urls: string[] = [];
      for (const g of galaxies) {
        for (const key of PARAMETER_TILE_KEYS) {
          expected.push(`tiles/${g.id}/v${g.version}/${key}`);
          urls.push(`/tiles/${g.id}/v${g.version}/${key}_files/0/0_0.png`);
        }
        expected.push(`tiles/${g.id}/layers/rgb1`);
        urls.push(`/tiles/${g.id}/layers/rgb1_files/0/0_0.png`);
      }
      // Every tile from both servers at once: each renders it on demand and queues the pyramid.
      const answers = await Promise.all(urls.flatMap((u) => servers.map((s) => fetch(s.url + u))));
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));

      const deadline = Date.now() + 150_000;
      while (
        !expected.every((k) => existsSync(path.join(shared.dataDir, `${k}.dzi`))) ||
        (await shared.db.workClaim.count()) > 0
      ) {
        if (Date.now() > deadline)
          throw new Error(`pyramids not built in time:\n${servers.map((s) => s.output()).join("\n")}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 1000)); // a second build would have started by now
      const builds = tally(servers.map((s) => s.output()).join("\n"), /built pyramid (\S+) \(/g);
      expect([...builds.keys()].sort()).toEqual([...expected].sort());
      expect(
        [...builds.values()].every((n) => n === 1),
        JSON.stringify([...builds]),
      ).toBe(true);
      // Both servers took part: the work was shared, not merely done by one of them.
      for (const s of servers) expect(s.output()).toMatch(/built pyramid/);
      // Each serves the other's files.
      for (const s of servers)
        for (const k of expected.slice(0, 3)) expect((await fetch(`${s.url}/${k}.dzi`)).status).toBe(200);
    },
    200_000,
  );

  it.runIf(available)(
    "run each data job once across two job workers",
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < 16; i++) {
        const g = galaxies[i % galaxies.length];
        const asked = parseSodaParams(
          {
            ID: [`ivo://pogs/galaxy?${g.id}`],
            PIXELS: [`[${1 + i}:${40 + i},1:30]`],
            PARAM: ["m"],
            RESPONSEFORMAT: [i % 2 ? "hdf5" : "fits"],
          },
          { manyIds: true },
        );
        ids.push(await createJob(shared.db, { owner: `test:${i}`, accountId: null, allowance: WITH_TOKEN }, asked));
      }
      const child = ["tests/servers/job-worker-child.ts", shared.databaseUrl, shared.dataDir];
      const [a, b] = await Promise.all([run([...child, "a"], {}), run([...child, "b"], {})]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const runs = tally(a.out + b.out, /^ran (\S+) (\w+)$/gm);
      expect([...runs.keys()].sort()).toEqual([...ids].sort());
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(a.out + b.out).not.toMatch(/ran \S+ (failed|lost)/);
      const rows = await shared.db.dataRequest.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => r.status)).toEqual(ids.map(() => "done"));
      for (const r of rows) expect(existsSync(path.join(shared.dataDir, r.resultPath!))).toBe(true);
    },
    200_000,
  );

  it.runIf(available)(
    "archive each galaxy once when two archive runs race",
    async () => {
      const env = { DATABASE_URL: shared.databaseUrl, DATA_DIR: shared.dataDir };
      const [a, b] = await Promise.all([
        run(["scripts/archive.ts", "--all-processed"], env),
        run(["scripts/archive.ts", "--all-processed"], env),
      ]);
      const archived = tally(a.out + b.out, /^archived galaxy (\d+) /gm);
      expect([...archived.keys()].sort(), a.out + b.out).toEqual(galaxies.map((g) => String(g.id)).sort());
      expect(
        [...archived.values()].every((n) => n === 1),
        a.out + b.out,
      ).toBe(true);
      // The other run was told why it left a galaxy alone.
      expect(a.out + b.out).not.toMatch(/error:/);
      const rows = await shared.db.galaxy.findMany({ where: { id: { in: galaxies.map((g) => g.id) } } });
      for (const r of rows) {
        expect(r.status).toBe("archived");
        expect(existsSync(path.join(shared.dataDir, r.archivePath!))).toBe(true);
      }
      expect(await shared.db.workClaim.count()).toBe(0);
    },
    200_000,
  );
});

// A build that fails or is killed mid-way leaves nothing visible: each pyramid is there whole
// (its .dzi and every tile) or not at all, and its tiles are then rendered on demand.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dziLevelSize, dziMaxLevel, dziTileGrid } from "@/lib/maps/dzi-geometry";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { PARAMETER_TILE_KEYS } from "@/lib/maps/service/map-keys";
import { sweepTiles } from "@/lib/maps/service/versions";
import { TEMP_MARK } from "@/lib/maps/tile-store";
import { PROJECT_ROOT } from "@/lib/project-root";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults } from "./fixtures";
import { startTileTestServer } from "./test-server";

// 1024 × 64: 15 tiles a pyramid, 120 for the eight parameter maps.
const W = 1024;
const H = 64;
let temp: TempDatabase;
const ctx = () => ({ db: temp.db, dataDir: temp.dataDir });

beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(() => temp.cleanup());

async function newGalaxy(name: string): Promise<number> {
  const made = await createResultsGalaxy(temp.db, { name, width: W, height: H, areaWidth: 64 });
  await storeResults(temp.db, made.galaxy.id, made.areas, rampValues(W, H));
  return made.galaxy.id;
}

/** Every tile visible is whole, and a pyramid with its .dzi has all its tiles; returns those. */
async function checkNothingPartial(galaxyId: number, { strict }: { strict: boolean }): Promise<string[]> {
  const dir = path.join(temp.dataDir, "tiles", String(galaxyId), "v1");
  const visible = readdirSync(dir).filter((n) => !n.startsWith("."));
  const complete: string[] = [];
  for (const key of PARAMETER_TILE_KEYS) {
    const hasDzi = visible.includes(`${key}.dzi`);
    const hasFiles = visible.includes(`${key}_files`);
    // A build moves tiles in before its .dzi: killed in that instant, it leaves whole tiles and
    // no .dzi (which the on-demand path would also have left). Failing in-process, it leaves none.
    if (strict || hasDzi) expect(hasFiles, `${key}: tiles without .dzi`).toBe(hasDzi);
    if (!hasFiles) continue;
    for (let level = 0; level <= dziMaxLevel(W, H); level++) {
      const size = dziLevelSize(W, H, level);
      const { cols, rows } = dziTileGrid(size.width, size.height, 256);
      const levelDir = path.join(dir, `${key}_files`, String(level));
      const names = existsSync(levelDir) ? readdirSync(levelDir).sort() : [];
      const want = [];
      for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) want.push(`${c}_${r}.png`);
      if (hasDzi) expect(names, `${key} level ${level}`).toEqual(want.sort());
      else for (const n of names) expect(want, `${key} level ${level}`).toContain(n);
      for (const n of names) await sharp(path.join(levelDir, n)).raw().toBuffer(); // whole PNGs
    }
    if (hasDzi) complete.push(key);
  }
  expect(visible.filter((n) => !/^(.+\.dzi|.+_files|ranges\.json)$/.test(n))).toEqual([]);
  return complete;
}

describe("a build that fails half-way", () => {
  it("leaves the pyramids it finished and nothing of the one it was writing", async () => {
    const galaxyId = await newGalaxy("CRASH 1");
    const failing = buildGalaxyMaps(galaxyId, {
      ...ctx(),
      concurrency: 1,
      onProgress: (done) => {
        if (done === 20) throw new Error("disk full");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await checkNothingPartial(galaxyId, { strict: true })).toEqual(["mu"]);
    // The finished pyramid is not rebuilt; the others are.
    const build = await buildGalaxyMaps(galaxyId, ctx());
    expect(build.skipped).toEqual(["mu"]);
    expect(await checkNothingPartial(galaxyId, { strict: true })).toEqual([...PARAMETER_TILE_KEYS]);
  });
});

describe("a build process killed with SIGKILL", () => {
  it("leaves only hidden litter, swept later; missing tiles are rendered on demand", async () => {
    const galaxyId = await newGalaxy("CRASH 2");
    const child = spawn(
      process.execPath,
      // node itself with tsx's loader (the tsx CLI would run the script in a grandchild the kill misses)
      ["--import", "tsx", "tests/maps-service/build-child.ts", temp.databaseUrl, temp.dataDir, String(galaxyId)],
      { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let killedAt = "";
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(\d+)\/(\d+) (\S+)\n$/.exec(out);
        if (m && Number(m[1]) >= 40 && !killedAt) {
          killedAt = m[0].trim();
          child.kill("SIGKILL");
        }
      });
      child.on("exit", (_code, signal) =>
        signal === "SIGKILL" ? resolve() : reject(new Error(`build ended before the kill: ${out.slice(-200)}`)),
      );
    });
    expect(killedAt).not.toBe("");
    const complete = await checkNothingPartial(galaxyId, { strict: false });
    expect(complete.length).toBeGreaterThan(0);
    expect(complete.length).toBeLessThan(PARAMETER_TILE_KEYS.length);
    const dir = path.join(temp.dataDir, "tiles", String(galaxyId), "v1");
    const litter = readdirSync(dir).filter((n) => n.includes(TEMP_MARK));
    expect(litter.length).toBeGreaterThan(0); // the folder it was writing into, hidden

    const missing = PARAMETER_TILE_KEYS.find((k) => !complete.includes(k))!;
    const server = await startTileTestServer(ctx(), { backgroundBuilds: false });
    try {
      const r = await fetch(`${server.url}/tiles/${galaxyId}/v1/${missing}_files/10/3_0.png`);
      expect(r.status).toBe(200);
      expect(existsSync(path.join(dir, `${missing}.dzi`))).toBe(false);
    } finally {
      await server.close();
    }
    const swept = await sweepTiles(ctx(), { temporaryMaxAgeMs: 0 });
    expect(swept.removedTemporaries.length).toBeGreaterThanOrEqual(litter.length);
    expect(readdirSync(dir).filter((n) => n.includes(TEMP_MARK))).toEqual([]);
  });
});

// scripts/serve.ts as `npm start` runs it: the tile fast path in front of Next, one process or a
// cluster of two. Next needs a fresh production build; without one the server runs --tiles-only.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsFresh } from "@/scripts/build-state";
import { REPO_ROOT, createTempDatabase, type TempDatabase } from "@/tests/helpers/temp-database";
import { createResultsGalaxy, rampValues, storeResults } from "./fixtures";
import { freePort } from "./nginx-harness";

let temp: TempDatabase;
let galaxyId: number;
const withNext = buildIsFresh();

beforeAll(async () => {
  temp = await createTempDatabase();
  const made = await createResultsGalaxy(temp.db, { name: "SERVE 1", width: 300, height: 200, areaWidth: 50 });
  galaxyId = made.galaxy.id;
  await storeResults(temp.db, galaxyId, made.areas, rampValues(300, 200));
});
afterAll(() => temp.cleanup());

async function startServe(
  args: string[],
): Promise<{ url: string; child: ChildProcess; output(): string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1", ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: temp.dataDir, DATABASE_URL: temp.databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      output += c.toString();
      if (output.includes("Serving on")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`serve exited (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

describe("scripts/serve.ts", () => {
  it(`serves tiles on the fast path and the rest ${withNext ? "through Next" : "(tiles only: no fresh build)"}`, async () => {
    const server = await startServe(withNext ? [] : ["--tiles-only"]);
    try {
      const tile = await fetch(`${server.url}/tiles/${galaxyId}/v1/m_files/9/0_0.png`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await fetch(`${server.url}/tiles/${galaxyId}/v2/m.dzi`)).status).toBe(404);
      const api = await fetch(`${server.url}/api/galaxies/${galaxyId}/maps`);
      if (withNext) {
        expect(api.status).toBe(200);
        expect(await api.json()).toMatchObject({ galaxyId, resultsVersion: 1 });
      } else expect(api.status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it("runs two workers on one port with --workers 2", async () => {
    const server = await startServe(["--tiles-only", "--workers", "2"]);
    try {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetch(`${server.url}/tiles/${galaxyId}/v1/mu_files/${i % 2 ? 9 : 8}/0_0.png`),
        ),
      );
      expect(
        responses.map((r) => r.status),
        server.output(),
      ).toEqual(new Array(8).fill(200));
    } finally {
      await server.stop();
    }
  });
});

// The same mixed load driven by wrk (C, a few percent of one core) instead of this process: one wrk
// per route, all at once, the connections shared out by the routes' weights, each cycling through
// its route's paths from its own forwarded addresses. On a 2-core machine a Node client spends a
// core of its own on 1,500 answers a second, and its late timers and reconnects count as the
// server's timeouts; wrk leaves the cores to the server. Each wrk reports its route's requests,
// errors (socket errors, answers other than 2xx/3xx) and timeouts, and p50/p95/p99 of the answered.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runLoad, type LoadResult, type Route, type RouteResult } from "./http-load";

/** wrk when it is installed (Debian: apt-get install wrk) and LOAD_CLIENT is not "node". */
export const LOAD_CLIENT: "wrk" | "node" =
  process.env.LOAD_CLIENT !== "node" && spawnSync("wrk", ["--version"]).error === undefined ? "wrk" : "node";

const address = (n: number) => ({ "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });

/** The closed-loop load of the benches, from LOAD_CLIENT. */
export function closedLoopLoad(
  base: string,
  routes: Route[],
  options: { connections: number; seconds: number; timeoutMs: number },
): Promise<LoadResult> {
  return LOAD_CLIENT === "wrk"
    ? runWrkLoad(base, routes, options)
    : runLoad(base, routes, { ...options, headers: address });
}

/** Connections per route by weight, at least one each, adding up to `connections`. */
function shareConnections(routes: readonly Route[], connections: number): number[] {
  const total = routes.reduce((s, r) => s + r.weight, 0);
  const shares = routes.map((r) => Math.max(1, Math.floor((connections * r.weight) / total)));
  for (let k = 0; shares.reduce((a, b) => a + b, 0) < connections; k = (k + 1) % routes.length) shares[k]++;
  return shares;
}

// The route's paths in turn, each request from its own address in 10.<route>.x.y; the figures
// as one JSON line at the end (latency in microseconds).
const script = (paths: string[], route: number) => `
local paths = {${paths.map((p) => JSON.stringify(p)).join(", ")}}
local n = 0
request = function()
  n = n + 1
  local address = "10.${route}." .. (math.floor(n / 256) % 256) .. "." .. (n % 256)
  return wrk.format("GET", paths[(n % #paths) + 1], { ["X-Forwarded-For"] = address })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"timeouts":%d,"socket":%d,"status":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, e.timeout, e.connect + e.read + e.write, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

type WrkFigures = {
  requests: number;
  timeouts: number;
  socket: number;
  status: number;
  p50: number;
  p95: number;
  p99: number;
};

function runWrk(url: string, scriptFile: string, connections: number, seconds: number, timeoutMs: number) {
  return new Promise<WrkFigures>((resolve, reject) => {
    const args = [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      `--timeout`,
      `${timeoutMs / 1000}s`,
      "-s",
      scriptFile,
      url,
    ];
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (out += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = /WRK (\{.*\})/.exec(out);
      if (code !== 0 || !line) reject(new Error(`wrk exited ${code}: ${out.slice(-300)}`));
      else resolve(JSON.parse(line[1]) as WrkFigures);
    });
  });
}

async function runWrkLoad(
  base: string,
  routes: Route[],
  options: { connections: number; seconds: number; timeoutMs: number },
): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pogs-wrk-"));
  try {
    const shares = shareConnections(routes, options.connections);
    const started = performance.now();
    const figures = await Promise.all(
      routes.map((r, k) => {
        const file = path.join(dir, `route${k}.lua`);
        writeFileSync(file, script(r.paths, k));
        return runWrk(base, file, shares[k], options.seconds, options.timeoutMs);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const results: RouteResult[] = routes.map((r, k) => {
      const f = figures[k];
      return {
        name: `${r.name} (${shares[k]} conn.)`,
        requests: f.requests + f.timeouts,
        errors: f.socket + f.status,
        timeouts: f.timeouts,
        samples: f.socket + f.status ? [`${f.status} answers not 2xx/3xx, ${f.socket} socket errors`] : [],
        p50: f.p50 / 1000,
        p95: f.p95 / 1000,
        p99: f.p99 / 1000,
      };
    });
    const requests = results.reduce((s, r) => s + r.requests, 0);
    return { seconds, requests, requestsPerSecond: requests / seconds, routes: results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

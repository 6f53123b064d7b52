// Helpers of the maps benches (bench/maps-*.bench.ts): wrk runs, server processes, medians.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { freePort, processHandle, waitForPort, type Proc } from "@/lib/testing/processes";

/**
 * A full garbage collection, so each timed section starts without the previous one's garbage
 * (V8 exposes `gc` only with --expose-gc; the flag can be set at run time and read from a fresh
 * context).
 */
export function collectGarbage(): void {
  const g = globalThis as unknown as { gc?: () => void };
  if (!g.gc) {
    v8.setFlagsFromString("--expose-gc");
    g.gc = runInNewContext("gc") as () => void;
  }
  g.gc!();
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export type WrkResult = { requestsPerSecond: number; p99Ms: number; errors: number };

/** A Lua script for wrk that cycles through `paths` (one request per path in turn). */
export function writeWrkScript(dir: string, paths: string[]): string {
  const list = path.join(dir, "paths.txt");
  writeFileSync(list, paths.join("\n") + "\n");
  const script = path.join(dir, "round-robin.lua");
  writeFileSync(
    script,
    `local paths = {}
for line in io.lines("${list}") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`,
  );
  return script;
}

function toMs(value: string, unit: string): number {
  const v = Number(value);
  return unit === "us" ? v / 1000 : unit === "s" ? v * 1000 : unit === "m" ? v * 60_000 : v;
}

/**
 * `wrk -t2 -c64 -d<s>s --latency -s <script> <url>`, parsed. Asynchronous, so this process's
 * event loop keeps running meanwhile (a blocked loop misses idle connections being closed and
 * then writes into them).
 */
export async function runWrk(url: string, script: string, seconds = 10, connections = 64): Promise<WrkResult> {
  const child = spawn("wrk", ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, url], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c));
  child.stderr.on("data", (c: Buffer) => (stderr += c));
  const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const r = { status, stdout, stderr };
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(r.stdout);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(r.stdout);
  if (!rps || !p99) throw new Error(`unexpected wrk output:\n${r.stdout}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(r.stdout);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout);
  const errorCount =
    (errors ? errors.slice(1).reduce((s, n) => s + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return { requestsPerSecond: Number(rps[1]), p99Ms: toMs(p99[1], p99[2]), errors: errorCount };
}

/** The reference: a bare Node `http` server doing `fs.readFile` per request (docs/architecture.md, "Serving"). */
export async function startBareNode(dir: string, root: string): Promise<Proc> {
  const file = path.join(dir, "bare-node.mjs");
  writeFileSync(
    file,
    `import http from "node:http";
import fs from "node:fs";
const root = process.argv[2];
http.createServer((req, res) => {
  fs.readFile(root + req.url, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": data.length });
    res.end(data);
  });
}).listen(Number(process.argv[3]), "127.0.0.1");
`,
  );
  const port = await freePort();
  let out = "";
  const child = spawn(process.execPath, [file, root, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  child.stderr!.on("data", (c: Buffer) => (out += c));
  await waitForPort(port, child, () => out);
  return processHandle(child, port, () => out);
}

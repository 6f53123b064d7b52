// `npm run import-stats` in a child process, timed: wall time, CPU time per thread, and the peak
// RSS of the import alone (/usr/bin/time), for the import benches.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { PROJECT_ROOT } from "@/lib/project-root";
import type { BenchFigure } from "./types";

export interface Run {
  seconds: number;
  cpuSeconds: number | undefined;
  /** CPU time of the busiest thread: what the wall time would be on two idle cores, give or take. */
  busiestThreadSeconds: number | undefined;
  peakMb: number | undefined;
  summary: string;
}

const CLOCK_TICKS = 100; // USER_HZ, as /proc reports thread times

/** CPU seconds per thread of `pid` (Linux /proc), or an empty map elsewhere. */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    }
  } catch {
    // the process ended between two reads
  }
  return out;
}

function childOf(pid: number): number | undefined {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ")[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

export async function importStats(databaseUrl: string, dir: string): Promise<Run> {
  const timed = existsSync("/usr/bin/time");
  const command = [process.execPath, "--import", "tsx", "scripts/import-stats.ts", dir];
  const started = performance.now();
  const child = spawn(timed ? "/usr/bin/time" : command[0], timed ? ["-v", ...command] : command.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  // Sample the import's threads while it runs: their CPU times only grow.
  const threads = new Map<string, number>();
  const sampler = setInterval(() => {
    const pid = timed ? childOf(child.pid!) : child.pid;
    if (pid) for (const [tid, seconds] of threadCpu(pid)) threads.set(tid, Math.max(seconds, threads.get(tid) ?? 0));
  }, 200);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0)
    throw new Error(
      // The error line and what follows it (a database error's message spans lines).
      `import-stats failed: ${stderr.includes("error:") ? stderr.slice(stderr.indexOf("error:"), stderr.indexOf("error:") + 800) : stderr.slice(-500)}`,
    );
  const field = (label: string) => {
    const match = stderr.match(new RegExp(`${label}: ([\\d.]+)`));
    return match ? Number(match[1]) : undefined;
  };
  const user = field("User time \\(seconds\\)");
  const system = field("System time \\(seconds\\)");
  const peakKb = field("Maximum resident set size \\(kbytes\\)");
  return {
    seconds,
    cpuSeconds: user === undefined || system === undefined ? undefined : user + system,
    busiestThreadSeconds: threads.size ? Math.max(...threads.values()) : undefined,
    peakMb: peakKb === undefined ? undefined : peakKb / 1024,
    summary: stdout.trim().split("\n").at(-1) ?? "",
  };
}

/**
 * The machine is shared, so wall time depends on the neighbours: CPU time says what the import
 * itself needs. On two idle cores it cannot finish before its busiest thread, nor before all its
 * CPU time spread over both cores.
 */
function cpuNote(cpu: number, busiest: number | undefined): string {
  const idle = Math.max(busiest ?? 0, cpu / 2);
  return `CPU ${cpu.toFixed(0)} s (all threads), busiest thread ${busiest?.toFixed(0) ?? "?"} s: ≈ ${idle.toFixed(0)} s on 2 idle cores`;
}

/** Time and peak RSS of one run; `targets` as [seconds, MB] when the run has them. */
export function figures(label: string, run: Run, targets: [number, number] | null): BenchFigure[] {
  const out: BenchFigure[] = [
    {
      name: `${label}: time`,
      value: run.seconds,
      unit: "s",
      ...(targets ? { target: `≤ ${targets[0]} s`, ok: run.seconds <= targets[0] } : {}),
      note: run.cpuSeconds === undefined ? undefined : cpuNote(run.cpuSeconds, run.busiestThreadSeconds),
    },
  ];
  if (run.peakMb !== undefined) {
    out.push({
      name: `${label}: peak RSS`,
      value: run.peakMb,
      unit: "MB",
      ...(targets ? { target: `≤ ${targets[1]} MB`, ok: run.peakMb <= targets[1] } : {}),
    });
  }
  return out;
}

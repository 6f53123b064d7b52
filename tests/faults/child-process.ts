// Children for the fault tests: a script run by node with tsx's loader (not the tsx CLI, whose
// grandchild a kill would miss), killed with SIGKILL once its output shows it is mid-way.
import { spawn } from "node:child_process";
import { PROJECT_ROOT } from "@/lib/project-root";

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(script: string, args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, POGS_DEBUG: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `script` until a line of its output (stdout or stderr) matches `when`, then SIGKILLs it. */
export function killWhen(script: string, args: string[], env: Record<string, string>, when: RegExp): Promise<string> {
  const child = start(script, args, env);
  return new Promise((resolve, reject) => {
    let output = "";
    let killedAt = "";
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => when.test(l));
      if (line && !killedAt) {
        killedAt = line;
        child.kill("SIGKILL");
      }
    };
    child.stdout.on("data", watch);
    child.stderr.on("data", watch);
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" && killedAt
        ? resolve(killedAt)
        : reject(new Error(`${script} ended before the kill: ${output.slice(-500)}`)),
    );
  });
}

/** Runs `script` to its end. */
export function runToEnd(script: string, args: string[], env: Record<string, string>): Promise<ChildRun> {
  const child = start(script, args, env);
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

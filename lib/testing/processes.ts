// Server processes for tests and benches: a free port, `npm start`'s server (scripts/serve.ts) on
// its own data, and a handle that stops a process politely, then firmly.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { PROJECT_ROOT } from "@/lib/project-root";

export type Proc = { url: string; port: number; child: ChildProcess; output(): string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port answers HTTP (any status); fails early if the process exits. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/tiles/`);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`server did not start: ${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A handle on a started child: its output so far, and stop() (SIGTERM, then SIGKILL after 10 s). */
export function processHandle(child: ChildProcess, port: number, output: () => string): Proc {
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** scripts/serve.ts (what `npm start` runs) on its own port, data and extra environment. */
export async function startPortal(
  env: { dataDir: string; databaseUrl: string; extra?: NodeJS.ProcessEnv },
  args: string[] = [],
): Promise<Proc> {
  const port = await freePort();
  let out = "";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1", ...args],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATA_DIR: env.dataDir,
        DATABASE_URL: env.databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env.extra,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (c: Buffer) => (out += c));
  child.stderr!.on("data", (c: Buffer) => (out += c));
  await waitForPort(port, child, () => out);
  return processHandle(child, port, () => out);
}

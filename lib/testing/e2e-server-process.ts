// The browser tests' server (scripts/e2e-server.ts: a fresh small demo survey served by `npm
// start`'s server) started as a child process, for the scripts and benches that drive Chromium
// outside Playwright's runner (screenshots, load budgets). It needs a production build in
// NEXT_DIST_DIR; the survey lands where lib/testing/e2e-survey.ts reads it (by E2E_PORT).
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";
import { E2E_PORT } from "./e2e-survey";
import { processHandle, waitForPort, type Proc } from "./processes";

export async function startE2eServer(): Promise<Proc> {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/e2e-server.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, E2E_PORT: String(E2E_PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => (out += c));
  child.stderr!.on("data", (c: Buffer) => (out += c));
  // Building the demo survey comes first: minutes on a loaded machine.
  await waitForPort(E2E_PORT, child, () => out.slice(-2000), 300_000);
  return processHandle(child, E2E_PORT, () => out);
}

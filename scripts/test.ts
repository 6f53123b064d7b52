// npm test: unit and integration tests (Vitest, real SQLite files), then the browser tests
// (Playwright in Chromium against a production build served by `next start`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/schema-files";
import { ensureBuild } from "./build-state";
import { NO_CHROMIUM_MESSAGE, findOrInstallChromium } from "./chromium";

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, bin), ...args], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const extra = process.argv.slice(2);
run("node_modules/vitest/vitest.mjs", ["run", ...extra]);

const chromiumPath = findOrInstallChromium();
if (!chromiumPath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
ensureBuild();
run("node_modules/@playwright/test/cli.js", ["test"], { ...process.env, CHROMIUM_PATH: chromiumPath });

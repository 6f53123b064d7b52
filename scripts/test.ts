// npm test: the cheap checks first (format, lint with the layering, cycle and dead-export rules,
// types), then the unit and integration tests (Vitest, real SQLite files), then the browser tests
// (Playwright in Chromium against a production build served by `npm start`'s server).
// `npm test -- <vitest filter>` runs only the matching Vitest files, and no browser tests.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/project-root";
import { ensureBuild } from "./build-state";
import { NO_CHROMIUM_MESSAGE, findOrInstallChromium } from "./chromium";

function step(title: string, bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n▶ ${title}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules", bin), ...args], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) {
    console.error(`error: ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const filters = process.argv.slice(2);
if (!filters.length) {
  step("format check (prettier)", "prettier/bin/prettier.cjs", ["--check", "--log-level", "warn", "."]);
  step("lint (eslint)", "eslint/bin/eslint.js", ["--max-warnings", "0", "."]);
  step("dead code (knip)", "knip/bin/knip.js", []);
  step("types (tsc)", "typescript/bin/tsc", ["--noEmit"]);
}
step("unit and integration tests (vitest)", "vitest/vitest.mjs", ["run", ...filters]);
if (filters.length) process.exit(0);

const chromiumPath = findOrInstallChromium();
if (!chromiumPath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
ensureBuild();
step("browser tests (playwright)", "@playwright/test/cli.js", ["test"], {
  ...process.env,
  CHROMIUM_PATH: chromiumPath,
});

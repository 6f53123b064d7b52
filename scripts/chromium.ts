// Finds a Chromium for the browser tests: CHROMIUM_PATH, then the system's (Debian's chromium),
// then Playwright's own download. Playwright cannot download browsers without internet, so on an
// offline machine the system one is the way.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";

const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

/** A Chromium, installing Playwright's own when none is found and the download works. */
export function findOrInstallChromium(): string | null {
  const found = findChromium();
  if (found) return found;
  console.log("No Chromium found: trying `npx playwright install chromium`…");
  spawnSync(process.execPath, [require_playwright_cli(), "install", "chromium"], { stdio: "inherit" });
  return findChromium();
}

function require_playwright_cli(): string {
  return new URL("../node_modules/@playwright/test/cli.js", import.meta.url).pathname;
}

export const NO_CHROMIUM_MESSAGE =
  "error: no Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`), or run `npx playwright install chromium` with internet access, or set CHROMIUM_PATH";

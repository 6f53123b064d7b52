// npm run screenshots: every page of the portal at 1280 and 390 px wide, in the dark and the light
// theme, saved as full-page PNGs under screenshots/<theme>-<width>/ (ignored by git) for a person
// to look through. Runs on the browser tests' demo survey (scripts/e2e-server.ts, on E2E_PORT),
// building the portal first if the build is stale. Also shot: the deep-zoom viewer open and the
// folded navigation menu open on the phone width.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { PROJECT_ROOT } from "@/lib/project-root";
import { startE2eServer } from "@/lib/testing/e2e-server-process";
import { everyPageUrl } from "@/lib/testing/page-urls";
import { ensureBuild } from "./build-state";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./chromium";
import { runCli } from "./cli";

const OUT = path.join(PROJECT_ROOT, "screenshots");
const WIDTHS = [1280, 390] as const;
const THEMES = ["dark", "light"] as const;

const fileName = (url: string) => (url === "/" ? "home" : url.slice(1).replace(/[^a-z0-9]+/gi, "_"));

async function shoot(page: Page, url: string, file: string, before?: (page: Page) => Promise<void>) {
  await page.goto(url, { timeout: 120_000 });
  await page.waitForLoadState("networkidle", { timeout: 120_000 });
  await before?.(page);
  await page.screenshot({ path: file, fullPage: true });
}

await runCli(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  ensureBuild();
  console.log("Starting the demo survey's server (scripts/e2e-server.ts)…");
  const server = await startE2eServer();
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    rmSync(OUT, { recursive: true, force: true });
    const pages = everyPageUrl();
    const galaxy = pages.find((p) => p.pattern === "/galaxies/[id]")!.url;
    for (const theme of THEMES)
      for (const width of WIDTHS) {
        const dir = path.join(OUT, `${theme}-${width}`);
        mkdirSync(dir, { recursive: true });
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: { width, height: width > 800 ? 900 : 844 },
          colorScheme: theme,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        for (const { url } of pages) await shoot(page, url, path.join(dir, `${fileName(url)}.png`));
        await shoot(page, `${galaxy}?view=side-by-side`, path.join(dir, "viewer.png"));
        if (width < 800)
          await shoot(page, "/", path.join(dir, "menu.png"), (p) => p.getByRole("button", { name: "Menu" }).click());
        await context.close();
        console.log(`${theme}, ${width} px wide: screenshots in ${path.relative(PROJECT_ROOT, dir)}`);
      }
  } finally {
    await browser.close();
    await server.stop();
  }
});

// The galaxy page's pictures and deep-zoom viewer, against the e2e survey (scripts/e2e-server.ts):
// tiles come from the tile fast path, overlays stay on their pixels, the readout shows what is
// stored, and a computing galaxy follows a new ingest without a reload.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import { formatMapValue, formatRange } from "@/components/maps/format-value";
import { pixelToSky, type Wcs } from "@/lib/fits/wcs";
import { formatDec, formatRa } from "@/lib/format";
import { PROJECT_ROOT } from "@/lib/project-root";
import { pendingResultFile, PENDING_DIR } from "@/lib/testing/pending-results";
import { E2E_DATA_DIR, one, query } from "@/lib/testing/e2e-survey";
import {
  MAP_PARAMETER_IDS,
  elementBox,
  expectSameBox,
  imageRectOnScreen,
  storedPixel,
  viewerAtRest,
  viewerZoom,
  type MapKey,
} from "./support/viewer";

const MAP_KEYS = Object.keys(MAP_PARAMETER_IDS) as MapKey[];

function tileResponses(page: Page): Response[] {
  const seen: Response[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname.startsWith("/tiles/")) seen.push(r);
  });
  return seen;
}

test("the composites and the four parameter maps load their tiles, on the page and in the viewer", async ({ page }) => {
  const g = one<{ id: number; results_version: number }>(
    "select id, results_version from galaxy where status = 'processed' order by id limit 1",
  );
  const tiles = tileResponses(page);
  await page.goto(`/galaxies/${g.id}`);
  const gallery = page.getByTestId("map-gallery");
  for (const n of [1, 2, 3, 4]) await expect(gallery.getByText(`Image ${n}`)).toBeVisible();
  const pictures = gallery.locator("img");
  await expect(pictures).toHaveCount(8);
  await expect
    .poll(() => pictures.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length))
    .toBe(8);

  await page.getByTestId("preview-m").click();
  await expect(page.getByTestId("map-viewer")).toBeVisible();
  await page.getByTestId("view-side-by-side").click();
  for (const i of [0, 1, 2, 3]) await viewerAtRest(page, i);

  const paths = tiles.map((r) => new URL(r.url()).pathname);
  for (const n of [1, 2, 3, 4])
    expect(
      paths.some((p) => p.startsWith(`/tiles/${g.id}/layers/rgb${n}_files/`)),
      `rgb${n} tiles`,
    ).toBe(true);
  for (const key of MAP_KEYS) {
    expect(
      paths.some((p) => p.startsWith(`/tiles/${g.id}/v${g.results_version}/${key}_files/`)),
      `${key} tiles`,
    ).toBe(true);
    expect(paths, `${key} descriptor`).toContain(`/tiles/${g.id}/v${g.results_version}/${key}.dzi`);
  }
  const failed = tiles.filter((r) => r.status() !== 200 && r.status() !== 304).map((r) => `${r.status()} ${r.url()}`);
  expect(failed).toEqual([]);
});

test("a volunteer's rectangles cover exactly their pixels at two zoom levels, and side by side", async ({ page }) => {
  // The volunteer with the most work units in a galaxy, and one of those work units.
  const pick = one<{ galaxy_id: number; user_id: number; height: number }>(
    `select a.galaxy_id, au.user_id, g.height from area_user au join area a on a.id = au.area_id join galaxy g on g.id = a.galaxy_id
     where g.results_version > 0 group by a.galaxy_id, au.user_id order by count(*) desc, a.galaxy_id, au.user_id limit 1`,
  );
  const area = one<{ x0: number; y0: number; x1: number; y1: number }>(
    `select a.x0, a.y0, a.x1, a.y1 from area a join area_user au on au.area_id = a.id where a.galaxy_id = ? and au.user_id = ? order by a.id limit 1`,
    pick.galaxy_id,
    pick.user_id,
  );
  const count = one<{ n: number }>(
    "select count(*) n from area a join area_user au on au.area_id = a.id where a.galaxy_id = ? and au.user_id = ?",
    pick.galaxy_id,
    pick.user_id,
  ).n;
  // Half-open FITS rows [y0, y1) are image rows [height − y1, height − y0): north up.
  const pixels = { x: area.x0, y: pick.height - area.y1, width: area.x1 - area.x0, height: area.y1 - area.y0 };
  const rect = `[data-testid="viewer-panel-0-overlay"] rect[data-area="${area.x0},${area.y0},${area.x1},${area.y1}"]`;

  await page.goto(`/galaxies/${pick.galaxy_id}?user=${pick.user_id}&view=rgb1`);
  await expect(page.getByTestId("volunteer-area-count")).toHaveText(String(count));
  await expect(page.locator('[data-testid="viewer-panel-0-overlay"] rect[data-area]')).toHaveCount(count);
  await viewerAtRest(page);
  const homeZoom = await viewerZoom(page);
  expectSameBox(await elementBox(page, rect), await imageRectOnScreen(page, 0, pixels));

  // Zoom in with the wheel over the rectangle, then pan with the keyboard.
  const box = await elementBox(page, rect);
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, -200);
    // OpenSeadragon ignores wheel events closer than 50 ms.
    await page.waitForTimeout(80);
  }
  await page.keyboard.press("ArrowLeft");
  await viewerAtRest(page);
  expect(await viewerZoom(page)).toBeGreaterThan(2 * homeZoom);
  const zoomed = await elementBox(page, rect);
  expectSameBox(zoomed, await imageRectOnScreen(page, 0, pixels));
  expect(zoomed.right - zoomed.left).toBeGreaterThan(2 * (box.right - box.left));
  // 0 on the focused map is the whole galaxy again.
  await page.keyboard.press("0");
  await viewerAtRest(page);
  expect(Math.abs((await viewerZoom(page)) / homeZoom - 1)).toBeLessThan(1e-6);
  expectSameBox(await elementBox(page, rect), await imageRectOnScreen(page, 0, pixels));

  // The four maps side by side move in step, each with the rectangles on its pixels.
  await page.getByTestId("view-side-by-side").click();
  for (const i of [0, 1, 2, 3]) await viewerAtRest(page, i);
  const joined = await viewerZoom(page, 0);
  for (const i of [1, 2, 3])
    expect(Math.abs((await viewerZoom(page, i)) / joined - 1), `panel ${i} joins at the same zoom`).toBeLessThan(1e-6);
  await page.getByRole("button", { name: "Zoom in" }).click();
  for (const i of [0, 1, 2, 3]) await viewerAtRest(page, i);
  const zoom = await viewerZoom(page, 0);
  for (const i of [1, 2, 3]) {
    expect(Math.abs((await viewerZoom(page, i)) / zoom - 1)).toBeLessThan(1e-6);
    const inPanel = `[data-testid="viewer-panel-${i}-overlay"] rect[data-area="${area.x0},${area.y0},${area.x1},${area.y1}"]`;
    expectSameBox(await elementBox(page, inPanel), await imageRectOnScreen(page, i, pixels));
  }
});

test("the readout under the pointer shows the pixel, its sky position and the stored values", async ({ page }) => {
  const block = one<{ area_id: number; galaxy_id: number; pixel_count: number }>(
    "select b.area_id, b.galaxy_id, b.pixel_count from pixel_result_block b join galaxy g on g.id = b.galaxy_id where g.status = 'processed' order by b.pixel_count desc, b.area_id limit 1",
  );
  const stored = storedPixel(block.area_id, Math.floor(block.pixel_count / 2));
  const g = one<{ width: number; height: number; wcs: string }>(
    "select width, height, wcs from galaxy where id = ?",
    stored.galaxyId,
  );
  const [ra, dec] = pixelToSky(JSON.parse(g.wcs) as Wcs, stored.x, stored.y);

  await page.goto(`/galaxies/${stored.galaxyId}?view=m`);
  await viewerAtRest(page);
  const centre = await imageRectOnScreen(page, 0, {
    x: stored.x + 0.5,
    y: g.height - stored.y - 0.5,
    width: 0,
    height: 0,
  });
  await page.mouse.move(centre.left, centre.top);

  const readout = page.getByTestId("pixel-readout");
  await expect(readout.getByTestId("readout-pixel")).toHaveText(`(${stored.x}, ${stored.y})`);
  await expect(readout.getByTestId("readout-sky")).toContainText(formatRa(ra));
  await expect(readout.getByTestId("readout-sky")).toContainText(formatDec(dec));
  await expect(readout).toContainText(`work unit ${stored.areaId}`);
  for (const key of MAP_KEYS) {
    const v = stored.values[key];
    await expect(readout.getByTestId(`readout-${key}-value`)).toHaveText(formatMapValue(v.p50));
    await expect(readout.getByTestId(`readout-${key}-range`)).toHaveText(formatRange(v.p16, v.p84));
  }

  // A click pins the pixel: the readout stays on it when the pointer leaves the map.
  await page.mouse.click(centre.left, centre.top);
  await page.getByRole("button", { name: "Close the viewer" }).hover();
  await expect(readout.getByTestId("readout-pixel")).toHaveText(`(${stored.x}, ${stored.y})`);
  await expect(readout).toContainText("pinned");
  await expect(readout.getByTestId("readout-m-value")).toHaveText(formatMapValue(stored.values.m.p50));
});

test("a computing galaxy shows the tiles of a new ingest without a reload", async ({ page }) => {
  test.setTimeout(90_000);
  // The computing galaxy with the most outstanding work units, and one of its pending results.
  const galaxies = query<{ id: number; outstanding: number; results_version: number }>(
    "select g.id, g.results_version, g.area_count - g.areas_processed outstanding from galaxy g where g.status = 'computing' order by outstanding desc, g.id",
  );
  const pending = galaxies
    .flatMap((g) => {
      let files: string[] = [];
      try {
        files = readdirSync(path.join(E2E_DATA_DIR, PENDING_DIR, String(g.id)));
      } catch {}
      return files
        .filter((f) => f.endsWith(".fit"))
        .map((f) => ({ galaxy: g, areaId: Number(/area(\d+)\.fit/.exec(f)![1]) }));
    })
    .find(
      (p) =>
        one<{ processed_at: string | null }>("select processed_at from area where id = ?", p.areaId).processed_at ===
        null,
    );
  expect(pending, "a pending result of a computing galaxy").toBeTruthy();
  const { galaxy, areaId } = pending!;

  await page.goto(`/galaxies/${galaxy.id}?view=m`);
  await expect(page.getByTestId("results-version")).toHaveText(String(galaxy.results_version));
  await viewerAtRest(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const next = galaxy.results_version + 1;
  const newTile = page.waitForResponse(
    (r) => new URL(r.url()).pathname.startsWith(`/tiles/${galaxy.id}/v${next}/m_files/`) && r.status() === 200,
    { timeout: 60_000 },
  );
  // The real ingest command, on the e2e database, while the page is open.
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/ingest.ts", pendingResultFile(E2E_DATA_DIR, galaxy.id, areaId)],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: `file:${path.join(E2E_DATA_DIR, "pogs.db")}` },
      stdio: "pipe",
    },
  );
  expect(one<{ v: number }>("select results_version v from galaxy where id = ?", galaxy.id).v).toBe(next);

  await expect(page.getByTestId("results-version")).toHaveText(String(next), { timeout: 30_000 });
  await expect(page.getByTestId("map-viewer")).toHaveAttribute("data-results-version", String(next));
  await newTile;
  // The viewer now draws the new version's pyramid only (the old image removed once replaced).
  await page.waitForFunction(
    (v) => {
      const viewer = (
        document.querySelector('[data-testid="viewer-panel-0"]') as HTMLElement & {
          osdViewer: import("openseadragon").Viewer;
        }
      ).osdViewer;
      const items = Array.from({ length: viewer.world.getItemCount() }, (_, i) => viewer.world.getItemAt(i));
      return (
        items.length === 1 && String((items[0].source as unknown as { tilesUrl: string }).tilesUrl).includes(`/v${v}/`)
      );
    },
    next,
    { timeout: 20_000 },
  );
  await expect(page.getByTestId("preview-m").locator("img")).toHaveAttribute(
    "src",
    new RegExp(`/tiles/${galaxy.id}/v${next}/m_files/`),
  );
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The ingest (another process) was an event for the page cache: a new visitor gets the page
  // rendered after it, not the one cached before.
  const fresh = await page.request.get(`/galaxies/${galaxy.id}`);
  expect(await fresh.text()).toMatch(new RegExp(`data-testid="results-version"[^>]*>${next}<`));
});

test("images to share: the Open Graph card in the page metadata, list thumbnails, a volunteer's areas", async ({
  page,
  request,
}) => {
  const pick = one<{ galaxy_id: number; user_id: number; areas: number; pixels: number }>(
    `select gu.galaxy_id, gu.user_id, gu.area_count areas, gu.pixel_count pixels from galaxy_user gu order by gu.area_count desc, gu.galaxy_id, gu.user_id limit 1`,
  );
  await page.goto(`/galaxies/${pick.galaxy_id}`);
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(og).toMatch(new RegExp(`/galaxies/${pick.galaxy_id}/images/og\\.png`));
  const card = await request.get(new URL(og!).pathname + new URL(og!).search);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");

  // The volunteer picker: counts from the database, and the shareable PNG of their areas.
  await page.getByLabel("BOINC user id").fill(String(pick.user_id));
  await page.getByRole("button", { name: "Show areas" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]user=${pick.user_id}`));
  await expect(page.getByTestId("volunteer-area-count")).toHaveText(String(pick.areas));
  await expect(page.getByTestId("volunteer-pixel-count")).toHaveText(
    new Intl.NumberFormat("en-US").format(pick.pixels),
  );
  await expect(page.getByTestId("preview-rgb1").locator("rect[data-area]")).toHaveCount(pick.areas);
  const png = await request.get((await page.getByTestId("share-areas-png").getAttribute("href"))!);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");

  // Thumbnails in the galaxy list and in the volunteer's list of galaxies.
  for (const [path, testId] of [
    ["/galaxies", "galaxy-thumbnail"],
    [`/users/${pick.user_id}`, "volunteer-galaxy-thumbnail"],
  ]) {
    await page.goto(path);
    const thumbs = page.getByTestId(testId);
    await expect(thumbs.first()).toBeVisible();
    // (Lazy: the ones in view.)
    await expect.poll(() => thumbs.first().evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
});

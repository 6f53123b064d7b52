// The pixel inspector against the e2e survey (scripts/e2e-server.ts): a processed demo pixel's page
// draws its SED and its 16 PDFs from what the ingest stored, names the volunteers and the χ², and
// a pixel picked in the deep-zoom viewer leads there.
import { expect, test } from "@playwright/test";
import { formatStatistic } from "@/components/inspector/plot-format";
import { one, query } from "@/lib/testing/e2e-survey";
import { imageRectOnScreen, storedPixel, viewerAtRest } from "./support/viewer";

/** The middle pixel of the largest result block of a processed galaxy, with its χ² and volunteers. */
function processedPixel() {
  const block = one<{ area_id: number; pixel_count: number; best_fit: Buffer; flux_filters: string }>(
    `select b.area_id, b.pixel_count, b.best_fit, b.flux_filters from pixel_result_block b join galaxy g on g.id = b.galaxy_id
     where g.status in ('processed', 'archived') order by b.pixel_count desc, b.area_id limit 1`,
  );
  const index = Math.floor(block.pixel_count / 2);
  const pixel = storedPixel(block.area_id, index);
  const volunteers = query<{ name: string }>(
    "select u.name from area_user au join boinc_user u on u.id = au.user_id where au.area_id = ? order by u.id",
    block.area_id,
  ).map((u) => u.name);
  // best_fit: float32 [pixel][i_sfh, i_ir, chi2, redshift]
  const chi2 = block.best_fit.readFloatLE(4 * (4 * index + 2));
  return { ...pixel, chi2, volunteers, filters: block.flux_filters.split(",") };
}

test("a processed pixel's page draws its SED and 16 PDFs, with χ² and the volunteers who computed it", async ({
  page,
}) => {
  const p = processedPixel();
  expect(p.volunteers.length).toBeGreaterThan(0);
  expect(p.filters.length).toBeGreaterThan(3);
  await page.goto(`/galaxies/${p.galaxyId}/pixels/${p.x},${p.y}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pixel (${p.x}, ${p.y})`);
  await expect(page.getByTestId("pixel-chi2")).toContainText(formatStatistic(p.chi2));
  for (const name of p.volunteers) await expect(page.getByTestId("pixel-volunteers")).toContainText(name);

  const sed = page.getByTestId("sed-plot");
  // The best-fit model as a line through every band, and a point (with its error bar) per band observed.
  await expect(sed.locator('path[data-series="model"]')).toHaveAttribute("d", /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3,}/);
  expect(await sed.locator('g[data-series="observed"] circle').count()).toBeGreaterThan(3);
  await expect(sed.locator("svg")).toContainText("Wavelength (µm, observed frame)");
  await expect(sed.locator("svg")).toContainText("Flux density Fν (Jy)");
  const box = (await sed.locator("svg").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId("sed-readout")).toContainText(/observed .* · model .* Jy/);
  await sed.getByRole("button", { name: "Show as a table" }).click();
  await expect(sed.locator("table tbody tr")).toHaveCount(p.filters.length);

  const pdfs = page.getByTestId("pdf-grid").locator("figure");
  await expect(pdfs).toHaveCount(16);
  for (let i = 0; i < 16; i++) {
    const histogram = pdfs.nth(i).locator('path[data-series="histogram"]');
    await expect(histogram).toHaveAttribute("d", /^M[\d.]+,[\d.]+(V[\d.]+H[\d.]+){2,}V[\d.]+Z$/);
    await expect(pdfs.nth(i).locator('[data-mark="median"]')).toHaveCount(1);
  }
  await expect(page.getByTestId("pdf-m")).toContainText(formatStatistic(p.values.m.p50));
  await expect(page.getByTestId("pdf-m").locator("svg")).toContainText("log10 M*/M☉");
});

test("a pixel picked in the viewer offers the inspector, which opens on that pixel", async ({ page }) => {
  const p = processedPixel();
  const g = one<{ height: number }>("select height from galaxy where id = ?", p.galaxyId);
  await page.goto(`/galaxies/${p.galaxyId}?view=m`);
  await viewerAtRest(page);
  const centre = await imageRectOnScreen(page, 0, { x: p.x + 0.5, y: g.height - p.y - 0.5, width: 0, height: 0 });
  await page.mouse.move(centre.left, centre.top);
  await expect(page.getByTestId("readout-pixel")).toHaveText(`(${p.x}, ${p.y})`);
  await expect(page.getByTestId("inspect-pixel")).toHaveCount(0);
  await page.mouse.click(centre.left, centre.top);
  const link = page.getByTestId("inspect-pixel");
  await expect(link).toHaveAttribute("href", `/galaxies/${p.galaxyId}/pixels/${p.x},${p.y}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/galaxies/${p.galaxyId}/pixels/${p.x},${p.y}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pixel (${p.x}, ${p.y})`);
  await expect(page.getByTestId("pdf-grid").locator("figure")).toHaveCount(16);
});

test("a pixel without a result says why; the JSON route answers 404 and 400 with a message", async ({
  page,
  request,
}) => {
  const p = processedPixel();
  // The corner of the image is sky: no work unit covers it.
  const corner = one<{ n: number }>(
    "select count(*) n from area where galaxy_id = ? and x0 <= 0 and x1 > 0 and y0 <= 0 and y1 > 0",
    p.galaxyId,
  );
  expect(corner.n).toBe(0);
  await page.goto(`/galaxies/${p.galaxyId}/pixels/0,0`);
  await expect(page.getByTestId("pixel-no-result")).toContainText("it is in no work unit");

  const none = await request.get(`/api/galaxies/${p.galaxyId}/pixels/0,0`);
  expect(none.status()).toBe(404);
  expect((await none.json()).error.message).toContain("has no result");
  const outside = await request.get(`/api/galaxies/${p.galaxyId}/pixels/0,65000`);
  expect(outside.status()).toBe(400);
  expect((await outside.json()).error.message).toMatch(/is outside the \d+×\d+ image/);
  const ok = await request.get(`/api/galaxies/${p.galaxyId}/pixels/${p.x},${p.y}`);
  expect(ok.status()).toBe(200);
  expect((await ok.json()).fluxes).toHaveLength(p.filters.length);
});

// A deleted galaxy in a real browser: its per-pixel results are gone from the database and come
// from its stored archive (lib/archive-store). The page says so and since when, its map tiles are
// rendered from the archive (none on disk), the readout under the pointer gives the archive's
// values, and a FITS cutout of it downloads.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatMapValue, formatRange } from "@/components/maps/format-value";
import { formatDateTime } from "@/lib/format";
import { PROJECT_ROOT } from "@/lib/project-root";
import { E2E_DATA_DIR, one } from "@/lib/testing/e2e-survey";
import { imageRectOnScreen, MAP_PARAMETER_IDS, viewerAtRest, type MapKey } from "./support/viewer";

type Galaxy = { id: number; name: string; height: number; results_version: number; stored_path: string };
type ArchivedPixel = { x: number; y: number; values: Record<MapKey, { p50: number; p16: number; p84: number }> };

/** `npm run archive` against the e2e survey, its store inside the survey's folder. */
function archive(...args: string[]): void {
  const env = {
    ...process.env,
    DATA_DIR: E2E_DATA_DIR,
    DATABASE_URL: `file:${path.join(E2E_DATA_DIR, "pogs.db")}`,
    ARCHIVE_STORE: path.join(E2E_DATA_DIR, "store"),
  };
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/archive.ts", ...args], {
    cwd: PROJECT_ROOT,
    env,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`npm run archive -- ${args.join(" ")}: ${r.stderr}`);
}

/**
 * The e2e demo's stored galaxy, deleted here (its stored copy is inside the survey's folder, the
 * demo's store being beside the survey it builds). No other browser test uses it; the archived
 * and processed ones are used by the data, security and viewer tests.
 */
function deleteOneGalaxy(): Galaxy {
  const { id } = one<{ id: number }>("select id from galaxy where status = 'stored' order by id limit 1");
  archive("--delete", String(id));
  return one<Galaxy>("select id, name, height, results_version, stored_path from galaxy where id = ?", id);
}

/** A pixel with results near the image centre and its map values, read from the archive by h5py. */
function archivedPixel(file: string): ArchivedPixel {
  const script = `
import h5py, json, sys, numpy as np
with h5py.File(sys.argv[1]) as f:
    px = f["galaxy/pixel"]
    names = {"mu": "MU_PARAMETER", "m": "M_STARS", "ldust": "L_DUST", "sfr": "SFR_0_1GYR"}
    k = {key: int(px.attrs["PIXELS_DIM3_" + n]) for key, n in names.items()}
    s = {stat: int(px.attrs["PIXELS_DIM4_PERCENTILE_" + stat[1:]]) for stat in ["p50", "p16", "p84"]}
    block = px["pixels_0_0"]
    finite = np.argwhere(np.isfinite(block[:, :, k["m"], s["p50"]]))
    x, y = (int(v) for v in min(finite, key=lambda p: (p[0] - block.shape[0] / 2) ** 2 + (p[1] - block.shape[1] / 2) ** 2))
    values = {key: {stat: float(block[x, y, k[key], i]) for stat, i in s.items()} for key in names}
    print(json.dumps({"x": x, "y": y, "values": values}))`;
  const r = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`h5py: ${r.stderr}`);
  return JSON.parse(r.stdout) as ArchivedPixel;
}

/** The float32 data of each HDU of a FITS file (headers of 80-character cards in 2880-byte blocks). */
function fitsImages(bytes: Buffer): number[][] {
  const out: number[][] = [];
  for (let at = 0; at < bytes.length;) {
    const cards = new Map<string, string>();
    for (let end = false; !end; at += 2880)
      for (let c = at; c < at + 2880; c += 80) {
        const card = bytes.subarray(c, c + 80).toString("latin1");
        end ||= card.startsWith("END ");
        if (!end && card[8] === "=") cards.set(card.slice(0, 8).trim(), card.slice(10, 30).trim());
      }
    const axes = Array.from({ length: Number(cards.get("NAXIS")) }, (_, i) => Number(cards.get(`NAXIS${i + 1}`)));
    const values = axes.length ? axes.reduce((a, b) => a * b, 1) : 0;
    expect(values === 0 || cards.get("BITPIX") === "-32").toBe(true);
    out.push(Array.from({ length: values }, (_, i) => bytes.readFloatBE(at + 4 * i)));
    at += Math.ceil((4 * values) / 2880) * 2880;
  }
  return out;
}

test.describe.configure({ mode: "serial" });

let g: Galaxy;

test.beforeAll(async () => {
  g = deleteOneGalaxy();
  // No map tile of it on disk: the tiles below are rendered from the stored archive.
  rmSync(path.join(E2E_DATA_DIR, "tiles", String(g.id), `v${g.results_version}`), { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, 400)); // servers read the lifecycle's events this often
});

test("a deleted galaxy's page shows its status and when, and its results read from the stored archive", async ({
  page,
}) => {
  const { status, status_time } = one<{ status: string; status_time: string | number }>(
    "select status, status_time from galaxy where id = ?",
    g.id,
  );
  expect(status).toBe("deleted");
  expect(one<{ n: number }>("select count(*) n from pixel_result_block where galaxy_id = ?", g.id).n).toBe(0);
  const since = formatDateTime(new Date(status_time));
  await page.goto(`/galaxies/${g.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(g.name);
  await expect(page.getByText("Deleted", { exact: true }).first()).toBeVisible();
  const statusSince = page.locator("dt", { hasText: /^Status since$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(statusSince).toHaveText(since);
  await expect(page.getByText(`from the stored archive (database copy deleted ${since})`)).toBeVisible();
  await expect(page.getByText(/Stored archive problem/)).toHaveCount(0);
});

test("its map tiles load and the readout gives the archive's values under the pointer", async ({ page }) => {
  const pixel = archivedPixel(g.stored_path);
  const tiles: { path: string; status: number }[] = [];
  page.on("response", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith(`/tiles/${g.id}/v${g.results_version}/m_files/`)) tiles.push({ path: p, status: r.status() });
  });
  await page.goto(`/galaxies/${g.id}?view=m`);
  await viewerAtRest(page);
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles.filter((t) => t.status !== 200)).toEqual([]);

  const at = await imageRectOnScreen(page, 0, { x: pixel.x + 0.5, y: g.height - pixel.y - 0.5, width: 0, height: 0 });
  await page.mouse.move(at.left, at.top);
  const readout = page.getByTestId("pixel-readout");
  await expect(readout.getByTestId("readout-pixel")).toHaveText(`(${pixel.x}, ${pixel.y})`);
  for (const key of Object.keys(MAP_PARAMETER_IDS) as MapKey[]) {
    const v = pixel.values[key];
    await expect(readout.getByTestId(`readout-${key}-value`)).toHaveText(formatMapValue(v.p50));
    await expect(readout.getByTestId(`readout-${key}-range`)).toHaveText(formatRange(v.p16, v.p84));
  }
});

test("a FITS cutout of it downloads", async ({ page }) => {
  await page.goto(`/galaxies/${g.id}/data`);
  await expect(page.getByTestId("subset-estimate")).toContainText("answered at once");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download FITS" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.fits$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 30).toString()).toBe("SIMPLE  =                    T");
  const images = fitsImages(bytes).slice(1);
  expect(images.length).toBeGreaterThan(0);
  // Values from the archive, not an empty cube.
  expect(images.some((data) => data.some((v) => Number.isFinite(v)))).toBe(true);
});

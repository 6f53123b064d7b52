// The data pages in a real browser: catalogue search and cone, its exports, a galaxy's files with
// sizes and sha256 (and a download that matches), a cutout downloaded at once, a job followed on
// /jobs with its progress, and the page's Python snippet run against this server.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { addressOwner } from "@/lib/access/limits/owners";
import { formatRa, formatDec } from "@/lib/format";
import { E2E_DATA_DIR, one, query } from "@/lib/testing/e2e-survey";

type Galaxy = {
  id: number;
  name: string;
  ra: number;
  dec: number;
  archive_path: string;
  archive_size: number;
  archive_sha256: string;
};

const archived = () => one<Galaxy>("select * from galaxy where status = 'archived' order by id limit 1");
const rowNames = (page: import("@playwright/test").Page) => page.locator("tbody tr td:nth-child(2) a");

test("/data searches by name and by cone, and exports the same query", async ({ page }) => {
  const ngc = query<{ name: string }>("select name from galaxy where lower(name) like '%ngc%' order by name, id").map(
    (g) => g.name,
  );
  await page.goto("/data");
  await page.getByRole("textbox", { name: /^Name\b/ }).fill("ngc");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=ngc/);
  await expect(rowNames(page)).toHaveText(ngc);

  // A cone around one galaxy, typed in sexagesimal: it comes first, at distance 0.
  const g = archived();
  await page.goto("/data");
  await page.getByRole("textbox", { name: /^RA\b/ }).fill(formatRa(g.ra));
  await page.getByRole("textbox", { name: /^Dec\b/ }).fill(formatDec(g.dec));
  await page.getByRole("textbox", { name: /^Radius\b/ }).fill("1");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(rowNames(page).first()).toHaveText(g.name);
  await expect(page.locator("tbody tr").first().locator("td").nth(8)).toHaveText("0.00");

  const csv = await page.request.get((await page.getByRole("link", { name: "CSV" }).getAttribute("href"))!);
  const [header, first] = (await csv.text()).split("\r\n");
  expect(header.split(",")).toEqual(
    expect.arrayContaining(["id", "name", "ra", "dec", "redshift", "status", "datalink"]),
  );
  expect(first).toContain(g.name);

  // The page's own URL with format= goes to the export.
  const redirected = await page.request.get("/data?status=archived&format=csv");
  expect(redirected.url()).toMatch(/\/api\/catalogue\?status=archived&format=csv$/);
  expect(redirected.headers()["content-type"]).toBe("text/csv; charset=utf-8");
});

test("a galaxy's data page lists its files with sizes and sha256, and a download matches", async ({ page }) => {
  const g = archived();
  const layers = one<{ n: number }>("select count(*) n from layer where galaxy_id = ?", g.id).n;
  await page.goto(`/galaxies/${g.id}`);
  await page.getByRole("link", { name: /^Data: archive, maps and layers/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${g.name}: data`);
  const rows = page.getByTestId("file-row");
  await expect(rows).toHaveCount(1 + 4 + layers);
  const archiveRow = rows.filter({ hasText: path.basename(g.archive_path) });
  await expect(archiveRow.getByTestId("file-sha256")).toHaveText(g.archive_sha256);
  await expect(archiveRow.getByTestId("file-size")).toHaveAttribute("title", `${g.archive_size} bytes`);
  for (const sha of await page.getByTestId("file-sha256").allTextContents()) expect(sha).toMatch(/^[0-9a-f]{64}$/);

  const downloading = page.waitForEvent("download");
  await archiveRow.getByRole("link").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(path.basename(g.archive_path));
  const bytes = readFileSync((await download.path())!);
  expect(bytes.length).toBe(g.archive_size);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(g.archive_sha256);
});

test("a small cutout downloads at once as FITS; a job is followed on /jobs to its result", async ({ page }) => {
  const g = archived();
  await page.goto(`/galaxies/${g.id}/data`);
  await expect(page.getByTestId("subset-estimate")).toContainText("answered at once");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download FITS" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.fits$/);
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 30)
      .toString(),
  ).toBe("SIMPLE  =                    T");

  await page.getByRole("button", { name: "Submit as a job" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const job = page.getByTestId("job").first();
  await expect(job.getByTestId("job-status")).toHaveText("done");
  await expect(job.getByRole("link", { name: /^Download .*\.fits$/ })).toBeVisible();
});

test("/jobs shows a running job's progress as it changes, and cancels it", async ({ page }) => {
  const g = archived();
  const id = "e2e00000-0000-4000-8000-000000000001";
  const db = new Database(path.join(E2E_DATA_DIR, "pogs.db"));
  const now = new Date().toISOString().replace("Z", "+00:00");
  const params = {
    asked: `ID=${g.id} PARAM=m RESPONSEFORMAT=application/fits`,
    region: { kind: "all" },
    parameters: [6],
    statistics: [1],
    format: "fits",
    items: [{ galaxyId: g.id, name: g.name, box: { x0: 0, y0: 0, x1: 8, y1: 8 }, bytes: 256 }],
    bytes: 256,
  };
  try {
    // A job some worker is running (its heartbeat far ahead, so no worker here takes it over).
    db.prepare(
      "insert into data_request (id, owner, galaxy_id, format, params, status, progress, claimed_by, heartbeat_at, created_at, started_at) values (?, ?, ?, 'fits', ?, 'running', 0.3, 'elsewhere', '2999-01-01T00:00:00.000+00:00', ?, ?)",
    ).run(id, addressOwner("127.0.0.1"), g.id, JSON.stringify(params), now, now);
    await page.goto("/jobs");
    const job = page.locator(`[data-job-id="${id}"]`);
    const bar = job.getByRole("progressbar");
    await expect(bar).toHaveAttribute("aria-valuenow", "30");
    db.prepare("update data_request set progress = 0.75 where id = ?").run(id);
    await expect(bar).toHaveAttribute("aria-valuenow", "75");
    await job.getByRole("button", { name: "Cancel" }).click();
    await expect(job.getByTestId("job-status")).toHaveText("cancelled");
    await expect(bar).toHaveCount(0);
  } finally {
    db.prepare("delete from data_request where id = ?").run(id);
    db.close();
  }
});

test("the Python snippet of a data page runs against this portal and opens the cutout", async ({ page }) => {
  const g = archived();
  await page.goto(`/galaxies/${g.id}/data`);
  const snippet = await page.getByTestId("python-snippet").textContent();
  const run = spawnSync("/usr/bin/python3", ["-c", snippet!], { encoding: "utf8", timeout: 60_000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("No.    Name      Ver    Type");
  expect(run.stdout).toMatch(/log\(solMass\) \(64, 64\) <SkyCoord/);
});

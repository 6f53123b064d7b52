// Names from a real BOINC project's statistics export (written by BOINC's db_dump, every UTF-8
// byte as its own character reference) appear on the pages as the volunteers wrote them. A second
// portal server runs on a database holding only that export, beside the e2e survey's.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { importStatsExport } from "@/lib/ingest/stats-import";
import { startPortal, type Proc } from "@/lib/testing/processes";
import { SHARED_DIR } from "@/lib/testing/shared-dir";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";

const DUMP = path.join(SHARED_DIR, "fixtures/boinc/db_dump");
const names = existsSync(DUMP)
  ? (JSON.parse(readFileSync(path.join(DUMP, "expected_names.json"), "utf8")) as {
      users: Record<string, string>;
      teams: Record<string, string>;
    })
  : null;

test.describe("names from BOINC's own db_dump", () => {
  test.skip(!names, "the db_dump fixture (../shared/fixtures/boinc/db_dump) is not beside this clone");
  let temp: TempDatabase;
  let portal: Proc;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    temp = await createTempDatabase();
    await importStatsExport(temp.db, DUMP);
    portal = await startPortal(temp);
  });
  test.afterAll(async () => {
    await portal?.stop();
    await temp?.cleanup();
  });

  test("a volunteer page and a team page show the names in their own scripts", async ({ page }) => {
    await page.goto(`${portal.url}/users/10`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国队 10");
    await expect(page).toHaveTitle(/^中国队 10/);
    await page.goto(`${portal.url}/teams/6`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Команда 6 «Ω»");
  });

  test("&, <, quotes and emoji survive into the page as text", async ({ page }) => {
    const tricky = Object.entries(names!.users).filter(([, n]) => /[&<"'\u{1F300}-\u{1FAFF}]/u.test(n));
    expect(tricky.length).toBeGreaterThan(1);
    for (const [id, name] of tricky.slice(0, 4)) {
      await page.goto(`${portal.url}/users/${id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    }
  });
});

import { expect, test } from "@playwright/test";

// The e2e server is seeded with prisma/seed.ts: NGC 3351 (processed), UGC 05479 (computing),
// IC 0089 (registered); volunteers Ann, Bruce, Chen; teams SETI.Germany and Team Australia.

test("home shows the survey totals from the database", async ({ page }) => {
  await page.goto("/");
  const totals = page.getByTestId("survey-totals");
  await expect(totals.getByText("Galaxies")).toBeVisible();
  await expect(totals).toContainText("3");
  await expect(totals).toContainText("7,000");
  await expect(page.getByRole("link", { name: "Ann" })).toBeVisible();
});

test("galaxy list sorts, filters and paginates", async ({ page }) => {
  await page.goto("/galaxies?sort=redshift&dir=desc");
  const names = page.locator("tbody tr td:first-child a");
  await expect(names).toHaveText(["IC 0089", "UGC 05479", "NGC 3351"]);
  await page.getByRole("link", { name: /^z/ }).click();
  await expect(page).toHaveURL(/sort=redshift/);
  await expect(names).toHaveText(["NGC 3351", "UGC 05479", "IC 0089"]);

  await page.goto("/galaxies?pageSize=2");
  await expect(names).toHaveCount(2);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(names).toHaveText(["UGC 05479"]);

  await page.goto("/galaxies");
  await page.getByLabel("Status").selectOption("computing");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(names).toHaveText(["UGC 05479"]);
});

test("galaxy page shows position, redshift, type, status and progress", async ({ page }) => {
  await page.goto("/galaxies");
  await page.getByRole("link", { name: "UGC 05479" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("UGC 05479");
  await expect(page.getByText("Computing", { exact: true })).toBeVisible();
  await expect(page.getByText("10:08:29.40")).toBeVisible();
  await expect(page.getByText("0.0197")).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "galaxy progress" });
  const value = Number(await progress.getAttribute("aria-valuenow"));
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThan(100);
  await expect(page.getByRole("cell", { name: "SDSSr" })).toBeVisible();
});

test("user page lists the galaxies contributed to, and links to the team", async ({ page }) => {
  await page.goto("/users/101");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ann");
  await expect(page.getByRole("link", { name: "NGC 3351" })).toBeVisible();
  await expect(page.getByRole("link", { name: "UGC 05479" })).toBeVisible();
  await page.getByRole("link", { name: "SETI.Germany" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SETI.Germany");
  await expect(page.locator("tbody tr td:nth-child(2)")).toHaveText(["Ann", "Chen"]);
});

test("unknown or malformed ids get a clear not-found page", async ({ page }) => {
  for (const path of ["/galaxies/999999", "/galaxies/abc", "/users/0", "/teams/-3"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
});

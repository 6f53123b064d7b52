import { expect, test } from "@playwright/test";
import { one, query } from "@/lib/testing/e2e-survey";

const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);

test("home shows the survey totals from the database", async ({ page }) => {
  const t = one<{ galaxies: number; credit: number; users: number }>(
    "select (select count(*) from galaxy) galaxies, (select sum(total_credit) from boinc_user) credit, (select count(*) from boinc_user) users",
  );
  await page.goto("/");
  const totals = page.getByTestId("survey-totals");
  await expect(totals.getByText("Galaxies")).toBeVisible();
  await expect(totals.locator("div", { hasText: /^Galaxies/ }).first()).toContainText(String(t.galaxies));
  await expect(totals.locator("div", { hasText: /^Volunteers/ }).first()).toContainText(fmt(t.users));
  const top = one<{ name: string }>("select name from boinc_user order by total_credit desc, id limit 1");
  await expect(page.getByRole("link", { name: top.name, exact: true }).first()).toBeVisible();
});

test("galaxy list sorts, filters and paginates", async ({ page }) => {
  const byZ = query<{ name: string }>("select name from galaxy order by redshift desc, id").map((g) => g.name);
  const names = page.locator("tbody tr td:first-child a");
  await page.goto("/galaxies?sort=redshift&dir=desc");
  await expect(names).toHaveText(byZ);
  await page.getByRole("link", { name: /^z/ }).click();
  await expect(page).toHaveURL(/sort=redshift/);
  await expect(names).toHaveText(
    query<{ name: string }>("select name from galaxy order by redshift asc, id").map((g) => g.name),
  );

  const byName = query<{ name: string }>("select name from galaxy order by name, id").map((g) => g.name);
  await page.goto("/galaxies?pageSize=3");
  await expect(names).toHaveText(byName.slice(0, 3));
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(names).toHaveText(byName.slice(3, 6));

  const computing = query<{ name: string }>("select name from galaxy where status = 'computing' order by name, id").map(
    (g) => g.name,
  );
  await page.goto("/galaxies");
  await page.getByLabel("Status").selectOption("computing");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(names).toHaveText(computing);
});

test("galaxy page shows position, redshift, type, status, progress and layers", async ({ page }) => {
  const g = one<{
    id: number;
    name: string;
    redshift: number;
    hubble_type: string;
    pixel_count: number;
    pixels_processed: number;
  }>("select * from galaxy where status = 'computing' order by id limit 1");
  await page.goto("/galaxies");
  await page.getByRole("link", { name: g.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(g.name);
  await expect(page.getByText("Computing", { exact: true })).toBeVisible();
  await expect(page.getByText(g.redshift.toFixed(4), { exact: true })).toBeVisible();
  await expect(page.getByText(`${fmt(g.pixels_processed)} of ${fmt(g.pixel_count)} pixels fitted`)).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "galaxy progress" });
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBe(
    Math.round((100 * g.pixels_processed) / g.pixel_count),
  );
  const layers = query<{ name: string }>(
    "select f.name from layer l join filter f on f.id = l.filter_id where l.galaxy_id = ? order by f.eff_lambda",
    g.id,
  );
  for (const l of layers) await expect(page.getByRole("cell", { name: l.name, exact: true })).toBeVisible();
});

test("user page lists the galaxies contributed to with counts, and links to the team", async ({ page }) => {
  const u = one<{ id: number; name: string; team: string }>(
    "select u.id, u.name, t.name team from boinc_user u join team t on t.id = u.team_id order by u.total_credit desc limit 1",
  );
  const galaxies = query<{ name: string; area_count: number; pixel_count: number }>(
    "select g.name, gu.area_count, gu.pixel_count from galaxy_user gu join galaxy g on g.id = gu.galaxy_id where gu.user_id = ? order by gu.pixel_count desc, g.id",
    u.id,
  );
  await page.goto(`/users/${u.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(u.name);
  const rows = page
    .locator("section", { has: page.getByRole("heading", { name: "Galaxies contributed to" }) })
    .locator("tbody tr");
  await expect(rows.first()).toContainText(galaxies[0].name);
  await expect(rows.first()).toContainText(fmt(galaxies[0].pixel_count));
  await expect(rows).toHaveCount(galaxies.length);
  await page.getByRole("link", { name: u.team, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(u.team);
});

test("team page lists its members by credit", async ({ page }) => {
  const t = one<{ id: number; name: string }>("select id, name from team order by total_credit desc limit 1");
  const members = query<{ name: string }>(
    "select name from boinc_user where team_id = ? order by total_credit desc, id",
    t.id,
  ).map((m) => m.name);
  await page.goto(`/teams/${t.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.name);
  await expect(page.locator("tbody tr td:nth-child(2)")).toHaveText(members.slice(0, 200));
});

test("unknown or malformed ids get a clear not-found page", async ({ page }) => {
  for (const path of ["/galaxies/999999", "/galaxies/abc", "/users/0", "/teams/-3"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
});

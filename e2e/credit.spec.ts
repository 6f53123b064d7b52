// Volunteer and team pages, leaderboards and trophies in Chromium against the e2e demo survey; what
// they must show is read from the survey's database (lib/testing/e2e-survey.ts).
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/build/demo-accounts";
import { formatCredit, formatInt } from "@/lib/format";
import { creditChangedForServer, E2E_DATA_DIR, one, query } from "@/lib/testing/e2e-survey";

const listed = (id = "id") =>
  `${id} NOT IN (SELECT boinc_user_id FROM account WHERE hide_from_lists = 1 AND boinc_user_id IS NOT NULL)`;
const LISTED = listed();
type User = { id: number; name: string; total_credit: number; team_id: number | null };
const listedUsers = (order: string) =>
  query<User>(`SELECT id, name, total_credit, team_id FROM boinc_user WHERE ${LISTED} ORDER BY ${order}, id`);

/** Competition ranks of rows in order: 1 + how many have a larger key. */
const ranksOf = (keys: number[]) => keys.map((k) => 1 + keys.filter((o) => o > k).length);

test("a volunteer's page shows credit, RAC, rank, trophies, the credit history and their galaxies", async ({
  page,
}) => {
  const u = listedUsers("total_credit DESC")[0];
  const trophies = query<{ name: string }>(
    "SELECT t.name FROM trophy_award a JOIN trophy t ON t.id = a.trophy_id WHERE a.user_id = ? ORDER BY t.sort_order, t.id",
    u.id,
  ).map((t) => t.name);
  const galaxies = query<{ name: string; pixel_count: number }>(
    "SELECT g.name, gu.pixel_count FROM galaxy_user gu JOIN galaxy g ON g.id = gu.galaxy_id WHERE gu.user_id = ? ORDER BY gu.pixel_count DESC, g.id",
    u.id,
  );
  const { n: exports } = one<{ n: number }>(
    "SELECT COUNT(*) n FROM stats_export WHERE export_time >= (SELECT MIN(time) FROM user_credit_snapshot WHERE user_id = ?)",
    u.id,
  );
  expect(trophies.length).toBeGreaterThan(0);
  expect(exports).toBeGreaterThan(2);

  await page.goto(`/users/${u.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(u.name);
  await expect(page.getByText("Total credit", { exact: true }).locator("..")).toContainText(
    formatCredit(u.total_credit),
  );
  await expect(page.getByText("World rank", { exact: true }).locator("..")).toContainText("#1");
  await expect(page.getByText("RAC", { exact: true }).locator("..")).toContainText("credits a day");
  await expect(page.getByText(/RAC is BOINC's recent average credit/)).toBeVisible();

  const shelf = page.getByRole("list", { name: "Trophies" });
  await expect(shelf.getByRole("listitem")).toHaveCount(trophies.length);
  for (const name of trophies) await expect(shelf.getByText(name, { exact: true })).toBeVisible();
  await expect(shelf.getByRole("img").first()).toHaveAttribute("aria-label", new RegExp(trophies[0]));

  // The chart: two lines through every export (one curve segment between each two), and a readout.
  const chart = page.getByTestId("time-series-chart");
  const lines = chart.locator("g[data-series] path");
  await expect(lines).toHaveCount(2);
  for (const d of await lines.evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? "")))
    expect(d.match(/C/g)?.length).toBe(exports - 1);
  const plot = chart.locator("svg rect");
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await expect(chart.getByTestId("chart-readout")).toContainText(`${formatInt(u.total_credit)} credits`);
  await chart.getByRole("button", { name: "Show as a table" }).click();
  await expect(chart.locator("table tbody tr")).toHaveCount(exports);

  const thumbnails = page.getByTestId("volunteer-galaxy-thumbnail");
  await expect(thumbnails).toHaveCount(galaxies.length);
  await expect(page.getByRole("link", { name: galaxies[0].name })).toHaveAttribute("href", /\?user=/);
  for (const img of await thumbnails.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth)).toBeGreaterThan(0);
  }
  await expect(thumbnails.first()).toHaveAttribute("src", new RegExp(`areas\\.png\\?user=${u.id}&`));
});

test("a volunteer who shows their computers has them listed; one who hides them has none", async ({ page }) => {
  const hosts = (id: number) => one<{ n: number }>("SELECT COUNT(*) n FROM host WHERE user_id = ?", id).n;
  const shown = listedUsers("total_credit DESC").find((u) => hosts(u.id) > 0)!;
  const hidden = listedUsers("total_credit DESC").find((u) => hosts(u.id) === 0)!;
  await page.goto(`/users/${shown.id}`);
  await expect(page.getByRole("heading", { name: "Computers" })).toBeVisible();
  await expect(page.getByTestId("volunteer-computers").locator("tr")).toHaveCount(Math.min(50, hosts(shown.id)));
  await page.goto(`/users/${hidden.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hidden.name);
  await expect(page.getByRole("heading", { name: "Computers" })).toHaveCount(0);
});

test("the volunteer leaderboard paginates, keeps ties in id order, searches and orders by RAC", async ({ page }) => {
  const byCredit = listedUsers("total_credit DESC");
  const names = page.locator("tbody tr td:nth-child(2)");
  const ranks = page.locator("tbody tr td:nth-child(1)");
  await page.goto("/leaderboards?size=10");
  await expect(names).toHaveText(byCredit.slice(0, 10).map((u) => u.name));
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(names).toHaveText(byCredit.slice(10, 20).map((u) => u.name));
  await expect(ranks).toHaveText(
    ranksOf(byCredit.map((u) => u.total_credit))
      .slice(10, 20)
      .map(String),
  );
  await expect(page.getByText(`Page 2 of ${Math.ceil(byCredit.length / 10)}`)).toBeVisible();

  const fragment = byCredit[3].name.slice(1, 4).toLowerCase();
  await page.getByLabel("Search by name").fill(fragment);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(names).toHaveText(byCredit.filter((u) => u.name.toLowerCase().includes(fragment)).map((u) => u.name));

  await page.goto("/leaderboards?by=rac&size=10");
  await expect(names).toHaveText(
    listedUsers("rac_order DESC")
      .slice(0, 10)
      .map((u) => u.name),
  );
  await page.getByRole("navigation", { name: "List" }).getByRole("link", { name: "Teams" }).click();
  await expect(page).toHaveURL(/kind=teams/);
  await expect(names).toHaveText(
    query<{ name: string }>("SELECT name FROM team ORDER BY rac_order DESC, id").map((t) => t.name),
  );
  await page.getByRole("navigation", { name: "List" }).getByRole("link", { name: "Countries" }).click();
  const countries = query<{ country: string }>("SELECT country FROM country_total ORDER BY rac DESC, country");
  await expect(names).toHaveText(countries.slice(0, 10).map((c) => c.country));
});

async function signIn(page: Page, email: string, password: string) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
}

test("a signed-in volunteer jumps to their rank", async ({ page }) => {
  const demo = DEMO_ACCOUNTS.find((a) => a.role === "volunteer")!;
  const me = one<{ id: number; name: string }>(
    "SELECT u.id, u.name FROM account a JOIN boinc_user u ON u.id = a.boinc_user_id WHERE a.email = ?",
    demo.email,
  );
  await page.goto("/leaderboards?by=rac");
  await expect(page.getByRole("heading", { name: "Leaderboards" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jump to my rank" })).toHaveCount(0); // signed out
  await signIn(page, demo.email, demo.password);
  await page.goto("/leaderboards?by=rac");
  await page.getByRole("link", { name: "Jump to my rank" }).click();
  await expect(page).toHaveURL(new RegExp(`around=${me.id}`));
  await expect(page.locator('tbody tr[aria-current="true"]')).toContainText(me.name);
});

test("teams can be searched and sorted, and a team page lists its members by credit or RAC", async ({ page }) => {
  const names = page.locator("tbody tr td:nth-child(2)");
  for (const [sort, order] of [
    ["credit", "total_credit"],
    ["rac", "rac_order"],
    ["members", "member_count"],
  ]) {
    await page.goto(`/teams?sort=${sort}`);
    await expect(names).toHaveText(
      query<{ name: string }>(`SELECT name FROM team ORDER BY ${order} DESC, id`).map((t) => t.name),
    );
  }
  const team = one<{ id: number; name: string }>("SELECT id, name FROM team ORDER BY member_count DESC, id LIMIT 1");
  await page.getByLabel("Search by name").fill(team.name.slice(0, 5).toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(names.first()).toHaveText(team.name);
  await names.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(team.name);
  const members = (order: string) =>
    query<{ name: string }>(
      `SELECT name FROM boinc_user WHERE team_id = ? AND ${LISTED} ORDER BY ${order} DESC, id`,
      team.id,
    ).map((m) => m.name);
  await expect(names).toHaveText(members("total_credit"));
  await page.getByRole("navigation", { name: "Sort members by" }).getByRole("link", { name: "RAC" }).click();
  await expect(names).toHaveText(members("rac_order"));
  const chart = page.getByTestId("time-series-chart");
  await expect(chart.locator("g[data-series] path")).toHaveCount(2);
});

test("/trophies lists every trophy with its picture and holders, linking to them", async ({ page }) => {
  const trophies = query<{ id: number; name: string; n: number }>(
    `SELECT t.id, t.name, (SELECT COUNT(*) FROM trophy_award a WHERE a.trophy_id = t.id AND ${listed("a.user_id")}) n
     FROM trophy t WHERE t.hidden = 0 ORDER BY t.sort_order, t.id`,
  );
  await page.goto("/trophies");
  const cards = page.getByTestId("trophy-card");
  await expect(cards).toHaveCount(trophies.length);
  for (const [i, t] of trophies.entries()) {
    await expect(cards.nth(i)).toContainText(t.name);
    await expect(cards.nth(i)).toContainText(
      t.n === 1 ? "1 volunteer holds it" : `${formatInt(t.n)} volunteers hold it`,
    );
  }
  await expect(cards.first().locator("svg title")).toContainText(trophies[0].name);
  const held = trophies.find((t) => t.n > 1)!;
  await cards.nth(trophies.indexOf(held)).click();
  await expect(page).toHaveURL(new RegExp(`/trophies/${held.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(held.name);
  const holders = query<{ name: string }>(
    `SELECT u.name FROM trophy_award a JOIN boinc_user u ON u.id = a.user_id WHERE a.trophy_id = ? AND ${listed("u.id")}
     ORDER BY u.total_credit DESC, u.id LIMIT 50`,
    held.id,
  );
  await expect(page.locator("tbody tr td:nth-child(1)")).toHaveText(holders.map((h) => h.name));
});

test("a volunteer hidden from lists shows only BOINC's own fields and is left out of every list", async ({ page }) => {
  const u = one<User>(
    `SELECT id, name, total_credit, team_id FROM boinc_user WHERE team_id IS NOT NULL AND ${LISTED}
     AND id NOT IN (SELECT boinc_user_id FROM account WHERE boinc_user_id IS NOT NULL) ORDER BY total_credit DESC, id LIMIT 1`,
  );
  const held = one<{ id: number }>("SELECT trophy_id id FROM trophy_award WHERE user_id = ? LIMIT 1", u.id);
  const writable = new Database(path.join(E2E_DATA_DIR, "pogs.db"));
  writable
    .prepare("INSERT INTO account (email, name, password_hash, boinc_user_id, hide_from_lists) VALUES (?, ?, ?, ?, 1)")
    .run("hidden-e2e@example.org", u.name, "-", u.id);
  // What the privacy form's action does after saving: the cached lists and pages drop them.
  await creditChangedForServer();
  try {
    await page.goto(`/users/${u.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(u.name);
    await expect(page.getByTestId("hidden-volunteer")).toContainText("asked to be left out of public lists");
    await expect(page.getByText("Total credit", { exact: true }).locator("..")).toContainText(
      formatCredit(u.total_credit),
    );
    await expect(page.getByText("World rank")).toHaveCount(0);
    await expect(page.getByTestId("time-series-chart")).toHaveCount(0);
    for (const list of ["/leaderboards?size=100", `/teams/${u.team_id}`, `/trophies/${held.id}`]) {
      await page.goto(list);
      await expect(page.locator("tbody").getByRole("link", { name: u.name, exact: true })).toHaveCount(0);
    }
    const api = await (await page.request.get(`/api/users/${u.id}`)).json();
    expect(api).toMatchObject({ id: u.id, hiddenFromLists: true });
    expect(api.ranks).toBeUndefined();
  } finally {
    writable.prepare("DELETE FROM account WHERE email = ?").run("hidden-e2e@example.org");
    writable.close();
    await creditChangedForServer();
  }
});

test("the JSON API answers leaderboards, and errors in the portal's shape", async ({ request }) => {
  const top = listedUsers("total_credit DESC")[0];
  const board = await (await request.get("/api/leaderboards/users?by=credit&size=10")).json();
  expect(board.rows[0]).toMatchObject({ rank: 1, id: top.id, name: top.name });
  const bad = await request.get("/api/leaderboards/users?by=fame");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: "bad_request", message: "by must be credit or rac" } });
  expect((await request.get("/api/teams/999999")).status()).toBe(404);
});

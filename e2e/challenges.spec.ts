import { expect, test, type Locator } from "@playwright/test";
import { milestoneTitle } from "@/lib/credit/milestones/describe";
import { DEMO_ACCOUNTS } from "@/lib/demo/build/demo-accounts";
import { one, query } from "@/lib/testing/e2e-survey";
import { submitSignIn } from "./support/accounts";

// Challenges, project statistics and milestones against the demo survey (two challenges, daily
// exports): the pages show what the database holds, and the d3 charts are drawn with data.

const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);

/** A chart's line has data: a path (straight or curved) through at least two points. */
async function expectLineWithData(chart: Locator) {
  const d = await chart.locator("g[data-series] path").first().getAttribute("d");
  expect(d).toMatch(/^M[\d.,-]+[LC][\d.,-]+/);
}

test("the challenges page lists the demo's challenges by phase", async ({ page }) => {
  const challenges = query<{ id: number; name: string }>("select id, name from challenge order by id");
  expect(challenges.length).toBe(2);
  await page.goto("/challenges");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team challenges");
  for (const c of challenges)
    await expect(page.getByRole("link", { name: c.name, exact: true })).toHaveAttribute("href", `/challenges/${c.id}`);
  await page.getByRole("navigation").first().getByRole("link", { name: "Challenges" }).click();
  await expect(page).toHaveURL(/\/challenges$/);
});

test("a challenge shows its standings, top contributors and a race drawn with data", async ({ page }) => {
  const c = one<{ id: number; name: string }>(
    "select c.id, c.name from challenge c join challenge_standing s on s.challenge_id = c.id group by c.id order by max(s.credit) desc limit 1",
  );
  const leader = one<{ name: string; credit: number; team_id: number }>(
    "select t.name, s.credit, s.team_id from challenge_standing s join team t on t.id = s.team_id where s.challenge_id = ? order by s.rank, s.team_id limit 1",
    c.id,
  );
  const top = one<{ name: string }>(
    "select u.name from challenge_contribution x join boinc_user u on u.id = x.user_id where x.challenge_id = ? and x.team_id = ? order by x.credit desc, x.user_id limit 1",
    c.id,
    leader.team_id,
  );
  await page.goto(`/challenges/${c.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(c.name);
  const first = page.getByTestId("standings").locator("tr").first();
  await expect(first).toContainText(leader.name);
  await expect(first).toContainText(fmt(leader.credit));
  await expect(first.getByRole("link", { name: top.name }).first()).toBeVisible();
  await expect(page.getByTestId("challenge-clock")).toHaveText(/left|ago|starts in/);

  const race = page.getByTestId("race-chart");
  await expectLineWithData(race);
  await expect(race.locator("svg text", { hasText: leader.name.slice(0, 8) })).toHaveCount(1);
  const points = query<{ credit: number }>(
    "select credit from challenge_point where challenge_id = ? and team_id = ? order by time",
    c.id,
    leader.team_id,
  );
  expect(points.length).toBeGreaterThan(1);
  expect(points.at(-1)!.credit).toBeCloseTo(leader.credit, 6);
  // Hovering reads every team's value at the nearest export.
  const overlay = race.locator("svg rect[fill=transparent]");
  const box = (await overlay.boundingBox())!;
  await overlay.hover({ position: { x: box.width - 2, y: box.height / 2 } });
  await overlay.hover({ position: { x: box.width - 1, y: box.height / 2 } });
  await expect(race).toContainText(`${leader.name} ${fmt(leader.credit)}`);
  // The same numbers as a table.
  await race.getByRole("button", { name: "Show as a table" }).click();
  await expect(race.getByRole("table")).toContainText(fmt(leader.credit));

  const api = await page.request.get(`/api/challenges/${c.id}`);
  expect(api.status()).toBe(200);
  const json = await api.json();
  expect(json.standings[0]).toMatchObject({ rank: 1, team: { name: leader.name }, credit: leader.credit });
  const missing = await page.request.get("/api/challenges/999999");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
});

test("the statistics page draws the project's growth and its computers", async ({ page }) => {
  const latest = one<{ user_count: number; total_credit: number }>(
    "select user_count, total_credit from stats_export order by export_time desc limit 1",
  );
  const hosts = one<{ n: number }>("select count(*) n from host").n;
  await page.goto("/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Project statistics");
  const totals = page.getByTestId("stats-totals");
  await expect(totals.locator("div", { hasText: /^Volunteers/ }).first()).toContainText(fmt(latest.user_count));
  await expect(totals.locator("div", { hasText: /^Total credit/ }).first()).toContainText(fmt(latest.total_credit));
  await expectLineWithData(page.getByTestId("chart-volunteers"));
  await expectLineWithData(page.getByTestId("chart-gflops"));
  const bars = page.getByTestId("chart-credit-per-day").locator("rect[data-value]");
  const exports = one<{ n: number }>("select count(*) n from stats_export").n;
  await expect(bars).toHaveCount(exports - 1);
  if (hosts > 0) {
    const os = page.getByTestId("chart-operating-systems").locator("rect[data-value]");
    const shown = (await os.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("data-value"))))).reduce(
      (s, v) => s + v,
      0,
    );
    expect(shown).toBe(hosts);
  }
});

test("milestones are listed and fed to the home page", async ({ page }) => {
  const newest = one<{ kind: string; value: number }>(
    "select kind, value from milestone order by reached_at desc, id desc limit 1",
  );
  const total = one<{ n: number }>("select count(*) n from milestone").n;
  await page.goto("/milestones");
  await expect(page.getByTestId("milestones").locator("li")).toHaveCount(Math.min(total, 50));
  await page.getByRole("link", { name: "Work units" }).click();
  const workUnits = one<{ n: number }>("select count(*) n from milestone where kind = 'work_units'").n;
  await expect(page.getByTestId("milestones").locator("li")).toHaveCount(workUnits);
  await expect(page.getByTestId("milestones").locator("li").first()).toContainText(/work unit .* by /);
  await page.goto("/");
  const feed = page.getByTestId("milestones");
  await expect(feed.locator("li").first()).toContainText(milestoneTitle(newest.kind, newest.value));
});

test("an admin defines a challenge that is scored at once, then deletes it", async ({ page }) => {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
  await submitSignIn(page, admin.email, admin.password, "/sign-in?callbackUrl=%2Fadmin%2Fchallenges");
  await expect(page).toHaveURL(/\/admin\/challenges$/);
  const window = one<{ first: string; last: string }>(
    "select min(export_time) first, max(export_time) last from stats_export",
  );
  const name = `E2E open race ${Date.now().toString(36)}`;
  const form = page.getByTestId("create-challenge");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Start (UTC)").fill(window.first.slice(0, 16));
  await form.getByLabel("End (UTC)").fill(window.last.slice(0, 16));
  await form.getByLabel("Every team (open to all)").check();
  await form.getByRole("button", { name: "Create challenge" }).click();
  await expect(page.getByTestId("create-challenge-message")).toHaveText(
    /Challenge \d+ created\. Its standings are computed\./,
  );
  const created = one<{ id: number; frozen_at: string | null }>(
    "select id, frozen_at from challenge where name = ?",
    name,
  );
  expect(created.frozen_at).not.toBeNull();

  await page.goto(`/challenges/${created.id}`);
  await expect(page.getByText("Final", { exact: true })).toBeVisible();
  await expect(page.getByTestId("standings").locator("tr")).toHaveCount(
    one<{ n: number }>("select count(*) n from challenge_standing where challenge_id = ?", created.id).n,
  );

  await page.goto("/admin/challenges");
  page.once("dialog", (dialog) => void dialog.accept());
  const row = page.locator("tr", { hasText: name });
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(page.locator("tr", { hasText: name })).toHaveCount(0);
  expect(query("select id from challenge where id = ?", created.id)).toEqual([]);
});

test("a running challenge appears on the home page with its leading teams", async ({ page }) => {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
  await submitSignIn(page, admin.email, admin.password, "/sign-in?callbackUrl=%2Fadmin%2Fchallenges");
  await expect(page).toHaveURL(/\/admin\/challenges$/);
  const first = one<{ t: string }>("select min(export_time) t from stats_export").t;
  const name = `E2E marathon ${Date.now().toString(36)}`;
  const form = page.getByTestId("create-challenge");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Start (UTC)").fill(first.slice(0, 16));
  await form.getByLabel("End (UTC)").fill("2099-01-01T00:00");
  await form.getByLabel("Every team (open to all)").check();
  await form.getByRole("button", { name: "Create challenge" }).click();
  await expect(page.getByTestId("create-challenge-message")).toContainText("created");
  const { id } = one<{ id: number }>("select id from challenge where name = ?", name);
  const leader = one<{ name: string; credit: number }>(
    "select t.name, s.credit from challenge_standing s join team t on t.id = s.team_id where s.challenge_id = ? order by s.rank, s.team_id limit 1",
    id,
  );
  await page.goto("/");
  const card = page.getByTestId("running-challenges").locator("li", { hasText: name }).first();
  await expect(card.getByRole("link", { name })).toHaveAttribute("href", `/challenges/${id}`);
  await expect(card).toContainText(`1. ${leader.name}`);
  await expect(card).toContainText(fmt(leader.credit));
  await expect(card.getByTestId("challenge-clock")).toContainText("left");

  await page.goto("/admin/challenges");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.locator("tr", { hasText: name }).getByRole("button", { name: "Delete" }).click();
  await expect(page.locator("tr", { hasText: name })).toHaveCount(0);
});

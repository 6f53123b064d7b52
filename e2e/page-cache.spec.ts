// The page cache of the portal's server (lib/cache) against the real server: pages answered from
// memory with a fresh CSP nonce each time, and an event from another process (a CLI) seen at once.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PROJECT_ROOT } from "@/lib/project-root";
import { E2E_DATA_DIR, one } from "@/lib/testing/e2e-survey";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("a page is rendered once and answered from the cache, each answer with its own nonce", async ({ request }) => {
  const answers = [];
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/teams");
    expect(response.status()).toBe(200);
    answers.push({
      cache: response.headers()["x-pogs-page-cache"],
      nonce: nonceOf(response.headers()["content-security-policy"]),
      html: await response.text(),
    });
  }
  expect(answers.slice(1).map((a) => a.cache)).toEqual(["hit", "hit"]);
  expect(new Set(answers.map((a) => a.nonce)).size).toBe(3);
  for (const { nonce, html } of answers) {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    // Every script Next wrote carries this answer's nonce, except the theme script allowed by its hash.
    const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
    expect(withoutNonce.length).toBeLessThanOrEqual(1);
  }
});

test("personal pages are never answered from the cache", async ({ request }) => {
  for (const url of ["/sign-in", "/jobs"]) {
    await request.get(url);
    expect((await request.get(url)).headers()["x-pogs-page-cache"], url).toBeUndefined();
  }
});

test("a challenge created by the CLI appears on the cached challenges page", async ({ page }) => {
  await page.goto("/challenges");
  const name = `Cache check ${Date.now()}`;
  const team = one<{ id: number }>("select id from team order by id limit 1");
  const env = { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: `file:${path.join(E2E_DATA_DIR, "pogs.db")}` };
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ["--import", "tsx", "scripts/challenge.ts", ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: "pipe",
    }).toString();
  const created = cli(
    "create",
    "--name",
    name,
    "--start",
    "2030-01-01T00:00:00Z",
    "--end",
    "2030-01-08T00:00:00Z",
    "--teams",
    String(team.id),
  );
  const id = /created challenge (\d+)/.exec(created)![1];
  try {
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  } finally {
    cli("delete", id);
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/build/demo-accounts";
import { readE2eBoincAccounts } from "@/lib/testing/e2e-boinc-accounts";
import { one, query } from "@/lib/testing/e2e-survey";
import { linkBoinc, signIn, signUp, submitSignIn, uniqueEmail } from "./support/accounts";

const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/**
 * Leaves the page before cookies are cleared: the account page refreshes its session in the
 * background, and an answer arriving after the clear would set the session cookie again.
 */
async function leavePage(page: Page) {
  await page.goto("about:blank");
}

test("a volunteer signs up, links BOINC, sees their own work units and rank, and signs out", async ({ page }) => {
  const boinc = readE2eBoincAccounts()[0];
  await signUp(page, { name: "Test volunteer", email: uniqueEmail("link"), password: "e2e password one" });
  await expect(page.getByRole("link", { name: "My galaxies", exact: true })).toHaveCount(0);

  // A wrong BOINC password first: the project's refusal is shown, nothing is linked.
  await page.getByLabel("BOINC email address").fill(boinc.email);
  await page.getByLabel("BOINC password or account key").fill("not the password");
  await page.getByRole("button", { name: "Link BOINC account" }).click();
  await expect(page.getByTestId("boinc-link-message")).toHaveText(
    "That password (or account key) is not the one of that BOINC account.",
  );
  await linkBoinc(page, boinc);
  const mine = page.getByRole("link", { name: "My galaxies", exact: true });
  await expect(mine).toHaveAttribute("href", `/users/${boinc.id}`);

  // The session names the BOINC user and the role (client components read them), never the email.
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toEqual({
    id: expect.any(Number),
    name: "Test volunteer",
    role: "volunteer",
    boincUserId: boinc.id,
  });

  // A galaxy they contributed to shows their rectangles without ?user=.
  const g = one<{ galaxy_id: number }>(
    "select galaxy_id from galaxy_user where user_id = ? order by pixel_count desc, galaxy_id limit 1",
    boinc.id,
  );
  await page.goto(`/galaxies/${g.galaxy_id}`);
  const areas = query<{ box: string }>(
    "select a.x0 || ',' || a.y0 || ',' || a.x1 || ',' || a.y1 box from area a join area_user au on au.area_id = a.id where au.user_id = ? and a.galaxy_id = ? order by a.id",
    boinc.id,
    g.galaxy_id,
  ).map((r) => r.box);
  await expect(page.getByTestId("volunteer-summary")).toContainText(`${boinc.name} (BOINC user ${boinc.id}) processed`);
  await expect(page.getByTestId("volunteer-area-count")).toHaveText(fmt(areas.length));
  await expect(page).toHaveURL(new RegExp(`[?&]user=${boinc.id}(&|$)`));
  const drawn = page.getByTestId("map-gallery").getByTestId("volunteer-areas").first().locator("rect");
  await expect(drawn).toHaveCount(areas.length);
  expect((await drawn.evaluateAll((rects) => rects.map((r) => r.getAttribute("data-area")))).sort()).toEqual(
    [...areas].sort(),
  );

  // "My galaxies" is their volunteer page, with their rank.
  await page.getByRole("link", { name: "My galaxies", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${boinc.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(boinc.name);
  await expect(page.getByText(/rank/i).first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
  await expect(page.getByRole("link", { name: "My galaxies", exact: true })).toHaveCount(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test("five wrong passwords lock the account; the right one is refused while it is locked", async ({ page }) => {
  const email = uniqueEmail("lock");
  const password = "e2e password two";
  await signUp(page, { name: "Locked volunteer", email, password });
  await leavePage(page);
  await page.context().clearCookies();
  const error = page.getByTestId("sign-in-error");
  for (let i = 1; i <= 4; i++) {
    await submitSignIn(page, email, `wrong ${i}`);
    await expect(error).toHaveText("Wrong email or password.");
  }
  await submitSignIn(page, email, "wrong 5");
  await expect(error).toContainText("This account is locked after 5 failed sign-ins. Try again in 15 minutes");
  await submitSignIn(page, email, password);
  await expect(error).toContainText("This account is locked after 5 failed sign-ins.");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await (await page.request.get("/api/auth/session")).json()).user).toBeUndefined();
  const { locked_until } = one<{ locked_until: number }>(
    "select locked_until from account where email = ?",
    email.toLowerCase(),
  );
  const lockedFor = Number(new Date(locked_until)) - Date.now();
  expect(lockedFor).toBeGreaterThan(14 * 60_000);
  expect(lockedFor).toBeLessThanOrEqual(15 * 60_000);
});

test("admin pages send strangers to sign in, refuse volunteers with 403, and let admins in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
  await page.goto("/admin/challenges");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/); // the layout's or the page's own check

  const volunteer = demo("volunteer");
  await signIn(page, volunteer.email, volunteer.password);
  const refused = await page.goto("/admin");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not for your account");
  expect((await page.goto("/admin/challenges"))?.status()).toBe(403);
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Administration →" })).toHaveCount(0);

  await leavePage(page);
  await page.context().clearCookies();
  const admin = demo("admin");
  await submitSignIn(page, admin.email, admin.password, "/sign-in?callbackUrl=%2Fadmin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  const { total } = one<{ total: number }>("select count(*) total from account");
  await expect(
    page
      .getByTestId("account-counts")
      .locator("div", { hasText: /^Accounts/ })
      .first(),
  ).toContainText(fmt(total));
  await expect(page.getByRole("main").getByRole("link", { name: "Challenges" })).toHaveAttribute(
    "href",
    "/admin/challenges",
  );
});

test("API tokens are shown once, listed by name and prefix, and revoked", async ({ page }) => {
  await signUp(page, { name: "Script writer", email: uniqueEmail("token"), password: "e2e password three" });
  await page.getByLabel("Token name").fill("nightly download");
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Make token" }).click();
  const token = await page.getByTestId("new-api-token-value").textContent();
  expect(token).toMatch(/^pogs_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("api-token-rows").locator("tr", { hasText: "nightly download" });
  await expect(row).toContainText(`${token!.slice(0, 11)}…`);
  await page.reload();
  await expect(page.getByText(token!)).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke token nightly download" }).click();
  await expect(page.getByText("No API tokens yet.")).toBeVisible();
});

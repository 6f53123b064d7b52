// The security headers on every kind of answer (pages, API, downloads, tiles, static files, the
// 404), pages running in Chromium under their nonce CSP without a single violation (the deep-zoom
// viewer's tiles and the d3 charts included), and state-changing requests from other sites refused.
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/build/demo-accounts";
import { COMMON_SECURITY_HEADERS, RESOURCE_CSP, THEME_SCRIPT_SOURCE } from "@/lib/security/headers";
import { THEME_SCRIPT } from "@/lib/security/theme-script";
import { one } from "@/lib/testing/e2e-survey";
import { signIn, signUp, uniqueEmail } from "./support/accounts";
import { storedPixel, viewerAtRest } from "./support/viewer";

const processed = () =>
  one<{ id: number; results_version: number }>(
    "select id, results_version from galaxy where status = 'processed' order by id limit 1",
  );
const archived = () =>
  one<{ id: number; archive_path: string }>("select * from galaxy where status = 'archived' limit 1");
const topUser = () => one<{ id: number }>("select id from boinc_user order by total_credit desc, id limit 1").id;
// One with standings, so its page draws the race chart.
const challenge = () =>
  one<{ id: number }>(
    "select c.id from challenge c join challenge_standing s on s.challenge_id = c.id group by c.id order by max(s.credit) desc limit 1",
  ).id;

function pageUrls(): string[] {
  const g = processed().id;
  const block = one<{ area_id: number; pixel_count: number }>(
    "select area_id, pixel_count from pixel_result_block where galaxy_id = ? order by area_id limit 1",
    g,
  );
  const pixel = storedPixel(block.area_id, 0);
  return [
    "/",
    `/galaxies/${g}`,
    `/galaxies/${g}?view=m`,
    `/galaxies/${pixel.galaxyId}/pixels/${pixel.x},${pixel.y}`,
    `/users/${topUser()}`,
    "/stats",
    `/challenges/${challenge()}`,
    "/data",
    "/jobs",
    "/sign-in",
  ];
}

function expectCommonHeaders(r: APIResponse, url: string) {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS))
    expect(r.headers()[name.toLowerCase()], `${name} of ${url}`).toBe(value);
}

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test("pages and the 404 carry a nonce CSP that matches their scripts, and every other answer the resource CSP", async ({
  request,
}) => {
  for (const url of [...pageUrls(), "/account", "/no-such-page"]) {
    const r = await request.get(url);
    expect(r.status(), url).toBe(url === "/no-such-page" ? 404 : 200);
    expectCommonHeaders(r, url);
    const csp = r.headers()["content-security-policy"];
    const nonce = nonceOf(csp);
    expect(nonce, `nonce of ${url}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain("frame-ancestors 'none'");
    // Next wrote the request's nonce on its scripts: none is left without it but the theme script,
    // which the CSP allows by its hash instead.
    expect(csp).toContain(THEME_SCRIPT_SOURCE);
    const scripts = [...(await r.text()).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const [tag, attributes, text] of scripts)
      if (!attributes.includes(`nonce="${nonce}"`))
        expect({ tag, text }, url).toEqual({ tag: `<script>${text}</script>`, text: THEME_SCRIPT });
  }
  const twice = await Promise.all([request.get("/stats"), request.get("/stats")]);
  expect(nonceOf(twice[0].headers()["content-security-policy"])).not.toBe(
    nonceOf(twice[1].headers()["content-security-policy"]),
  );

  const g = processed();
  const a = archived();
  const home = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(home)![0];
  const download = `/api/galaxies/${a.id}/files/${path.basename(a.archive_path)}`;
  const resources: [string, number][] = [
    ["/api/trophies", 200],
    ["/api/users/999999999", 404],
    [download, 206],
    [`/tiles/${g.id}/v${g.results_version}/m.dzi`, 200],
    [`/tiles/${g.id}/layers/rgb1_files/0/0_0.png`, 200],
    [`/tiles/${g.id}/v999/m.dzi`, 404],
    [asset, 200],
    ["/icon.svg", 200],
    ["/robots.txt", 200],
  ];
  for (const [url, status] of resources) {
    const r = await request.get(url, { headers: url === download ? { Range: "bytes=0-15" } : {} });
    expect(r.status(), url).toBe(status);
    expectCommonHeaders(r, url);
    expect(r.headers()["content-security-policy"], url).toBe(RESOURCE_CSP);
  }
});

/** Every CSP violation and CSP console error of the page, as text. */
function cspProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|Permissions-Policy/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
}

test("every page runs under its CSP without a violation; the viewer's tiles and the charts render", async ({
  page,
}) => {
  await watchViolations(page);
  const problems = cspProblems(page);
  for (const url of pageUrls()) {
    await page.goto(url);
    await expect(page.locator("main")).toBeVisible();
    if (url.endsWith("?view=m")) await viewerAtRest(page);
    if (url.startsWith("/users/")) await expect(page.locator("g[data-series] path").first()).toBeVisible();
    if (url.startsWith("/challenges/"))
      await expect(page.getByTestId("race-chart").locator("g[data-series] path").first()).toBeVisible();
    // Client components hydrated: their scripts ran (the account menu is one on every page).
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    expect(problems, url).toEqual([]);
  }
  await page.goto("/no-such-page");
  await expect(page.getByTestId("sign-in-link")).toBeVisible();

  // Signing in runs next-auth's client (its CSRF token fetch) and lands on the account page's forms.
  const volunteer = DEMO_ACCOUNTS.find((a) => a.role === "volunteer")!;
  await signIn(page, volunteer.email, volunteer.password);
  await expect(page.getByRole("button", { name: "Make token" })).toBeVisible();
  expect(problems).toEqual([]);

  // And the watch sees what the CSP is for: markup slipped into the page runs no script.
  await page.setContent(`<img src="/no-such.png" onerror="document.body.dataset.injected = 'ran'">`);
  await expect.poll(() => problems.length).toBeGreaterThan(0);
  expect(problems[0]).toContain("Content Security Policy");
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});

test("another site's page cannot create, cancel or delete a job; the portal's own pages and scripts can", async ({
  request,
}) => {
  const g = processed().id;
  const evil = { Origin: "http://evil.example" };
  const jobs = () => one<{ n: number }>("select count(*) n from data_request").n;
  const before = jobs();
  const attempts = [
    request.post("/api/jobs", { headers: evil, form: { ID: `ivo://pogs/galaxy?${g}`, PARAM: "m" } }),
    request.post("/api/jobs/00000000-0000-4000-8000-000000000000/phase", { headers: evil, form: { PHASE: "ABORT" } }),
    request.delete("/api/jobs/00000000-0000-4000-8000-000000000000", { headers: evil }),
    request.post("/api/soda/sync", { headers: evil, form: { ID: `ivo://pogs/galaxy?${g}` } }),
  ];
  for (const r of await Promise.all(attempts)) {
    expect(r.status(), r.url()).toBe(403);
    expect(r.headers()["cache-control"]).toBe("no-store");
  }
  const refused = await attempts[1];
  expect((await refused.json()).error).toMatchObject({ code: "forbidden" });
  expect(jobs()).toBe(before);

  // The same request from the portal's own page, or from a script, reaches the job (none has that id).
  const own = await request.post("/api/jobs/00000000-0000-4000-8000-000000000000/phase", {
    headers: { Origin: new URL(refused.url()).origin },
    form: { PHASE: "ABORT" },
  });
  expect(own.status()).toBe(404);
  expect((await request.delete("/api/jobs/00000000-0000-4000-8000-000000000000")).status()).toBe(404);

  // next-auth's endpoints take no sign-in without the CSRF token of its own form.
  const volunteer = DEMO_ACCOUNTS.find((a) => a.role === "volunteer")!;
  const forged = await request.post("/api/auth/callback/credentials", {
    headers: evil,
    form: { email: volunteer.email, password: volunteer.password },
    maxRedirects: 0,
  });
  expect(forged.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");
});

test("another site's copy of an account form changes nothing", async ({ page, baseURL }) => {
  const email = uniqueEmail("csrf");
  await signUp(page, { name: "CSRF target", email, password: "e2e password csrf" });
  // The privacy form as the portal renders it (a Server Action), copied by another site with its
  // box ticked and sent from there the moment the volunteer opens that site.
  const html = await (await page.request.get("/account")).text();
  const form = /<form[^>]*data-testid="privacy-form"[\s\S]*?<\/form>/.exec(html)![0];
  const copy = form
    .replace(/action="[^"]*"/, `action="${baseURL}/account"`)
    .replace(/(<input[^>]*name="hideFromLists")/, "$1 checked");
  await page.route("http://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><body>${copy}<script>document.forms[0].submit()</script></body>`,
    }),
  );
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url() === `${baseURL}/account`);
  await page.goto("http://evil.example/");
  expect((await answered).request().headers()["origin"]).toBe("http://evil.example");
  const hidden = () => one<{ h: number }>("select hide_from_lists h from account where email = ?", email).h;
  expect(hidden()).toBe(0);
});

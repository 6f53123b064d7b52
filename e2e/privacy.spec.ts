// The privacy scan: every page and API route of the demo, for a visitor, a signed-in volunteer
// and an admin, must answer without an email address or a password hash (docs: README "Accounts").
// Pages are found by crawling from the home page and the navigation, and routes from the app/
// folder's files with ids from the database, so routes added later are scanned too.
import { expect, test, type APIRequestContext, type BrowserContext, type Page, type Response } from "@playwright/test";
import { NAV_ITEMS } from "@/components/layout/nav-items";
import { DEMO_ACCOUNTS } from "@/lib/demo/build/demo-accounts";
import { readE2eBoincAccounts } from "@/lib/testing/e2e-boinc-accounts";
import { query } from "@/lib/testing/e2e-survey";
import { signIn, signUp, uniqueEmail, linkBoinc } from "./support/accounts";
import { appRoutes, type AppRoute } from "./support/app-routes";
import { leaksIn, linksOf, secretsNow, type Secrets } from "./support/privacy-scan";

test.setTimeout(15 * 60_000);

// The ids a dynamic segment takes, by the folder it follows.
const IDS: Record<string, string> = {
  galaxies: "select id from galaxy order by id",
  users: "select id from boinc_user order by total_credit desc, id",
  teams: "select id from team order by total_credit desc, id",
  challenges: "select id from challenge order by id",
  jobs: "select id from data_request order by id",
};
// Segments that are words rather than ids, by their name.
const WORDS: Record<string, string[]> = { kind: ["users", "teams", "countries"] };
const PER_ROUTE = 10;
const CRAWL_LIMIT = 500;
const NOT_SCANNED: Record<string, string> = { "/tiles/[...path]": "map tiles are PNG pictures of galaxies" };
const NOT_SCANNED_PREFIX = /^\/tiles\//;
const NEXT_AUTH_GETS = ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Visitor = { label: string; context: BrowserContext; request: APIRequestContext };
type Finding = { url: string; visitor: string; problem: string };

/** URLs for a route from the database (single-id routes), before any crawling. */
function urlsFromIds(route: AppRoute, linkedUser: number): string[] {
  if (route.pattern === "/api/auth/[...nextauth]") return NEXT_AUTH_GETS;
  if (route.params.length === 0) return [route.pattern];
  if (/\/galaxies\/\[[^\]]+\]\/pixels\/\[[^\]]+\]$/.test(route.pattern))
    return processedPixels().map(([g, x, y]) =>
      route.pattern.replace(/\[[^\]]+\]/, String(g)).replace(/\[[^\]]+\]$/, `${x},${y}`),
    );
  const [param] = route.params;
  if (route.params.length > 1 || param.catchAll) return [];
  const values =
    WORDS[param.name] ?? (IDS[param.after] ? query<{ id: number }>(IDS[param.after]).map((r) => r.id) : []);
  const chosen = [...new Set([...(param.after === "users" ? [linkedUser] : []), ...values])].slice(0, PER_ROUTE);
  const sample = route.pattern.endsWith("/areas") ? `?user=${linkedUser}` : "";
  return chosen.map((id) => route.pattern.replace(/\[[^\]]+\]/, String(id)) + sample);
}

/** One processed pixel (galaxy, x, y) of a few galaxies: the first of a work unit's result block. */
function processedPixels(): [number, number, number][] {
  const blocks = query<{ galaxy_id: number; xy: Buffer }>(
    "select galaxy_id, xy from pixel_result_block where area_id in (select min(area_id) from pixel_result_block group by galaxy_id)",
  );
  return blocks.slice(0, PER_ROUTE).map((b) => [b.galaxy_id, b.xy.readUInt16LE(0), b.xy.readUInt16LE(2)]);
}

async function scanAll(visitor: Visitor, routes: AppRoute[], secrets: Secrets, linkedUser: number) {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const linked = new Set<string>();
  const landed = new Map<string, string>();
  const queue = ["/", ...NAV_ITEMS.map((i) => i.href), "/account", "/admin", "/sign-in", "/sign-up"];
  for (const r of routes) if (!NOT_SCANNED[r.pattern]) queue.push(...urlsFromIds(r, linkedUser));
  while (queue.length && seen.size < CRAWL_LIMIT) {
    const url = queue.shift()!;
    const pathname = url.split("?")[0];
    if (seen.has(url)) continue;
    // A few query variants of a path are enough (sorting, pages, views).
    if (url.includes("?") && (variants.get(pathname) ?? 0) >= 3) continue;
    seen.add(url);
    if (url.includes("?")) variants.set(pathname, (variants.get(pathname) ?? 0) + 1);
    const response = await visitor.request.get(url, { failOnStatusCode: false, timeout: 120_000 });
    landed.set(url, new URL(response.url()).pathname);
    for (const problem of await leaksIn(response, secrets)) findings.push({ url, visitor: visitor.label, problem });
    const route = routes.find((r) => r.regex.test(pathname));
    if (response.status() >= 500) findings.push({ url, visitor: visitor.label, problem: `HTTP ${response.status()}` });
    if (response.status() === 404 && linked.has(url) && route)
      findings.push({ url, visitor: visitor.label, problem: "a page links here, but it answers 404" });
    if ((response.headers()["content-type"] ?? "").startsWith("text/html"))
      for (const link of linksOf(await response.text()))
        if (!seen.has(link) && !NOT_SCANNED_PREFIX.test(link)) {
          linked.add(link);
          queue.push(link);
        }
  }
  return { findings, seen, landed };
}

/** Loads a page and scans every answer it receives (session, areas, polls, RSC payloads). */
async function scanInBrowser(page: Page, url: string, secrets: Secrets): Promise<Finding[]> {
  const findings: Finding[] = [];
  const answers: Promise<void>[] = [];
  const onResponse = (response: Response) =>
    answers.push(
      (async () => {
        // A request the page gave up on (a prefetch, a poll cut short) never gets a body.
        const body = await Promise.race([response.body().catch(() => null), wait(5000).then(() => null)]);
        if (!body) return;
        const problems = await leaksIn({ headers: () => response.headers(), body: async () => body }, secrets);
        for (const problem of problems) findings.push({ url: response.url(), visitor: `browser on ${url}`, problem });
      })(),
    );
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(500);
  page.off("response", onResponse);
  await Promise.all(answers);
  return findings;
}

test("no page or API answer holds an email address or a password hash, for anyone", async ({ browser }) => {
  const routes = appRoutes();
  const boinc = readE2eBoincAccounts()[1];

  const anonymous = await browser.newContext();
  const volunteer = await browser.newContext();
  const page = await volunteer.newPage();
  await signUp(page, { name: "Privacy volunteer", email: uniqueEmail("privacy"), password: "e2e password four" });
  await linkBoinc(page, boinc);
  await page.getByLabel("Token name").fill("privacy scan");
  await page.getByRole("button", { name: "Make token" }).click();
  const token = (await page.getByTestId("new-api-token-value").textContent())!;
  const admin = await browser.newContext();
  const adminAccount = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
  await signIn(await admin.newPage(), adminAccount.email, adminAccount.password);

  const secrets = secretsNow([token]);
  const visitors: Visitor[] = [
    { label: "visitor", context: anonymous, request: anonymous.request },
    { label: "volunteer", context: volunteer, request: volunteer.request },
    { label: "admin", context: admin, request: admin.request },
  ];
  const findings: Finding[] = [];
  const scanned = new Set<string>();
  const landed: Record<string, Map<string, string>> = {};
  for (const visitor of visitors) {
    const result = await scanAll(visitor, routes, secrets, boinc.id);
    findings.push(...result.findings);
    result.seen.forEach((u) => scanned.add(u.split("?")[0]));
    landed[visitor.label] = result.landed;
  }
  // The signed-in scans saw the signed-in pages, not the sign-in form.
  expect(landed.visitor.get("/account")).toBe("/sign-in");
  expect(landed.volunteer.get("/account")).toBe("/account");
  expect(landed.admin.get("/admin")).toBe("/admin");

  // Every route of app/ was visited, or says why not.
  const unvisited = routes.filter((r) => !NOT_SCANNED[r.pattern] && ![...scanned].some((u) => r.regex.test(u)));
  const noRows = (r: AppRoute) => r.params.some((p) => IDS[p.after] && query(IDS[p.after]).length === 0);
  for (const r of unvisited.filter(noRows))
    test.info().annotations.push({ type: "not scanned", description: `${r.pattern}: no rows to fill it yet` });
  const uncovered = unvisited.filter((r) => !noRows(r));

  // In a browser, one page per route pattern: everything the page loads (session, areas, …).
  const pagesOnce = new Map<string, string>();
  for (const url of scanned) {
    const r = routes.find((x) => x.kind === "page" && x.regex.test(url));
    if (r && !pagesOnce.has(r.pattern)) pagesOnce.set(r.pattern, url);
  }
  for (const url of pagesOnce.values()) findings.push(...(await scanInBrowser(page, url, secrets)));

  expect(scanned.size).toBeGreaterThan(40);
  expect({
    uncovered: uncovered.map((r) => `${r.pattern}: no URL found (teach e2e/privacy.spec.ts its ids)`),
    findings,
  }).toEqual({ uncovered: [], findings: [] });
  for (const c of [anonymous, volunteer, admin]) await c.close();
});

// The bad-input sweep: malformed values for every dynamic segment, query parameter, header and body
// of every page and route handler (found from the app/ folder, so routes added later are swept
// too), wrong methods and content types, oversized bodies. Nothing may answer 5xx or show a stack
// trace, and every 4xx must say what was wrong.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { query } from "@/lib/testing/e2e-survey";
import { appRoutes, type AppRoute } from "./support/app-routes";
import { BAD_HEADERS, BAD_PATHS, BAD_VALUES, QUERY_NAMES, type Probe } from "./support/bad-inputs";

test.setTimeout(20 * 60_000);

const CONCURRENCY = 6;
const VALUES_PER_NAME = 6;
const galaxy = query<{ id: number }>("select galaxy_id id from pixel_result_block order by galaxy_id limit 1")[0].id;
const user = query<{ id: number }>("select id from boinc_user order by total_credit desc limit 1")[0].id;
const team = query<{ id: number }>("select id from team order by total_credit desc limit 1")[0].id;
const challenge = query<{ id: number }>("select id from challenge order by id limit 1")[0]?.id ?? 1;
const VALID: Record<string, string> = {
  galaxies: String(galaxy),
  users: String(user),
  teams: String(team),
  challenges: String(challenge),
  trophies: "1",
  jobs: "00000000-0000-0000-0000-000000000000",
  leaderboards: "users",
  pixels: "10,10",
  files: "maps/m.fits",
  tiles: `${galaxy}/v1/m.dzi`,
  nextauth: "session",
};

/** The route with every dynamic segment filled with a valid value, or one of them with `bad`. */
function fill(route: AppRoute, badIndex = -1, bad = ""): string {
  let i = 0;
  return route.pattern.replace(/\[(?:\.\.\.)?[^\]]+\]/g, () => {
    const p = route.params[i];
    const value = i === badIndex ? bad : (VALID[p.after] ?? VALID[p.name] ?? "1");
    i++;
    return value;
  });
}

function probesOf(route: AppRoute): Probe[] {
  const probes: Probe[] = [];
  const base = fill(route);
  route.params.forEach((p, index) => {
    for (const v of p.catchAll ? [...BAD_VALUES, ...BAD_PATHS] : BAD_VALUES) {
      const segment = p.catchAll ? v.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(v);
      probes.push({ method: "GET", url: fill(route, index, segment) });
    }
  });
  // Each name gets a few of the values, a different few each, so every value meets several names.
  QUERY_NAMES.forEach((name, n) => {
    for (let k = 0; k < VALUES_PER_NAME; k++) {
      const v = BAD_VALUES[(n * VALUES_PER_NAME + k) % BAD_VALUES.length];
      probes.push({ method: "GET", url: `${base}?${name}=${encodeURIComponent(v)}` });
    }
  });
  for (const headers of BAD_HEADERS) probes.push({ method: "GET", url: base, headers });
  for (const method of ["POST", "PUT", "DELETE", "PATCH"] as const)
    probes.push({ method, url: base, body: "{not json", headers: { "content-type": "application/json" } });
  probes.push({ method: "POST", url: base, body: "x".repeat(2_000_000), headers: { "content-type": "text/plain" } });
  return probes;
}

async function send(request: APIRequestContext, probe: Probe, index: number) {
  const response = await request.fetch(probe.url, {
    method: probe.method,
    // Each probe from its own address (the portal trusts X-Forwarded-For from loopback), so the
    // sweep neither meets the per-address limits itself nor uses up the other specs' allowance.
    headers: { "x-forwarded-for": `198.18.${(index >> 8) & 255}.${index & 255}`, ...probe.headers },
    data: probe.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
  const body = (await response.body()).subarray(0, 200_000).toString("utf8");
  return { status: response.status(), body, contentType: response.headers()["content-type"] ?? "" };
}

const STACK = /\n\s+at [\w.<>$]+ \(|node_modules\/|webpack-internal:|\.tsx?:\d+:\d+/;

test("malformed input anywhere gets a 4xx with a message, never a 5xx or a stack trace", async ({ request }) => {
  const probes = appRoutes().flatMap(probesOf);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const index = next++;
      const probe = probes[index];
      const { status, body, contentType } = await send(request, probe, index);
      const where = `${probe.method} ${probe.url.slice(0, 160)} ${JSON.stringify(probe.headers ?? {}).slice(0, 80)}`;
      if (status >= 500) failures.push(`${status} ${where}: ${body.slice(0, 200)}`);
      else if (STACK.test(body) && !contentType.startsWith("image/")) failures.push(`stack trace in ${where}`);
      else if (status >= 400 && status !== 405 && status !== 416 && body.trim().length < 5)
        failures.push(`${status} without a message: ${where}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  console.log(`bad-input sweep: ${probes.length} inputs tried on ${appRoutes().length} routes`);
  expect(probes.length).toBeGreaterThanOrEqual(5_000);
  expect(failures.slice(0, 30)).toEqual([]);
});

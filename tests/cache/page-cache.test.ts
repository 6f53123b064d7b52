// The page cache in front of a (fake) Next: pages rendered once per event, a fresh nonce in every
// answer, what must not be shared never stored, and events seen by other server processes.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { catalogueChanged, creditChanged, galaxyChanged } from "@/lib/cache/events";
import { createPageCache } from "@/lib/cache/page-cache";
import { cachedServer, fakeNext } from "./fake-next";

let dataDir: string;
let valueFile: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "pogs-page-cache-"));
  valueFile = path.join(dataDir, "value.txt");
  writeFileSync(valueFile, "first");
});

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("page cache", () => {
  it("renders a page once, then answers it with a fresh nonce in the page and its CSP", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    const answers: { cache: string | null; csp: string | null; body: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.url}/galaxies/12`);
      answers.push({
        cache: response.headers.get("x-pogs-page-cache"),
        csp: response.headers.get("content-security-policy"),
        body: await response.text(),
      });
    }
    server.close();
    expect(next.renders).toEqual(["/galaxies/12"]);
    expect(answers.map((a) => a.cache)).toEqual(["miss", "hit", "hit"]);
    const nonces = answers.map((a) => nonceOf(a.csp));
    expect(new Set(nonces).size).toBe(3);
    answers.forEach((a, i) => {
      expect(a.body.split(`nonce="${nonces[i]}"`)).toHaveLength(3);
      expect(a.body.replaceAll(nonces[i]!, "N")).toBe(answers[0].body.replaceAll(nonces[0]!, "N"));
    });
    expect(answers[1].csp).toContain("frame-ancestors 'none'");
  });

  it("renders again after the events that change the page, and only those", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    const get = async (p: string) => (await fetch(`${server.url}${p}`)).text();
    expect(await get("/galaxies/12")).toContain("first");
    expect(await get("/leaderboards?by=rac")).toContain("first");
    writeFileSync(valueFile, "second");
    await galaxyChanged(13, dataDir);
    await catalogueChanged(dataDir);
    await sleep(80);
    expect(await get("/galaxies/12")).toContain("first");
    expect(await get("/leaderboards?by=rac")).toContain("first");
    await creditChanged(dataDir);
    await sleep(80);
    expect(await get("/galaxies/12")).toContain("second"); // its contributors' names
    expect(await get("/leaderboards?by=rac")).toContain("second");
    writeFileSync(valueFile, "third");
    await galaxyChanged(12, dataDir);
    await sleep(80);
    expect(await get("/galaxies/12")).toContain("third");
    expect(await get("/leaderboards?by=rac")).toContain("second");
    server.close();
    expect(next.renders).toEqual([
      "/galaxies/12",
      "/leaderboards?by=rac",
      "/galaxies/12",
      "/leaderboards?by=rac",
      "/galaxies/12",
    ]);
  });

  it("serves one shell for every ?user= and ?view= of a galaxy page, rendered without them", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    for (const q of ["?user=5&view=m", "?user=6", "", "?view=rgb1"]) await fetch(`${server.url}/galaxies/7${q}`);
    await fetch(`${server.url}/leaderboards?page=2&by=rac`);
    await fetch(`${server.url}/leaderboards?by=rac&page=2`);
    server.close();
    expect(next.renders).toEqual(["/galaxies/7", "/leaderboards?page=2&by=rac"]);
  });

  it("renders a burst of requests for a cold page once", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile, 100);
    const server = await listen(handler);
    const bodies = await Promise.all(
      Array.from({ length: 30 }, () => fetch(`${server.url}/stats`).then((r) => r.text())),
    );
    server.close();
    expect(next.renders).toHaveLength(1);
    expect(bodies.every((b) => b.includes("first at /stats"))).toBe(true);
  });

  it("renders a page to the end when every visitor waiting for it leaves, and keeps it", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile, 300);
    const server = await listen(handler);
    const leaving = new AbortController();
    const visits = Array.from({ length: 5 }, () =>
      fetch(`${server.url}/stats`, { signal: leaving.signal }).catch((e: Error) => e.name),
    );
    await sleep(50);
    const staying = fetch(`${server.url}/stats`).then((r) => r.text());
    await sleep(50);
    leaving.abort(); // as a load tester's timeout does, before the page is rendered
    expect(await Promise.all(visits)).toEqual(Array(5).fill("AbortError"));
    expect(await staying).toContain("first at /stats");
    const again = await fetch(`${server.url}/stats`);
    server.close();
    expect(next.renders).toEqual(["/stats"]);
    expect(again.headers.get("x-pogs-page-cache")).toBe("hit");
  });

  it("keeps the API's public reads whole, with their own CSP, until their event", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    const get = () => fetch(`${server.url}/api/trophies`);
    const first = await get();
    const second = await get();
    await fetch(`${server.url}/api/galaxies/3/pixel?x=1&y=1`);
    await fetch(`${server.url}/api/galaxies/3/pixel?x=1&y=1`);
    writeFileSync(valueFile, "second");
    await creditChanged(dataDir);
    const third = await get();
    server.close();
    expect(await first.json()).toEqual({ value: "first", url: "/api/trophies" });
    expect(second.headers.get("x-pogs-page-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(await second.json()).toEqual({ value: "first", url: "/api/trophies" });
    expect((await third.json()).value).toBe("second");
    // the readout is not cached: both pixel requests reached Next
    expect(next.renders).toEqual([
      "/api/trophies",
      "/api/galaxies/3/pixel?x=1&y=1",
      "/api/galaxies/3/pixel?x=1&y=1",
      "/api/trophies",
    ]);
  });

  it("never stores personal pages, errors, cookies, client navigations or server actions", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    const twice = async (p: string, init?: RequestInit) => {
      await fetch(`${server.url}${p}`, init);
      return (await fetch(`${server.url}${p}`, init)).headers.get("x-pogs-page-cache");
    };
    expect(await twice("/account")).toBeNull();
    expect(await twice("/admin")).toBeNull();
    expect(await twice("/galaxies/7/data")).toBeNull();
    expect(await twice("/galaxies/999")).toBe("hit");
    expect(await twice("/teams", { headers: { rsc: "1" } })).toBeNull();
    expect(await twice("/teams?_rsc=abc")).toBeNull();
    expect(await twice("/teams", { method: "POST", headers: { "next-action": "x" } })).toBeNull();
    server.close();
    expect(next.renders).toHaveLength(13);
  });

  it("keeps a 404 for an id until any event, since the id may come to exist", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    const status = async () => (await fetch(`${server.url}/galaxies/999`)).status;
    expect([await status(), await status()]).toEqual([404, 404]);
    expect(next.renders).toHaveLength(1);
    await creditChanged(dataDir);
    await sleep(80);
    expect(await status()).toBe(404);
    server.close();
    expect(next.renders).toHaveLength(2);
  });

  it("keys pages by the origin they were asked under", async () => {
    const { next, handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    await fetch(`${server.url}/`, { headers: { "x-forwarded-host": "a.example" } });
    await fetch(`${server.url}/`, { headers: { "x-forwarded-host": "b.example" } });
    await fetch(`${server.url}/`, { headers: { "x-forwarded-host": "a.example" } });
    server.close();
    expect(next.renders).toHaveLength(2);
  });

  it("compresses an answer for a client that accepts gzip", async () => {
    const { handler } = cachedServer(dataDir, valueFile);
    const server = await listen(handler);
    await fetch(`${server.url}/trophies`);
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${server.url}/trophies`, { headers: { "accept-encoding": "gzip" } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    server.close();
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toContain("first at /trophies");
  });
});

describe("page cache across server processes", () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill()));

  it("an event in one process makes the page stale in every server", async () => {
    const ports = [35871, 35872];
    for (const port of ports) {
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(import.meta.dirname, "cache-server-process.ts"),
          dataDir,
          valueFile,
          String(port),
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      children.push(child);
      await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
    }
    const page = (port: number) => fetch(`http://127.0.0.1:${port}/challenges/3`).then((r) => r.text());
    for (const port of ports) expect(await page(port)).toContain("first");
    writeFileSync(valueFile, "second");
    for (const port of ports) expect(await page(port)).toContain("first");
    await creditChanged(dataDir);
    await sleep(150);
    for (const port of ports) expect(await page(port)).toContain("second");
  });
});

describe("page cache age", () => {
  it("renders a page again once it is older than the longest age, answering the old one meanwhile", async () => {
    const next = fakeNext(valueFile, 50);
    const cache = createPageCache({ dataDir, memoryBytes: 2 ** 20, maxAgeMs: 100 });
    const server = await listen((req, res) => cache.serve(req, res, next.handler));
    const body = async () => (await fetch(`${server.url}/challenges`)).text();
    expect(await body()).toContain("first");
    expect(await body()).toContain("first");
    await sleep(150);
    writeFileSync(valueFile, "second");
    expect(await body()).toContain("first"); // at once, while the page is rendered again
    await sleep(100);
    expect(await body()).toContain("second");
    server.close();
    expect(next.renders).toHaveLength(2);
  });

  it("renders old pages again one at a time and each once, so a burst after a quiet minute is not held up", async () => {
    const next = fakeNext(valueFile, 30);
    let inFlight = 0;
    let mostInFlight = 0;
    const counted = (req: http.IncomingMessage, res: http.ServerResponse) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
      res.end = ((...args: unknown[]) => (inFlight--, end(...args))) as typeof res.end;
      next.handler(req, res);
    };
    const cache = createPageCache({ dataDir, memoryBytes: 2 ** 20, maxAgeMs: 100 });
    const server = await listen((req, res) => cache.serve(req, res, counted));
    const pages = [1, 2, 3, 4, 5].map((id) => `${server.url}/teams/${id}`);
    const burst = () => Promise.all(pages.map(async (url) => (await fetch(url)).text()));
    await burst(); // five misses, rendered at once: their visitors wait for them
    await sleep(150);
    writeFileSync(valueFile, "second");
    mostInFlight = 0;
    const started = Date.now();
    for (const body of [...(await burst()), ...(await burst())]) expect(body).toContain("first");
    expect(Date.now() - started).toBeLessThan(100); // answered at once, not after the renderings
    await sleep(5 * 2 * 30 + 200); // five renderings, each followed by a pause as long
    expect(mostInFlight).toBe(1);
    expect(next.renders).toHaveLength(10);
    for (const body of await Promise.all(pages.map(async (url) => (await fetch(url)).text())))
      expect(body).toContain("second");
    server.close();
  });
});

// The production recipe: Debian's nginx with deploy/nginx/pogs.conf in front of a running portal
// server serves warm tiles itself, with the portal's caching headers, and passes missing tiles
// to the portal, which renders them; the next request is then served by nginx from the file.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGalaxyMaps } from "@/lib/maps/service/build-maps";
import { RESOURCE_SECURITY_HEADERS } from "@/lib/security/headers";
import { createTempDatabase, type TempDatabase } from "@/lib/testing/temp-database";
import { createResultsGalaxy, rampValues, storeResults } from "./fixtures";
import { nginxAvailable, startNginx, type RunningNginx } from "@/lib/testing/nginx-harness";
import { startTileTestServer, type TestServer } from "./test-server";

describe.runIf(nginxAvailable())("nginx in front of the portal (deploy/nginx/pogs.conf)", () => {
  let temp: TempDatabase;
  let portal: TestServer;
  let portalHits: string[];
  let countingPortal: http.Server;
  let nginx: RunningNginx;
  let galaxyId: number;

  beforeAll(async () => {
    temp = await createTempDatabase();
    const made = await createResultsGalaxy(temp.db, { name: "NGINX 1", width: 600, height: 300, areaWidth: 60 });
    galaxyId = made.galaxy.id;
    await storeResults(temp.db, galaxyId, made.areas, rampValues(600, 300));
    await buildGalaxyMaps(galaxyId, { db: temp.db, dataDir: temp.dataDir }); // the survey-wide and local maps of v1
    await storeResults(temp.db, galaxyId, made.areas.slice(0, 3), rampValues(600, 300)); // v2: no pyramid yet
    portal = await startTileTestServer({ db: temp.db, dataDir: temp.dataDir }, { backgroundBuilds: false });
    // The portal as nginx sees it, counting what reaches it.
    portalHits = [];
    countingPortal = http.createServer((req, res) => {
      portalHits.push(req.url ?? "");
      const upstream = http.request(`${portal.url}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => countingPortal.listen(0, "127.0.0.1", resolve));
    nginx = await startNginx({
      dataDir: temp.dataDir,
      portalPort: (countingPortal.address() as { port: number }).port,
    });
  });
  afterAll(async () => {
    await nginx?.stop();
    countingPortal?.closeAllConnections();
    countingPortal?.close();
    await portal?.close();
    await temp?.cleanup();
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${nginx.url}${p}`, { headers });
  /** The portal's security headers, once each, whichever of the two servers answered. */
  const expectSecurityHeaders = (r: Response, what: string) => {
    for (const [name, value] of Object.entries(RESOURCE_SECURITY_HEADERS))
      expect(r.headers.get(name), `${name} of ${what}`).toBe(value);
  };

  it("serves a warm tile itself, with the immutable caching headers, an ETag and 304", async () => {
    // v1's pyramids are on disk: during its grace period nginx serves them without the portal.
    const r = await get(`/tiles/${galaxyId}/v1/m_files/10/1_0.png`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/png");
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expectSecurityHeaders(r, "a tile from disk");
    await r.arrayBuffer();
    expect((await get(`/tiles/${galaxyId}/v1/m_files/10/1_0.png`, { "If-None-Match": etag })).status).toBe(304);
    const dzi = await get(`/tiles/${galaxyId}/v1/m.dzi`);
    expect(dzi.headers.get("content-type")).toBe("application/xml");
    expect(await dzi.text()).toContain('Width="600" Height="300"');
    expect(portalHits).toEqual([]);
  });

  it("passes a missing tile to the portal, which renders it; then serves it from the file", async () => {
    const p = `/tiles/${galaxyId}/v2/sfr_files/10/2_1.png`;
    const first = await get(p);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(first, "a tile from the portal");
    const rendered = Buffer.from(await first.arrayBuffer());
    expect(portalHits).toEqual([p]);
    const second = await get(p);
    expect(second.status).toBe(200);
    expect(Buffer.from(await second.arrayBuffer())).toEqual(rendered);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag")); // same ETag from both servers
    expect(portalHits).toEqual([p]);
  });

  it("lets the portal refuse what it cannot render, and never serves build litter", async () => {
    portalHits.length = 0;
    expect((await get(`/tiles/${galaxyId}/v3/m_files/10/0_0.png`)).status).toBe(404); // not the current version
    expect((await get(`/tiles/${galaxyId}/v2/m_files/12/0_0.png`)).status).toBe(404); // outside the pyramid
    expect(portalHits).toHaveLength(2);
    for (const p of [
      `/tiles/${galaxyId}/v1/ranges.json`,
      `/tiles/${galaxyId}/galaxy.json`,
      `/tiles/${galaxyId}/v1/.current-since`,
      `/tiles/${galaxyId}/v1/.m.tmp-1-ab/m.dzi`,
    ]) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expectSecurityHeaders(r, p);
    }
    expect(portalHits).toHaveLength(2);
    // Everything else goes to the portal.
    await get("/api/galaxies/1/maps");
    expect(portalHits).toEqual([
      `/tiles/${galaxyId}/v3/m_files/10/0_0.png`,
      `/tiles/${galaxyId}/v2/m_files/12/0_0.png`,
      "/api/galaxies/1/maps",
    ]);
  });
});

// Mixed load (issue 12, item 5): 200 concurrent connections for 60 s against `npm start`'s server
// on the demo survey, cycling through the pages every visitor sees, the galaxy page with ?user=,
// the JSON API and map tiles, each request from its own forwarded address (a burst comes from
// many volunteers, not one). Targets: 0 errors, 0 timeouts (2 s, wrk's default), the server's RSS
// at the end within 20 % of its RSS after the warm-up; p99 reported per route. The warm-up runs
// the same load 10 s at a time until the RSS grows by less than 5 % in one (at most 2 minutes): the
// server's caches (pages, tiles, Next's, sharp's, each bounded) fill first, so what the run then
// shows is growth that would not stop, a leak, and not the caches filling.
// The load comes from wrk when it is installed (./load/wrk-load.ts says why), else from this
// process (./load/http-load.ts); LOAD_CLIENT=node picks the latter. LOAD_SECONDS and
// LOAD_CONNECTIONS override the figures for a quick run.
import os from "node:os";
import { startDemoPortal } from "./load/demo-portal";
import type { LoadResult } from "./load/http-load";
import { LOAD_CLIENT, closedLoopLoad } from "./load/wrk-load";
import { apiRoutes, cachedPages, galaxyWithUser, tileRoute } from "./load/routes";
import type { BenchCase, BenchFigure } from "./types";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const WARM_UP_SECONDS = 10;
const MAX_WARM_UP_STEPS = 12;
const TIMEOUT_MS = 2_000;

function routeFigures(result: LoadResult): BenchFigure[] {
  return result.routes.map((r) => ({
    name: `  ${r.name}: p99`,
    value: r.p99,
    unit: "ms",
    note: `p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, ${r.requests} requests${r.errors + r.timeouts ? `, ${r.errors} errors, ${r.timeouts} timeouts: ${r.samples.join(" | ")}` : ""}`,
  }));
}

export const bench: BenchCase = {
  name: `mixed load: ${CONNECTIONS} connections for ${SECONDS} s (pages, API, tiles)`,
  async run(): Promise<BenchFigure[]> {
    const portal = await startDemoPortal();
    try {
      const base = portal.server.url;
      const routes = [
        ...cachedPages(portal.ids),
        ...galaxyWithUser(portal.ids),
        ...apiRoutes(portal.ids),
        await tileRoute(base, portal.ids),
      ];
      const options = { connections: CONNECTIONS, timeoutMs: TIMEOUT_MS };
      const rssIdle = portal.rssMb();
      const warmUp = [rssIdle];
      for (let step = 0; step < MAX_WARM_UP_STEPS; step++) {
        const warm = await closedLoopLoad(base, routes, { ...options, seconds: WARM_UP_SECONDS });
        warmUp.push(portal.rssMb());
        console.log(`  warm-up: ${warm.requestsPerSecond.toFixed(0)} requests/s; RSS ${warmUp.at(-1)!.toFixed(0)} MB`);
        if (warmUp.at(-1)! < warmUp.at(-2)! * 1.05) break;
      }
      const rssStart = warmUp.at(-1)!;
      const loadBefore = os.loadavg()[0];
      const result = await closedLoopLoad(base, routes, { ...options, seconds: SECONDS });
      const rssEnd = portal.rssMb();
      const errors = result.routes.reduce((s, r) => s + r.errors, 0);
      const timeouts = result.routes.reduce((s, r) => s + r.timeouts, 0);
      const growth = rssEnd / rssStart - 1;
      return [
        {
          name: "mixed load: requests answered",
          value: result.requestsPerSecond,
          unit: "req/s",
          note: `${result.requests} in ${result.seconds.toFixed(0)} s over ${routes.length} routes, sent by ${LOAD_CLIENT}; load average before ${loadBefore.toFixed(1)}`,
        },
        { name: "mixed load: errors (4xx/5xx, socket)", value: errors, unit: "", target: "0", ok: errors === 0 },
        {
          name: `mixed load: timeouts (> ${TIMEOUT_MS / 1000} s)`,
          value: timeouts,
          unit: "",
          target: "0",
          ok: timeouts === 0,
        },
        {
          name: "mixed load: server RSS at the end ÷ after warm-up",
          value: 1 + growth,
          unit: "×",
          target: "within 20 %",
          ok: Math.abs(growth) <= 0.2,
          note: `${rssStart.toFixed(0)} MB → ${rssEnd.toFixed(0)} MB; warm-up ${(warmUp.length - 1) * WARM_UP_SECONDS} s, RSS ${warmUp.map((mb) => mb.toFixed(0)).join(" → ")} MB`,
        },
        ...routeFigures(result),
      ];
    } finally {
      await portal.stop();
    }
  },
};

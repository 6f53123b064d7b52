// A closed-loop HTTP load: `connections` keep-alive connections, each sending its next request as
// soon as the last one is answered, for `seconds`; the path of each request is drawn from a
// weighted mix of routes. Each answer's latency is kept per route, so percentiles are per route.
// Non-2xx/3xx answers and socket errors count as errors, answers slower than `timeoutMs` as
// timeouts (the request is abandoned, as wrk does).
import http from "node:http";

export type Route = { name: string; weight: number; paths: string[] };

export type RouteResult = {
  name: string;
  requests: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  /** the first few error answers, to say what went wrong */
  samples: string[];
};

export type LoadResult = { seconds: number; requests: number; requestsPerSecond: number; routes: RouteResult[] };

const quantile = (sorted: Float64Array, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

export async function runLoad(
  base: string,
  routes: Route[],
  options: {
    connections: number;
    seconds: number;
    timeoutMs?: number;
    headers?: (n: number) => Record<string, string>;
  },
): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = routes.reduce((s, r) => s + r.weight, 0);
  const stats = routes.map(() => ({ ms: [] as number[], errors: 0, timeouts: 0, samples: [] as string[] }));
  const deadline = performance.now() + options.seconds * 1000;
  let sent = 0;
  const pick = (n: number) => {
    let v = ((n * 0.618033988749895) % 1) * total;
    const k = routes.findIndex((r) => (v -= r.weight) < 0);
    return k < 0 ? routes.length - 1 : k;
  };
  const one = (k: number, path: string, n: number) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const s = stats[k];
      let timedOut = false;
      const req = http.get(
        { host: url.hostname, port: url.port, path, agent, headers: options.headers?.(n) ?? {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => s.samples.length < 3 && chunks.push(c));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              s.errors++;
              if (s.samples.length < 3)
                s.samples.push(`${status} ${path}: ${Buffer.concat(chunks).toString().slice(0, 160)}`);
            } else s.ms.push(performance.now() - t);
            resolve();
          });
          res.on("error", () => (s.errors++, resolve()));
        },
      );
      req.setTimeout(timeoutMs, () => {
        timedOut = true;
        s.timeouts++;
        req.destroy();
      });
      req.on("error", (e) => {
        if (!timedOut) {
          s.errors++;
          if (s.samples.length < 3) s.samples.push(`${path}: ${String(e)}`);
        }
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const n = sent++;
        const k = pick(n);
        const r = routes[k];
        await one(k, r.paths[n % r.paths.length], n);
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  const results = routes.map((r, k) => {
    const sorted = Float64Array.from(stats[k].ms).sort();
    const { errors, timeouts, samples } = stats[k];
    return {
      name: r.name,
      requests: sorted.length + errors + timeouts,
      errors,
      timeouts,
      samples,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
    };
  });
  return { seconds, requests: sent, requestsPerSecond: sent / seconds, routes: results };
}

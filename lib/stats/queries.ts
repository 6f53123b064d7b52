// The reads of /stats: per-export totals (written by each statistics import), volunteers by
// GFLOPS band at the newest export, computers by operating system and core count.
import { db, type Db } from "@/lib/db/client";
import { racOrder } from "@/lib/credit/rac";
import {
  CREDITS_PER_GFLOPS_DAY,
  GFLOPS_BANDS,
  binCores,
  creditPerDay,
  gflopsOfRac,
  topOperatingSystems,
  type ExportTotals,
} from "./series";

async function exportTotals(client: Db): Promise<ExportTotals[]> {
  return client.statsExport.findMany({
    orderBy: { exportTime: "asc" },
    select: {
      exportTime: true,
      totalCredit: true,
      registeredUsers: true,
      userCount: true,
      activeUsers: true,
      totalRac: true,
    },
  });
}

/**
 * Volunteers in each GFLOPS band at `time`: a RAC of at least R at time T is a racOrder of at least
 * log2(R) + T / 7 days (lib/credit/rac.ts), so each band is one range count on an index.
 */
async function volunteersByGflops(client: Db, time: Date) {
  const t = time.getTime() / 1000;
  const order = (gflops: number) => racOrder(gflops * CREDITS_PER_GFLOPS_DAY, t);
  return Promise.all(
    GFLOPS_BANDS.map(async (band) => ({
      label: band.label,
      volunteers: await client.boincUser.count({
        where: {
          racOrder: { gte: order(band.from), ...(Number.isFinite(band.to) ? { lt: order(band.to) } : {}) },
        },
      }),
    })),
  );
}

async function computers(client: Db) {
  const [byOs, byCores] = await Promise.all([
    client.host.groupBy({ by: ["osName"], _count: { _all: true } }),
    client.host.groupBy({ by: ["cpuCount"], _count: { _all: true } }),
  ]);
  return {
    total: byOs.reduce((s, r) => s + r._count._all, 0),
    operatingSystems: topOperatingSystems(byOs.map((r) => ({ osName: r.osName, computers: r._count._all }))),
    cores: binCores(byCores.map((r) => ({ cpuCount: r.cpuCount, computers: r._count._all }))),
  };
}

/**
 * Everything /stats shows (`client`: the process's database unless a bench or test gives its own).
 * All of it is written by statistics imports alone (export totals, volunteers' RAC, computers), so
 * each process keeps its last answer with the id of the newest StatsExport row and reads again
 * only when another import has committed: a request then costs one primary-key lookup, and every
 * process sees a new import at its next request.
 */
export async function getProjectStats(client: Db = db()): Promise<ProjectStats> {
  const newest = await client.statsExport.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const key = newest?.id ?? 0;
  const kept = lastAnswer.get(client);
  if (kept?.key === key) return kept.stats;
  const stats = readProjectStats(client);
  lastAnswer.set(client, { key, stats });
  // A failed read is not kept: the next request tries again.
  stats.catch(() => lastAnswer.get(client)?.stats === stats && lastAnswer.delete(client));
  return stats;
}

const lastAnswer = new WeakMap<Db, { key: number; stats: Promise<ProjectStats> }>();

async function readProjectStats(client: Db) {
  const exports = await exportTotals(client);
  const latest = exports.at(-1) ?? null;
  const [bands, hosts] = await Promise.all([
    latest
      ? volunteersByGflops(client, latest.exportTime)
      : GFLOPS_BANDS.map((b) => ({ label: b.label, volunteers: 0 })),
    computers(client),
  ]);
  return {
    latest: latest && { ...latest, gflops: gflopsOfRac(latest.totalRac) },
    volunteers: exports.map((e) => ({
      time: e.exportTime.getTime(),
      registered: e.registeredUsers,
      withCredit: e.userCount,
      active: e.activeUsers,
    })),
    creditPerDay: creditPerDay(exports),
    gflops: exports.map((e) => ({ time: e.exportTime.getTime(), gflops: gflopsOfRac(e.totalRac) })),
    volunteersByGflops: bands,
    computers: hosts,
  };
}

export type ProjectStats = Awaited<ReturnType<typeof readProjectStats>>;

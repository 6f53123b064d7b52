// Challenges and project statistics at the volunteer pages' scale: the scale survey (100,000
// volunteers, 5,000 teams, 100 daily exports of snapshots and team changes) plus 160,000
// computers, in a fresh SQLite database.
// - the standings of a running challenge among 1,000 teams (15 exports into its 21-day window),
//   recomputed after each of five more daily imports: target ≤ 1 s;
// - the data of /stats (per-export totals, GFLOPS bands, operating systems, cores): target p95 ≤ 50 ms.
import os from "node:os";
import type { Db } from "@/lib/db/client";
import { BoundParams } from "@/lib/credit/challenges/raw-sql";
import { recomputeChallengeStandings } from "@/lib/credit/challenges/recompute";
import { getProjectStats } from "@/lib/stats/queries";
import { BulkInsert } from "@/lib/testing/bulk-insert";
import { buildScaleSurvey } from "@/lib/testing/scale-survey";
import { seededRandom } from "@/lib/testing/seeded-random";
import { createTempDatabase } from "@/lib/testing/temp-database";
import { median, quantile } from "./support";
import type { BenchCase, BenchFigure } from "./types";

const COMPUTERS = 160_000;
const CHALLENGE_TEAMS = 1_000;
const DAY_MS = 86_400_000;

const OPERATING_SYSTEMS: [string, number][] = [
  ["Microsoft Windows 10", 0.34],
  ["Microsoft Windows 11", 0.3],
  ["Linux Ubuntu", 0.12],
  ["Linux Debian", 0.05],
  ["Darwin", 0.06],
  ["Android", 0.06],
  ["Linux Fedora", 0.03],
  ["Microsoft Windows 7", 0.02],
  ["FreeBSD", 0.01],
  ["Linux Arch", 0.01],
];
const CORES = [1, 2, 4, 4, 6, 8, 8, 12, 16, 16, 24, 32, 64];

async function addComputers(db: Db, users: number, newest: Date): Promise<void> {
  const random = seededRandom(160);
  const hosts = new BulkInsert(db, "host", ["id", "user_id", "create_time", "expavg_credit", "cpu_count", "os_name"]);
  for (let id = 1; id <= COMPUTERS; id++) {
    let r = random();
    const os = OPERATING_SYSTEMS.find(([, share]) => (r -= share) < 0)?.[0] ?? "Microsoft Windows XP";
    const owner = random() < 0.7 ? 1 + Math.floor(random() * users) : null;
    const cores = CORES[Math.floor(random() * CORES.length)];
    await hosts.add(id, owner, new Date(newest.getTime() - random() * 300 * DAY_MS), random() * 500, cores, os);
  }
  await hosts.flush();
}

/** A challenge among every fifth team, 15 daily exports into a 21-day window. */
async function runningChallenge(db: Db, exportTimes: Date[]): Promise<number> {
  const newest = exportTimes.at(-1)!;
  const startsAt = exportTimes.at(-15)!;
  const challenge = await db.challenge.create({
    data: { name: "Bench race", startsAt, endsAt: new Date(startsAt.getTime() + 21 * DAY_MS) },
  });
  const teams = await db.team.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  await db.challengeTeam.createMany({
    data: teams
      .filter((_, i) => i % 5 === 0)
      .slice(0, CHALLENGE_TEAMS)
      .map((t) => ({ challengeId: challenge.id, teamId: t.id, joinedAt: new Date(startsAt.getTime() - DAY_MS) })),
  });
  if (newest <= startsAt) throw new Error("the scale survey is shorter than the challenge's window");
  return challenge.id;
}

/**
 * The rows an import of the next daily export adds for the recompute to read: a snapshot for a
 * quarter of the volunteers (150 credits more, same team) and the export.
 */
async function importNextDay(db: Db, newest: Date, day: number): Promise<void> {
  const before = new Date(newest.getTime() + (day - 1) * DAY_MS);
  const time = new Date(newest.getTime() + day * DAY_MS);
  const p = new BoundParams(db);
  await db.$executeRawUnsafe(
    `INSERT INTO "user_credit_snapshot" ("user_id", "time", "total_credit", "expavg_credit", "team_id") ` +
      `SELECT s."user_id", ${p.time(time)}, s."total_credit" + 150, s."expavg_credit", s."team_id" ` +
      `FROM "boinc_user" u JOIN "user_credit_snapshot" s ON s."user_id" = u."id" AND s."time" = ` +
      `(SELECT MAX(q."time") FROM "user_credit_snapshot" q WHERE q."user_id" = u."id" AND q."time" <= ${p.time(before)}) ` +
      `WHERE u."id" % 4 = ${day % 4}`,
    ...p.values,
  );
  await db.statsExport.create({ data: { exportTime: time, importedAt: time, source: "bench" } });
}

/** The machine is shared: how busy it was says how far the figures are from an idle one's. */
const load = () => os.loadavg()[0].toFixed(1);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export const bench: BenchCase = {
  name: "challenges and project statistics (100,000 volunteers, 100 days)",
  async run() {
    const temp = await createTempDatabase();
    const db = temp.db;
    try {
      const built = await timed(() => buildScaleSurvey(db));
      const survey = built.result;
      await addComputers(db, survey.users, survey.exportTimes.at(-1)!);
      const id = await runningChallenge(db, survey.exportTimes);

      // Scored once as when it was defined (the race drawn from the histories), then after each of
      // five more daily imports: a quarter of the volunteers earned credit since the last export.
      const defined = await timed(() => recomputeChallengeStandings(db));
      const recompute: number[] = [];
      let last = defined.result.find((r) => r.challengeId === id) ?? null;
      for (let day = 1; day <= 5; day++) {
        await importNextDay(db, survey.exportTimes.at(-1)!, day);
        const run = await timed(() => recomputeChallengeStandings(db));
        recompute.push(run.ms);
        last = run.result.find((r) => r.challengeId === id) ?? last;
      }
      const cold = await timed(() => getProjectStats(db));
      const stats: number[] = [];
      for (let i = 0; i < 100; i++) stats.push((await timed(() => getProjectStats(db))).ms);

      const figures: BenchFigure[] = [
        {
          name: `challenge standings, ${CHALLENGE_TEAMS} teams: recompute after an import`,
          value: median(recompute) / 1000,
          unit: "s",
          target: "≤ 1 s",
          ok: median(recompute) <= 1000,
          note: `median of 5 imports, slowest ${(Math.max(...recompute) / 1000).toFixed(2)} s; ${last?.contributors ?? 0} contributing volunteers, 15–20 exports in the window; load average ${load()}`,
        },
        {
          name: "challenge standings: first scoring (race from the histories)",
          value: defined.ms / 1000,
          unit: "s",
          note: "as when a challenge is defined or an operator recomputes it",
        },
        {
          name: "/stats page data: p95",
          value: quantile(stats, 0.95),
          unit: "ms",
          target: "≤ 50 ms",
          ok: quantile(stats, 0.95) <= 50,
          note: `100 reads, median ${median(stats).toFixed(1)} ms; the first after an import ${cold.ms.toFixed(0)} ms; ${COMPUTERS.toLocaleString("en-US")} computers; load average ${load()}`,
        },
        {
          name: "scale survey build (setup, not a target)",
          value: built.ms / 1000,
          unit: "s",
          note: `${survey.users} volunteers, ${survey.teams} teams, ${survey.userSnapshots} user snapshots`,
        },
      ];
      return figures;
    } finally {
      await temp.cleanup();
    }
  },
};

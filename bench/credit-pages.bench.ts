// Credit pages at scale: a survey of 100,000 volunteers, 5,000 teams and 100 daily exports
// (lib/testing/scale-survey.ts) in a fresh SQLite database; the first trophy award run after it
// (every award new) and a second one (nothing to do); then the page data of the leaderboards (each
// kind and order, first and a deep page) and of volunteer pages, p95 of repeated reads through the
// same client the web server uses. Targets: page data p95 ≤ 30 ms, awarding ≤ 5 s.
// The machine is shared, so each figure also notes the CPU time the reads took (their own cost).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { getLeaderboard } from "@/lib/credit/leaderboards";
import type { LeaderboardKind, LeaderboardOrder } from "@/lib/credit/leaderboard-params";
import { getTeam, getTeamDetails } from "@/lib/credit/team-page";
import { awardTrophies } from "@/lib/credit/trophies/award";
import { getVolunteerPage } from "@/lib/credit/volunteer-page";
import { Rng } from "@/lib/demo/random";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { buildScaleSurvey } from "@/lib/testing/scale-survey";
import { quantile } from "./support";
import type { BenchCase, BenchFigure } from "./types";

const PAGE_TARGET_MS = 30;
const AWARD_TARGET_S = 5;
const SAMPLES = 60;

/** p95 of wall and CPU milliseconds of `read`, called SAMPLES times after a few warm-up calls. */
async function measure(read: (i: number) => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 5; i++) await read(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await read(i);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: quantile(wall, 0.95), cpu: quantile(cpu, 0.95) };
}

function pageFigure(name: string, m: { wall: number; cpu: number }, target = true): BenchFigure {
  return {
    name,
    value: m.wall,
    unit: "ms",
    ...(target ? { target: `≤ ${PAGE_TARGET_MS} ms`, ok: m.wall <= PAGE_TARGET_MS } : {}),
    note: `CPU p95 ${m.cpu.toFixed(1)} ms`,
  };
}

async function leaderboardFigures(db: Db, users: number, teams: number): Promise<BenchFigure[]> {
  const deepPage: Record<LeaderboardKind, number> = {
    users: Math.ceil(users / 50 / 2),
    teams: Math.ceil(teams / 50 / 2),
    countries: 1,
  };
  const out: BenchFigure[] = [];
  for (const kind of ["users", "teams", "countries"] as const)
    for (const by of ["credit", "rac"] as LeaderboardOrder[])
      for (const page of [...new Set([1, deepPage[kind]])]) {
        const m = await measure(() => getLeaderboard({ kind, by, page, size: 50 }, { db }));
        out.push(pageFigure(`leaderboard ${kind} by ${by}, page ${page}: p95`, m));
      }
  return out;
}

export const bench: BenchCase = {
  name: "credit pages (100k volunteers, 5k teams, 100 days)",
  async run(): Promise<BenchFigure[]> {
    const work = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-credit-"));
    try {
      const { db } = await setUpDatabase(`file:${path.join(work, "pogs.db")}`);
      let started = performance.now();
      const survey = await buildScaleSurvey(db);
      const built = (performance.now() - started) / 1000;
      console.log(
        `  scale survey: ${survey.users} volunteers, ${survey.teams} teams, ${survey.exportTimes.length} exports, ` +
          `${survey.userSnapshots} volunteer and ${survey.teamSnapshots} team snapshots, ${survey.galaxyUsers} contributions in ${built.toFixed(0)} s`,
      );
      started = performance.now();
      const first = await awardTrophies(db);
      const firstSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const again = await awardTrophies(db);
      const againSeconds = (performance.now() - started) / 1000;

      const figures: BenchFigure[] = [
        { name: "build the scale survey (bulk inserts)", value: built, unit: "s", note: "a few minutes at most" },
        {
          name: "trophy award run after the import (all new)",
          value: firstSeconds,
          unit: "s",
          target: `≤ ${AWARD_TARGET_S} s`,
          ok: firstSeconds <= AWARD_TARGET_S,
          note: `${first.awarded} awards`,
        },
        {
          name: "trophy award run again (nothing to do)",
          value: againSeconds,
          unit: "s",
          target: `≤ ${AWARD_TARGET_S} s`,
          ok: againSeconds <= AWARD_TARGET_S && again.awarded === 0 && again.revoked === 0,
          note: `${again.awarded} awarded, ${again.revoked} revoked`,
        },
        ...(await leaderboardFigures(db, survey.users, survey.teams)),
      ];
      // Volunteers drawn at random (seeded), hidden ones included (their page is the short one).
      const r = Rng.fromSeed("credit-pages-bench");
      const ids = Array.from({ length: SAMPLES + 5 }, () => 1 + r.int(0, survey.users));
      figures.push(
        pageFigure(
          "volunteer page data (random volunteers): p95",
          await measure((i) => getVolunteerPage(ids[i], 1, { db })),
        ),
      );
      const teamIds = Array.from({ length: SAMPLES + 5 }, () => 1 + r.int(0, survey.teams));
      figures.push(
        pageFigure(
          "team page data (random teams): p95",
          await measure(async (i) => {
            const team = await getTeam(teamIds[i], { db });
            if (team) await getTeamDetails(team, { by: "credit", page: 1 }, { db });
          }),
          false,
        ),
      );
      if (existsSync("/proc/loadavg"))
        console.log(`  load average after: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
      await db.$disconnect();
      return figures;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

// BOINC statistics import at project scale: a 1,000,000-user export (+ 60,000 teams) written with
// the export writer, imported by `npm run import-stats` in a child process (so the peak RSS is the
// import's alone, measured by /usr/bin/time) into a fresh SQLite database; then the next day's
// export (a third of the users earned credit, 1 % changed team) and a replay of it.
// Targets: ≤ 60 s and ≤ 500 MB on 2 cores.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { T0, largeExport, writeDump } from "@/lib/testing/synthetic-dump";
import { figures, importStats, type Run } from "./import-stats-run";
import type { BenchCase, BenchFigure } from "./types";

const USERS = 1_000_000;
const TEAMS = 60_000;

export const bench: BenchCase = {
  name: "BOINC statistics import (1M users)",
  async run(): Promise<BenchFigure[]> {
    const work = mkdtempSync(path.join(os.tmpdir(), "pogs-bench-stats-"));
    try {
      const day0 = path.join(work, "day0");
      const day1 = path.join(work, "day1");
      // gzip level 6, as BOINC's db_dump writes them
      await writeDump(day0, { ...largeExport(USERS, TEAMS, T0), gzipLevel: 6 });
      await writeDump(day1, { ...largeExport(USERS, TEAMS, T0, 1), gzipLevel: 6 });
      const databaseUrl = `file:${path.join(work, "pogs.db")}`;
      const { db } = await setUpDatabase(databaseUrl);
      await db.$disconnect();

      const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
      const runs: Run[] = [];
      for (const dir of [day0, day1, day1]) {
        const before = existsSync("/proc/loadavg") ? ` (load average before: ${load()})` : "";
        runs.push(await importStats(databaseUrl, dir));
        console.log(`  ${runs.at(-1)!.summary}${before}`);
      }
      const [first, next, replay] = runs;
      return [
        ...figures("1M users + 60k teams into an empty SQLite DB", first, [60, 500]),
        ...figures("next day's export (1/3 earned, 1 % moved)", next, [60, 500]),
        ...figures("replay of the same export", replay, null),
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

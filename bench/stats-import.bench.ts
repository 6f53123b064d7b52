// BOINC statistics import at project scale: a 1,000,000-user export (+ 60,000 teams) written with
// the export writer, imported by `npm run import-stats` in a child process (so the peak RSS is the
// import's alone, measured by /usr/bin/time) into a fresh SQLite database; then the next day's
// export (a third of the users earned credit, 1 % changed team) and a replay of it.
// Targets: ≤ 60 s and ≤ 500 MB on 2 cores. The import stages its rows and swaps them in with one
// transaction: how long that holds SQLite's write lock, and the longest an ingest run beside the
// import (one work unit every half second, ./ingest-probe.ts) took, target ≤ 5 s.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setUpDatabase } from "@/lib/survey/setup-database";
import { T0, largeExport, writeDump } from "@/lib/testing/synthetic-dump";
import { figures, importStats, type Run } from "./import-stats-run";
import { ingestProbe, type ProbeFigures } from "./ingest-probe";
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
      const probe = await ingestProbe(databaseUrl);

      const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
      const runs: Run[] = [];
      const probes: (ProbeFigures | null)[] = [];
      for (const dir of [day0, day1, day1]) {
        const before = existsSync("/proc/loadavg") ? ` (load average before: ${load()})` : "";
        probe?.start();
        runs.push(await importStats(databaseUrl, dir));
        probes.push((await probe?.stop()) ?? null);
        console.log(`  ${runs.at(-1)!.summary}${before}`);
      }
      const [first, next, replay] = runs;
      return [
        ...figures("1M users + 60k teams into an empty SQLite DB", first, [60, 500]),
        ...lockFigures("1M users into an empty DB", first, probes[0]),
        ...figures("next day's export (1/3 earned, 1 % moved)", next, [60, 500]),
        ...lockFigures("next day's export", next, probes[1]),
        ...figures("replay of the same export", replay, null),
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

/** The swap's hold on the write lock (from the summary line) and what the ingests beside it took. */
function lockFigures(label: string, run: Run, probe: ProbeFigures | null): BenchFigure[] {
  const locked = /the database locked for ([\d.]+) s/.exec(run.summary);
  const out: BenchFigure[] = [
    { name: `${label}: write lock held by the swap`, value: locked ? Number(locked[1]) : NaN, unit: "s" },
  ];
  if (probe)
    out.push({
      name: `${label}: longest ingest during it`,
      value: probe.maxSeconds,
      unit: "s",
      target: "≤ 5 s",
      ok: probe.maxSeconds <= 5 && probe.failures === 0,
      note: `${probe.ingests} ingests of one work unit, median ${probe.medianSeconds.toFixed(2)} s, ${probe.failures} failed`,
    });
  return out;
}

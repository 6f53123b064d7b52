// The scale survey's history: snapshots, team deltas and export rows, one export at a time, as
// the statistics import writes them (a volunteer's snapshot only when their credit or team changed).
import type { Db } from "@/lib/db/client";
import { BulkInsert } from "./bulk-insert";
import { simulateDays, teamOf, type ExportDay, type ScalePopulation } from "./scale-population";
import { inTransaction } from "./scale-sqlite";

type Progress = (phase: string, done: number, total: number) => void;

/** Snapshots, team deltas and the export rows, one export at a time (the import writes the same). */
export async function writeHistory(db: Db, pop: ScalePopulation, seed: string, progress: Progress) {
  const userSnapshots = new BulkInsert(db, "user_credit_snapshot", [
    "user_id",
    "time",
    "total_credit",
    "expavg_credit",
    "team_id",
  ]);
  const teamSnapshots = new BulkInsert(db, "team_credit_snapshot", [
    "team_id",
    "time",
    "total_credit",
    "expavg_credit",
    "member_count",
  ]);
  const deltas = new BulkInsert(db, "team_delta", ["user_id", "team_id", "time", "joining", "total_credit"]);
  const exports = new BulkInsert(db, "stats_export", EXPORT_COLUMNS);
  const last = pop.users.map(() => ({ total: -1, team: -1 as number | null }));
  const createTimes = pop.users.map((u) => u.createTime).sort((a, b) => a - b);
  let registered = 0;
  await simulateDays(pop, seed, async (day: ExportDay) => {
    progress("Writing credit history", day.index, pop.exportTimes.length);
    const time = new Date(day.time * 1000);
    const members = new Map<number, number>();
    let credit = 0;
    let active = 0;
    let totalRac = 0;
    let listed = 0;
    for (const u of pop.users) {
      const k = u.id - 1;
      const total = day.users.total[k];
      if (total <= 0) continue;
      const team = teamOf(u, day.time);
      const rac = day.users.racAt(k, day.time);
      listed++;
      credit += total;
      totalRac += rac;
      if (rac >= 1) active++;
      if (team !== null) members.set(team, (members.get(team) ?? 0) + 1);
      const before = last[u.id - 1];
      if (before.total === total && before.team === team) continue;
      if (day.index > 0 && before.total >= 0 && before.team !== team) {
        if (before.team !== null) deltas.add(u.id, before.team, time, false, total);
        if (team !== null) deltas.add(u.id, team, time, true, total);
      }
      last[k] = { total, team };
      userSnapshots.add(u.id, time, total, rac, team);
    }
    for (const t of pop.teams) {
      const k = t.id - 1;
      if (day.teams.present[k])
        teamSnapshots.add(t.id, time, day.teams.total[k], day.teams.racAt(k, day.time), members.get(t.id) ?? 0);
    }
    while (registered < createTimes.length && createTimes[registered] <= day.time) registered++;
    exports.add(
      time,
      time,
      "scale-survey",
      listed,
      day.teams.present.reduce((n, p) => n + p, 0),
      credit,
      registered,
      active,
      totalRac,
      Math.round(active * 1.6),
    );
    await inTransaction(db, async (tx) => {
      for (const w of [userSnapshots, teamSnapshots, deltas, exports]) await w.flush(tx);
    });
  });

  return { userSnapshots: userSnapshots.written, teamSnapshots: teamSnapshots.written };
}

const EXPORT_COLUMNS = [
  ...["export_time", "imported_at", "source", "user_count", "team_count", "total_credit"],
  ...["registered_users", "active_users", "total_rac", "host_count"],
];

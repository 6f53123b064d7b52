// The demo's BOINC statistics: the credit the schedule granted, replayed with BOINC's semantics
// (RAC by update_average at each grant, team credit only while a member), written as the daily
// export BOINC's db_dump makes (user.gz, team.gz, host.gz, tables.xml) for the import path to read.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { updateAverage, type RacState } from "@/lib/credit/rac";
import {
  writeHostExport,
  writeTablesXml,
  writeTeamExport,
  writeUserExport,
  type BoincHostRecord,
  type BoincTeamRecord,
  type BoincUserRecord,
} from "@/lib/ingest/boinc-stats";
import { drawComputers } from "@/lib/demo/volunteers/computers";
import { DAY } from "@/lib/demo/volunteers/calendar";
import { membershipIndex, type VolunteerPopulation } from "@/lib/demo/volunteers/population";
import type { CreditEvent } from "@/lib/demo/volunteers/schedule";

type Account = RacState & { total: number };

/** Writes one export per day of the period (at 00:00 UTC) and returns their folders, oldest first. */
export async function writeDemoExports(
  root: string,
  pop: VolunteerPopulation,
  events: readonly CreditEvent[],
): Promise<string[]> {
  const teamOf = membershipIndex(pop);
  const users = new Map<number, Account>();
  const teams = new Map<number, Account>();
  const grant = (map: Map<number, Account>, id: number, time: number, credit: number, createTime: number) => {
    const a = map.get(id) ?? { rac: 0, racTime: createTime, total: 0 };
    const next = updateAverage(a, time, credit);
    map.set(id, { ...next, total: a.total + credit });
  };
  const userById = new Map(pop.users.map((u) => [u.id, u]));
  const teamById = new Map(pop.teams.map((t) => [t.id, t]));
  const computers = drawComputers(pop.users);
  const dirs: string[] = [];
  let e = 0;
  for (let t = pop.start + DAY; t <= pop.end; t += DAY) {
    for (; e < events.length && events[e].time <= t; e++) {
      const ev = events[e];
      for (const userId of ev.userIds) {
        grant(users, userId, ev.time, ev.credit, userById.get(userId)!.createTime);
        const team = teamOf(userId, ev.time);
        if (team !== null) grant(teams, team, ev.time, ev.credit, teamById.get(team)!.createTime);
      }
    }
    const userRecords: BoincUserRecord[] = [...users]
      .sort((a, b) => a[0] - b[0])
      .map(([id, a]) => {
        const u = userById.get(id)!;
        return {
          id,
          name: u.name,
          createTime: u.createTime,
          totalCredit: a.total,
          expavgCredit: a.rac,
          expavgTime: a.racTime,
          cpid: createHash("md5")
            .update(u.crossProjectId + u.emailAddr)
            .digest("hex"),
          country: u.country,
          url: u.url,
          teamId: teamOf(id, t),
          hasProfile: u.hasProfile,
        };
      });
    const teamRecords: BoincTeamRecord[] = [...teams]
      .sort((a, b) => a[0] - b[0])
      .map(([id, a]) => {
        const team = teamById.get(id)!;
        return {
          id,
          type: team.type,
          name: team.name,
          founderId: team.founderId,
          totalCredit: a.total,
          expavgCredit: a.rac,
          expavgTime: a.racTime,
          founderName: userById.get(team.founderId)?.name ?? null,
          createTime: team.createTime,
          url: team.url,
          nameHtml: null,
          description: team.description,
          country: team.country,
        };
      });
    // A computer is listed from when it is attached, once its owner has credit.
    const hostRecords: BoincHostRecord[] = computers
      .filter((c) => c.createTime <= t && users.has(c.userId))
      .map((c) => {
        const a = users.get(c.userId)!;
        return {
          id: c.id,
          userId: c.ownerShown ? c.userId : null,
          createTime: c.createTime,
          rpcTime: Math.min(t, a.racTime),
          totalCredit: a.total * c.share,
          expavgCredit: a.rac * c.share,
          expavgTime: a.racTime,
          cpuCount: c.cpuCount,
          cpuVendor: c.cpuVendor,
          cpuModel: c.cpuModel,
          pFpops: c.pFpops,
          osName: c.osName,
          osVersion: c.osVersion,
        };
      });
    const dir = path.join(root, new Date(t * 1000).toISOString().slice(0, 10));
    mkdirSync(dir, { recursive: true });
    // Half the records as BOINC's own db_dump writes text (every UTF-8 byte above 127 as its own
    // character reference), half in plain UTF-8: the import must read both.
    const byteWiseText = (id: number) => id % 2 === 1;
    await writeUserExport(userRecords, path.join(dir, "user.gz"), { byteWiseText });
    await writeTeamExport(teamRecords, path.join(dir, "team.gz"), { byteWiseText });
    await writeHostExport(hostRecords, path.join(dir, "host.gz"));
    await writeTablesXml(
      {
        updateTime: t,
        creditByApp: false,
        nusersTotal: pop.users.length,
        nteamsTotal: pop.teams.length,
        nhostsTotal: computers.filter((c) => c.createTime <= t).length,
        nusersDeletedTotal: 0,
        nhostsDeletedTotal: 0,
        totalCredit: userRecords.reduce((s, u) => s + u.totalCredit, 0),
        applications: ["MAGPHYS"],
        badges: [],
      },
      path.join(dir, "tables.xml"),
    );
    dirs.push(dir);
  }
  return dirs;
}

// Synthetic BOINC statistics exports (tables.xml, user.gz, team.gz) written with the project's own
// writers, for the import tests and the benchmark. Deterministic: the same options give the same
// files, so a test can write "the next day's export" by changing only what it means to change.
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  writeTablesXml,
  writeTeamExport,
  writeUserExport,
  type BoincTables,
  type BoincTeamRecord,
  type BoincUserRecord,
} from "@/lib/ingest/boinc-stats";

export const DAY = 86_400;
/** 2025-08-22T00:00:00Z, a plausible export time. */
export const T0 = 1_755_820_800;

export function user(id: number, overrides: Partial<BoincUserRecord> = {}): BoincUserRecord {
  return {
    id,
    name: `volunteer ${id}`,
    createTime: T0 - 400 * DAY + (id % 1000) * 60,
    totalCredit: 1000 + id,
    expavgCredit: 100 + (id % 50),
    expavgTime: T0 - DAY,
    cpid: (id.toString(16) + "0".repeat(32)).slice(0, 32),
    country: id % 3 === 0 ? "Australia" : null,
    url: null,
    teamId: null,
    hasProfile: id % 7 === 0,
    ...overrides,
  };
}

export function team(id: number, overrides: Partial<BoincTeamRecord> = {}): BoincTeamRecord {
  return {
    id,
    type: 1 + (id % 12),
    name: `team ${id}`,
    founderId: id,
    totalCredit: 5000 + id,
    expavgCredit: 50 + (id % 20),
    expavgTime: T0 - 2 * DAY,
    founderName: `founder ${id}`,
    createTime: T0 - 900 * DAY,
    url: null,
    nameHtml: null,
    description: null,
    country: null,
    ...overrides,
  };
}

export function tables(updateTime: number, overrides: Partial<BoincTables> = {}): BoincTables {
  return {
    updateTime,
    creditByApp: false,
    nusersTotal: 0,
    nteamsTotal: 0,
    nhostsTotal: 0,
    nusersDeletedTotal: 0,
    nhostsDeletedTotal: 0,
    totalCredit: 0,
    applications: ["MAGPHYS"],
    badges: [],
    ...overrides,
  };
}

export interface DumpContent {
  updateTime: number;
  users: Iterable<BoincUserRecord> | AsyncIterable<BoincUserRecord>;
  teams: Iterable<BoincTeamRecord> | AsyncIterable<BoincTeamRecord>;
  gzipLevel?: number;
}

/** Writes tables.xml, team.gz and user.gz into `dir` (created if needed); returns `dir`. */
export async function writeDump(dir: string, content: DumpContent): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const options = { gzipLevel: content.gzipLevel ?? 6 };
  const [teams, users] = await Promise.all([
    writeTeamExport(content.teams, path.join(dir, "team.gz"), options),
    writeUserExport(content.users, path.join(dir, "user.gz"), options),
  ]);
  await writeTablesXml(
    tables(content.updateTime, { nusersTotal: users.records, nteamsTotal: teams.records }),
    path.join(dir, "tables.xml"),
  );
  return dir;
}

/**
 * A large export like a big project's: `userCount` users, `teamCount` teams, 40 % of users in a
 * team (a few ids pointing at teams missing from team.gz), credits spread over six decades.
 * `laterDays` > 0 gives the same project that many days later: a third of the users earned
 * credit, one in a hundred changed team. Lazy, so a million users never sit in memory.
 */
export function largeExport(userCount: number, teamCount: number, updateTime: number, laterDays = 0): DumpContent {
  function* users(): Generator<BoincUserRecord> {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let id = 1; id <= userCount; id++) {
      const r = random();
      const u: BoincUserRecord = {
        id,
        name: `volunteer_${id}`,
        createTime: updateTime - Math.floor(random() * 3000 * DAY),
        totalCredit: Math.round(10 ** (random() * 6) * 1e6) / 1e6,
        expavgCredit: r < 0.3 ? Math.round(random() * 5000 * 1e6) / 1e6 : 0,
        expavgTime: updateTime - Math.floor(random() * 60 * DAY),
        cpid: (id * 2654435761).toString(16).padStart(32, "0").slice(-32),
        country: r < 0.5 ? "Australia" : r < 0.7 ? "Germany" : null,
        url: r < 0.05 ? `https://example.org/~${id}` : null,
        teamId: r < 0.4 ? 1 + Math.floor(random() * (teamCount + 50)) : null,
        hasProfile: r < 0.1,
      };
      if (laterDays > 0 && id % 3 === 0) u.totalCredit += 100 * laterDays;
      if (laterDays > 0 && id % 100 === 0) u.teamId = 1 + ((id + laterDays) % teamCount);
      yield u;
    }
  }
  function* teams(): Generator<BoincTeamRecord> {
    for (let id = 1; id <= teamCount; id++) yield team(id, { expavgTime: updateTime - (id % 30) * DAY });
  }
  return { updateTime: updateTime + laterDays * DAY, users: users(), teams: teams(), gzipLevel: 1 };
}

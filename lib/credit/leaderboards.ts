// The leaderboards: volunteers, teams and countries, each by total credit or by RAC.
import { db as processDb, type Db } from "@/lib/db/client";
import { countryLeaderboard } from "./leaderboard-countries";
import type { LeaderboardQuery } from "./leaderboard-params";
import type { LeaderboardPage } from "./leaderboard-types";
import { userLeaderboard } from "./leaderboard-users";
import { newestExportTime } from "./newest-export";
import { listTeams } from "./team-list";

export interface Leaderboard extends LeaderboardPage {
  query: LeaderboardQuery;
  /** the statistics export the values come from (null before the first import) */
  exportTime: Date | null;
}

/** `db` and `nowMs` are for tests and benches; pages use the process's database and the clock. */
export async function getLeaderboard(
  query: LeaderboardQuery,
  { db = processDb(), nowMs = Date.now() }: { db?: Db; nowMs?: number } = {},
): Promise<Leaderboard> {
  const now = nowMs / 1000;
  const exportTime = await newestExportTime(db);
  const exportSeconds = exportTime ? exportTime.getTime() / 1000 : null;
  const page =
    query.kind === "users"
      ? await userLeaderboard(db, query, now)
      : query.kind === "teams"
        ? await listTeams(db, { ...query, pageSize: query.size }, now)
        : await countryLeaderboard(db, query, now, exportSeconds);
  return { ...page, query: { ...query, page: page.page }, exportTime };
}

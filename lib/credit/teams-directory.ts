// The /teams directory: every team, searchable by name, sorted by credit, RAC or members.
import { db as processDb, type Db } from "@/lib/db/client";
import { listTeams } from "./team-list";
import { TEAMS_PER_PAGE, type TeamDirectoryQuery } from "./team-list-params";

export function getTeamDirectory(
  query: TeamDirectoryQuery,
  { db = processDb(), nowMs = Date.now() }: { db?: Db; nowMs?: number } = {},
) {
  return listTeams(db, { by: query.sort, page: query.page, q: query.q, pageSize: TEAMS_PER_PAGE }, nowMs / 1000);
}

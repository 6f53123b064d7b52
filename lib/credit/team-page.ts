// Everything a team's page shows: the team, its founder, where it stands, its members and its history.
import { db as processDb, type Db } from "@/lib/db/client";
import { teamCreditHistory } from "./history";
import { htmlToPlainText, safeHttpUrl } from "./plain-text";
import { racFromOrder } from "./rac";
import { listedRank, type OrderedTable } from "./ranked-order";
import { teamMembers, type MemberOrder } from "./team-members";

const BY_CREDIT: OrderedTable = { table: "team", key: "total_credit" };
const BY_RAC: OrderedTable = { table: "team", key: "rac_order" };

export async function getTeam(id: number, { db = processDb(), nowMs = Date.now() }: { db?: Db; nowMs?: number } = {}) {
  const team = await db.team.findUnique({ where: { id } });
  if (!team) return null;
  const founder = team.founderId
    ? await db.boincUser.findUnique({ where: { id: team.founderId }, select: { id: true, name: true } })
    : null;
  return {
    id: team.id,
    name: team.name,
    type: team.type,
    country: team.country,
    createTime: team.createTime,
    totalCredit: team.totalCredit,
    rac: racFromOrder(team.racOrder, nowMs / 1000),
    racOrder: team.racOrder,
    memberCount: team.memberCount,
    founder: { id: founder?.id ?? null, name: team.founderName || founder?.name || "" },
    description: htmlToPlainText(team.description),
    url: safeHttpUrl(team.url),
  };
}

export type TeamSummary = NonNullable<Awaited<ReturnType<typeof getTeam>>>;

export async function getTeamDetails(
  team: TeamSummary,
  members: { by: MemberOrder; page: number },
  { db = processDb(), nowMs = Date.now() }: { db?: Db; nowMs?: number } = {},
) {
  const [creditRank, racRank, memberPage, history] = await Promise.all([
    listedRank(db, BY_CREDIT, team.totalCredit, []),
    listedRank(db, BY_RAC, team.racOrder, []),
    teamMembers(db, team.id, members.by, members.page, nowMs / 1000),
    teamCreditHistory(db, team.id),
  ]);
  return { creditRank, racRank, members: memberPage, history };
}

// A team's listed members by total credit or RAC (ranked by rac_order, leaderboard-users.ts), a
// page at a time, with their competition rank inside the team.
import type { Db } from "@/lib/db/client";
import { LISTED_USER } from "./listed";
import { racFromOrder } from "./rac";

export const MEMBER_ORDERS = ["credit", "rac"] as const;
export type MemberOrder = (typeof MEMBER_ORDERS)[number];
export const MEMBERS_PER_PAGE = 50;

export interface TeamMember {
  rank: number;
  id: number;
  name: string;
  country: string;
  totalCredit: number;
  /** RAC now, credits a day */
  rac: number;
}

export async function teamMembers(db: Db, teamId: number, by: MemberOrder, page: number, now: number) {
  const field = by === "credit" ? "totalCredit" : "racOrder";
  const where = { teamId, ...LISTED_USER };
  const [total, rows] = await Promise.all([
    db.boincUser.count({ where }),
    db.boincUser.findMany({
      where,
      orderBy: [{ [field]: "desc" }, { id: "asc" }],
      skip: (page - 1) * MEMBERS_PER_PAGE,
      take: MEMBERS_PER_PAGE,
      select: { id: true, name: true, country: true, totalCredit: true, racOrder: true },
    }),
  ]);
  const first = rows.length
    ? 1 + (await db.boincUser.count({ where: { ...where, [field]: { gt: rows[0][field] } } }))
    : 1;
  const members: TeamMember[] = [];
  for (const [i, m] of rows.entries()) {
    const rank =
      i === 0 ? first : m[field] === rows[i - 1][field] ? members[i - 1].rank : (page - 1) * MEMBERS_PER_PAGE + i + 1;
    members.push({
      rank,
      id: m.id,
      name: m.name,
      country: m.country,
      totalCredit: m.totalCredit,
      rac: racFromOrder(m.racOrder, now),
    });
  }
  return { total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)), members };
}

// Trophies for pages and the API: the list with holder counts, one trophy's holders, a volunteer's trophies.
import type { Db } from "@/lib/db/client";
import { LISTED_USER, listedUserSql } from "@/lib/credit/listed";
import { toNumber } from "@/lib/credit/sql";
import { metalOf, type Metal } from "./kinds";
import { trophyRule } from "./rule";

export interface TrophyInfo {
  id: number;
  name: string;
  kind: string;
  threshold: number;
  metal: Metal;
  rule: string;
}

export interface TrophyWithHolders extends TrophyInfo {
  /** listed volunteers holding it */
  holders: number;
}

const TROPHY = { id: true, name: true, kind: true, threshold: true, image: true, description: true } as const;

function info(t: {
  id: number;
  name: string;
  kind: string;
  threshold: number;
  image: string;
  description: string;
}): TrophyInfo {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    threshold: t.threshold,
    metal: metalOf(t.image),
    rule: trophyRule(t.kind, t.threshold, t.description),
  };
}

/** Every trophy in display order; hidden ones only once someone listed holds them. */
export async function listTrophies(db: Db): Promise<TrophyWithHolders[]> {
  const [trophies, counts] = await Promise.all([
    db.trophy.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { ...TROPHY, hidden: true } }),
    db.$queryRawUnsafe<{ trophy_id: number; n: unknown }[]>(
      `SELECT "trophy_id", COUNT(*) AS n FROM "trophy_award" WHERE ${listedUserSql(`"user_id"`)} GROUP BY "trophy_id"`,
    ),
  ]);
  const holders = new Map(counts.map((c) => [Number(c.trophy_id), toNumber(c.n)]));
  return trophies
    .filter((t) => !t.hidden || (holders.get(t.id) ?? 0) > 0)
    .map((t) => ({ ...info(t), holders: holders.get(t.id) ?? 0 }));
}

export async function getTrophy(db: Db, id: number): Promise<TrophyInfo | null> {
  const t = await db.trophy.findUnique({ where: { id }, select: TROPHY });
  return t ? info(t) : null;
}

export const HOLDERS_PER_PAGE = 50;

/** Listed holders, most credit first (ties by id), a page at a time. */
export async function trophyHolders(db: Db, trophyId: number, page: number) {
  const where = { trophyId, user: LISTED_USER };
  const [total, awards] = await Promise.all([
    db.trophyAward.count({ where }),
    db.trophyAward.findMany({
      where,
      orderBy: [{ user: { totalCredit: "desc" } }, { userId: "asc" }],
      skip: (page - 1) * HOLDERS_PER_PAGE,
      take: HOLDERS_PER_PAGE,
      select: {
        awardedAt: true,
        user: {
          select: {
            id: true,
            name: true,
            country: true,
            totalCredit: true,
            team: { select: { id: true, name: true } },
          },
        },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / HOLDERS_PER_PAGE)),
    holders: awards.map((a) => ({ ...a.user, awardedAt: a.awardedAt })),
  };
}

export interface AwardedTrophy extends TrophyInfo {
  awardedAt: Date;
}

export async function userTrophies(db: Db, userId: number): Promise<AwardedTrophy[]> {
  const awards = await db.trophyAward.findMany({
    where: { userId },
    orderBy: [{ trophy: { sortOrder: "asc" } }, { trophyId: "asc" }],
    select: { awardedAt: true, trophy: { select: TROPHY } },
  });
  return awards.map((a) => ({ ...info(a.trophy), awardedAt: a.awardedAt }));
}

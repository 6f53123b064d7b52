// Trophies for pages and the API: the list with holder counts, one trophy's holders, a volunteer's trophies.
import type { Db } from "@/lib/db/client";
import { hiddenHolders, holderIdsByCredit, listedHolderCount } from "./holders";
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
  const [trophies, hidden] = await Promise.all([
    db.trophy.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { ...TROPHY, hidden: true, awardCount: true },
    }),
    hiddenHolders(db),
  ]);
  const holders = new Map(trophies.map((t) => [t.id, t.awardCount - (hidden.get(t.id) ?? 0)]));
  return trophies
    .filter((t) => !t.hidden || (holders.get(t.id) ?? 0) > 0)
    .map((t) => ({ ...info(t), holders: holders.get(t.id) ?? 0 }));
}

export async function getTrophy(db: Db, id: number): Promise<TrophyInfo | null> {
  const t = await db.trophy.findUnique({ where: { id }, select: TROPHY });
  return t ? info(t) : null;
}

export const HOLDERS_PER_PAGE = 50;

/** Listed holders, most credit first (ties by id), a page at a time (holders.ts). */
export async function trophyHolders(db: Db, trophyId: number, page: number) {
  const total = (await listedHolderCount(db, trophyId)) ?? 0;
  const skip = (page - 1) * HOLDERS_PER_PAGE;
  const ids = skip < total ? await holderIdsByCredit(db, trophyId, total, { skip, take: HOLDERS_PER_PAGE }) : [];
  const awards = await db.trophyAward.findMany({
    where: { trophyId, userId: { in: ids } },
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
  });
  const byUser = new Map(awards.map((a) => [a.user.id, { ...a.user, awardedAt: a.awardedAt }]));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / HOLDERS_PER_PAGE)),
    holders: ids.flatMap((id) => byUser.get(id) ?? []),
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

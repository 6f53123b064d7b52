// Hand-made volunteers, teams and accounts for the credit tests, written through Prisma.
import type { Db } from "@/lib/db/client";
import { racOrder } from "@/lib/credit/rac";

/** 2026-11-23T00:00:00Z: the newest export of the hand-made surveys. */
export const NOW = Date.UTC(2026, 10, 23) / 1000;
export const DAY = 86_400;

export interface Volunteer {
  id: number;
  totalCredit: number;
  /** RAC as of `racTime` (default NOW) */
  rac?: number;
  racTime?: number;
  name?: string;
  teamId?: number | null;
  country?: string;
  createTime?: number;
}

export async function addVolunteers(db: Db, volunteers: readonly Volunteer[]): Promise<void> {
  await db.boincUser.createMany({
    data: volunteers.map((v) => ({
      id: v.id,
      name: v.name ?? `volunteer ${v.id}`,
      country: v.country ?? "",
      createTime: new Date((v.createTime ?? NOW - 400 * DAY) * 1000),
      totalCredit: v.totalCredit,
      expavgCredit: v.rac ?? 0,
      expavgTime: v.racTime ?? NOW,
      racOrder: racOrder(v.rac ?? 0, v.racTime ?? NOW),
      teamId: v.teamId ?? null,
    })),
  });
}

export async function addTeams(
  db: Db,
  teams: readonly { id: number; totalCredit: number; rac?: number; name?: string; members?: number }[],
) {
  await db.team.createMany({
    data: teams.map((t) => ({
      id: t.id,
      name: t.name ?? `team ${t.id}`,
      createTime: new Date((NOW - 900 * DAY) * 1000),
      totalCredit: t.totalCredit,
      expavgCredit: t.rac ?? 0,
      expavgTime: NOW,
      racOrder: racOrder(t.rac ?? 0, NOW),
      memberCount: t.members ?? 0,
    })),
  });
}

/** Portal accounts linked to these volunteers, asking to be left out of lists. */
export async function hideFromLists(db: Db, userIds: readonly number[]): Promise<void> {
  for (const id of userIds)
    await db.account.upsert({
      where: { boincUserId: id },
      create: { email: `v${id}@example.org`, passwordHash: "not-a-hash", boincUserId: id, hideFromLists: true },
      update: { hideFromLists: true },
    });
}

export async function addExport(db: Db, time: number): Promise<void> {
  await db.statsExport.create({ data: { exportTime: new Date(time * 1000), source: "test" } });
}

// Reads of milestones for the home page's feed, /milestones and their volunteers' names.
import { db } from "@/lib/db/client";
import { milestoneTitle } from "./describe";
import { MILESTONE_KINDS, type MilestoneKind } from "./landmarks";

export const MILESTONES_PER_PAGE = 50;

export function isMilestoneKind(value: string): value is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(value);
}

type MilestoneRow = Awaited<ReturnType<typeof milestoneRows>>[number];

function milestoneRows(where: { kind?: string }, skip: number, take: number) {
  return db().milestone.findMany({
    where,
    orderBy: [{ reachedAt: "desc" }, { id: "desc" }],
    skip,
    take,
  });
}

/**
 * The volunteers credited with a work-unit or pixel milestone: those of the area processed at that
 * moment by the recorded volunteer (names read now, so a placeholder name from before the
 * statistics arrived is not kept). The recorded volunteer alone if that area was processed again.
 */
async function creditedVolunteers(m: MilestoneRow) {
  if (m.userId === null) return [];
  if (m.galaxyId !== null) {
    const area = await db().area.findFirst({
      where: { galaxyId: m.galaxyId, processedAt: m.reachedAt, users: { some: { userId: m.userId } } },
      select: { users: { orderBy: { userId: "asc" }, select: { user: { select: { id: true, name: true } } } } },
    });
    if (area) return area.users.map((u) => u.user);
  }
  const user = await db().boincUser.findUnique({ where: { id: m.userId }, select: { id: true, name: true } });
  return user ? [user] : [];
}

async function withDetails(rows: MilestoneRow[]) {
  const galaxyIds = [...new Set(rows.flatMap((m) => (m.galaxyId === null ? [] : [m.galaxyId])))];
  const galaxies = await db().galaxy.findMany({ where: { id: { in: galaxyIds } }, select: { id: true, name: true } });
  const galaxyOf = new Map(galaxies.map((g) => [g.id, g]));
  return Promise.all(
    rows.map(async (m) => ({
      id: m.id,
      kind: m.kind,
      value: m.value,
      reachedAt: m.reachedAt,
      title: milestoneTitle(m.kind, m.value),
      text: m.text,
      galaxy: m.galaxyId === null ? null : (galaxyOf.get(m.galaxyId) ?? null),
      volunteers: await creditedVolunteers(m),
    })),
  );
}

export type MilestoneItem = Awaited<ReturnType<typeof withDetails>>[number];

/** The newest milestones, for the home page. */
export async function getMilestoneFeed(take = 6) {
  return withDetails(await milestoneRows({}, 0, take));
}

/** One page of milestones, newest first, optionally of one kind. */
export async function listMilestones(query: { kind?: MilestoneKind; page: number }) {
  const where = query.kind ? { kind: query.kind } : {};
  const [total, rows] = await Promise.all([
    db().milestone.count({ where }),
    milestoneRows(where, (query.page - 1) * MILESTONES_PER_PAGE, MILESTONES_PER_PAGE),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / MILESTONES_PER_PAGE)),
    items: await withDetails(rows),
  };
}

/**
 * Milestone detection, after every results ingest and statistics import. It first refreshes the
 * credit totals, which change with the same two events (lib/credit/credit-totals.ts). Cheap
 * counts say which landmarks the stored data has reached; only when one of a kind is missing is
 * that kind's ordered pass made, and then it settles every landmark of the kind from the data as
 * it is, updating any that results arriving out of time order have moved (a backfill, the demo).
 * Credit and volunteer landmarks cost nothing to settle and are settled every time. So detection
 * is repeatable (the table follows the data) and idempotent (nothing changes when nothing did);
 * (kind, value) is unique, so two processes detecting at once write each landmark once.
 */
import type { Db } from "@/lib/db/client";
import { BoundParams } from "@/lib/credit/challenges/raw-sql";
import { refreshCreditTotals } from "@/lib/credit/credit-totals";
import { milestoneText } from "./describe";
import { FIRST_LANDMARK, landmarksUpTo, missingLandmarks, type MilestoneKind } from "./landmarks";
import { projectLandmarks, projectSeries, projectTotals } from "./project-landmarks";
import {
  galaxyLandmarks,
  pixelLandmarks,
  surveyTotals,
  workUnitLandmarks,
  type FoundMilestone,
} from "./survey-landmarks";

/** Records the milestones reached, settles those of the kinds searched; returns the rows written. */
export async function detectMilestones(db: Db): Promise<number> {
  await refreshCreditTotals(db);
  const recorded = await db.milestone.findMany({
    select: { kind: true, value: true, userId: true, galaxyId: true, text: true, reachedAt: true },
  });
  const [survey, series] = await Promise.all([surveyTotals(db), projectSeries(db)]);
  const reached: Record<MilestoneKind, number> = { ...survey, ...projectTotals(series) };
  // Every landmark of a kind when one is missing, else none.
  const settle = (kind: MilestoneKind) => {
    const have = recorded.filter((r) => r.kind === kind).map((r) => r.value);
    return missingLandmarks(kind, reached[kind], have).length ? landmarksUpTo(reached[kind], FIRST_LANDMARK[kind]) : [];
  };
  const all = (kind: MilestoneKind) => landmarksUpTo(reached[kind], FIRST_LANDMARK[kind]);
  const found = [
    ...(await workUnitLandmarks(db, settle("work_units"))),
    ...(await pixelLandmarks(db, settle("pixels"))),
    ...(await galaxyLandmarks(db, settle("galaxies"))),
    ...projectLandmarks(series, all("credit"), all("volunteers")),
  ];
  return found.length ? record(db, found, recorded) : 0;
}

type Recorded = {
  kind: string;
  value: number;
  userId: number | null;
  galaxyId: number | null;
  text: string;
  reachedAt: Date;
};
const keyOf = (m: { kind: string; value: number }) => `${m.kind}:${m.value}`;
const sameRow = (a: Recorded, b: Recorded) =>
  a.userId === b.userId && a.galaxyId === b.galaxyId && a.text === b.text && +a.reachedAt === +b.reachedAt;

/** What settling a landmark may change (the first volunteer credited, where, when, the words). */
const SETTLED = ["user_id", "galaxy_id", "text", "reached_at"];

/**
 * Writes the landmarks that are new or settled differently, nothing when nothing changed: an
 * ingest that crosses no landmark then only reads (no write lock wanted on SQLite).
 */
async function record(db: Db, found: FoundMilestone[], recorded: Recorded[]): Promise<number> {
  const areaIds = found.flatMap((f) => (f.areaId === null ? [] : [f.areaId]));
  const galaxyIds = [...new Set(found.flatMap((f) => (f.galaxyId === null ? [] : [f.galaxyId])))];
  const [credited, galaxies] = await Promise.all([
    db.areaUser.findMany({
      where: { areaId: { in: areaIds } },
      orderBy: [{ areaId: "asc" }, { userId: "asc" }],
      select: { areaId: true, userId: true },
    }),
    db.galaxy.findMany({ where: { id: { in: galaxyIds } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(galaxies.map((g) => [g.id, g.name]));
  const before = new Map(recorded.map((r) => [keyOf(r), r]));
  const rows = found
    .map((f): Recorded => ({
      kind: f.kind,
      value: f.value,
      // The first credited volunteer (lowest id); the feed finds the others through the area.
      userId: credited.find((c) => c.areaId === f.areaId)?.userId ?? null,
      galaxyId: f.galaxyId,
      text: milestoneText(f.kind, f.value, f.galaxyId === null ? null : (nameOf.get(f.galaxyId) ?? null)),
      reachedAt: f.reachedAt,
    }))
    .filter((row) => {
      const was = before.get(keyOf(row));
      return !was || !sameRow(was, row);
    });
  if (!rows.length) return 0;
  const p = new BoundParams(db);
  const values = rows.map(
    (r) => `(${p.list([r.kind, r.value, r.userId, r.galaxyId, r.text])}, ${p.time(r.reachedAt)})`,
  );
  return db.$executeRawUnsafe(
    `INSERT INTO "milestone" ("kind", "value", "user_id", "galaxy_id", "text", "reached_at") VALUES ${values.join(", ")} ` +
      `ON CONFLICT ("kind", "value") DO UPDATE SET ${SETTLED.map((c) => `"${c}" = excluded."${c}"`).join(", ")} ` +
      `WHERE ${SETTLED.map((c) => `"milestone"."${c}" IS DISTINCT FROM excluded."${c}"`).join(" OR ")}`,
    ...p.values,
  );
}

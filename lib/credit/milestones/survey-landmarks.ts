/**
 * Landmarks of the survey's progress: the n-th work unit and the n-th pixel fitted (work units
 * numbered in the order they were processed: area.processedAt, then area id), and the n-th galaxy
 * completed (in the order of its last area's results). Each is a count read cheaply from the
 * galaxy rows, then, only when a landmark is missing, one ordered pass over the areas.
 */
import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/credit/sql";
import { toMs } from "@/lib/credit/challenges/raw-sql";
import type { MilestoneKind } from "./landmarks";
import { FINISHED_STATUSES } from "@/lib/survey/status";

export interface FoundMilestone {
  kind: MilestoneKind;
  value: number;
  reachedAt: Date;
  galaxyId: number | null;
  /** the area whose results reached it, whose volunteers are credited with it */
  areaId: number | null;
}

type Row = Record<string, unknown>;
const DONE = FINISHED_STATUSES.map((s) => `'${s}'`).join(", ");
// Landmarks are whole numbers the detector makes itself, so they are written into the SQL.
const integers = (values: readonly number[]) => values.map((v) => String(Math.trunc(v))).join(", ");

export async function surveyTotals(db: Db) {
  const [sums, galaxies] = await Promise.all([
    db.galaxy.aggregate({ _sum: { areasProcessed: true, pixelsProcessed: true } }),
    db.galaxy.count({ where: { status: { in: [...FINISHED_STATUSES] } } }),
  ]);
  return {
    work_units: sums._sum.areasProcessed ?? 0,
    pixels: sums._sum.pixelsProcessed ?? 0,
    galaxies,
  };
}

const found = (kind: MilestoneKind, r: Row, value: number, withArea: boolean): FoundMilestone => ({
  kind,
  value,
  reachedAt: new Date(toMs(r.reached_at)),
  galaxyId: toNumber(r.galaxy_id),
  areaId: withArea ? toNumber(r.id) : null,
});

export async function workUnitLandmarks(db: Db, landmarks: number[]): Promise<FoundMilestone[]> {
  if (!landmarks.length) return [];
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT "n", "id", "galaxy_id", "processed_at" AS "reached_at" FROM (` +
      `SELECT "id", "galaxy_id", "processed_at", ROW_NUMBER() OVER (ORDER BY "processed_at", "id") AS "n" ` +
      `FROM "area" WHERE "processed_at" IS NOT NULL) "ranked" WHERE "n" IN (${integers(landmarks)})`,
  );
  return rows.map((r) => found("work_units", r, toNumber(r.n), true));
}

export async function pixelLandmarks(db: Db, landmarks: number[]): Promise<FoundMilestone[]> {
  if (!landmarks.length) return [];
  const reaching = landmarks.map((v) => `("cum" >= ${integers([v])} AND "cum" - "pixel_count" < ${integers([v])})`);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT "id", "galaxy_id", "processed_at" AS "reached_at", "cum", "pixel_count" FROM (` +
      `SELECT "id", "galaxy_id", "processed_at", "pixel_count", ` +
      `SUM("pixel_count") OVER (ORDER BY "processed_at", "id" ROWS UNBOUNDED PRECEDING) AS "cum" ` +
      `FROM "area" WHERE "processed_at" IS NOT NULL) "running" WHERE ${reaching.join(" OR ")}`,
  );
  return landmarks.flatMap((v) => {
    const r = rows.find((row) => toNumber(row.cum) >= v && toNumber(row.cum) - toNumber(row.pixel_count) < v);
    return r ? [found("pixels", r, v, true)] : [];
  });
}

export async function galaxyLandmarks(db: Db, landmarks: number[]): Promise<FoundMilestone[]> {
  if (!landmarks.length) return [];
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT "n", "galaxy_id", "reached_at" FROM (` +
      `SELECT g."id" AS "galaxy_id", MAX(a."processed_at") AS "reached_at", ` +
      `ROW_NUMBER() OVER (ORDER BY MAX(a."processed_at"), g."id") AS "n" ` +
      `FROM "galaxy" g JOIN "area" a ON a."galaxy_id" = g."id" WHERE g."status" IN (${DONE}) GROUP BY g."id"` +
      `) "completed" WHERE "n" IN (${integers(landmarks)})`,
  );
  return rows.map((r) => found("galaxies", r, toNumber(r.n), false));
}

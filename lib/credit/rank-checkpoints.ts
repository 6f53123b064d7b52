/**
 * Checkpoints of the volunteers' list orders (by total credit, by RAC order): every 1,000th
 * position's key and id, and how many rows have a larger key there. Finding position 50,000 (page
 * 1,000 of the RAC leaderboard) or a volunteer's rank otherwise walks 50,000 index entries, over
 * 50 ms on PostgreSQL; from the nearest checkpoint it walks at most 1,000 (ranked-order.ts).
 *
 * Only the rows with a key above 0 are covered: those keys change only with a statistics import.
 * A results ingest adds placeholder volunteers (credit and RAC 0), which join the rows at 0 after
 * every checkpoint. So the checkpoints are rebuilt after each import (its follow-up calls
 * refreshRankCheckpoints; an ingest leaves them alone) and are used only while the export they were
 * built after is still the newest; else positions are found as before.
 */
import type { Db } from "@/lib/db/client";
import { SqlParams, toNumber } from "./sql";

export const CHECKPOINT_SPACING = 1000;

export type CheckpointList = "total_credit" | "rac_order";
const LISTS: CheckpointList[] = ["total_credit", "rac_order"];

export interface Checkpoint {
  position: number;
  key: number;
  id: number;
  /** rows with a larger key */
  above: number;
}

export interface Checkpoints {
  /** by position: 0, 1000, 2000, … */
  points: Checkpoint[];
  /** rows with a key above 0 (the rows the checkpoints cover) */
  positive: number;
}

async function newestExportId(db: Db): Promise<number | null> {
  const newest = await db.statsExport.findFirst({ orderBy: { exportTime: "desc" }, select: { id: true } });
  return newest?.id ?? null;
}

/** Rebuilds the checkpoints of both lists unless they were built after the newest export. */
export async function refreshRankCheckpoints(db: Db): Promise<void> {
  const exportId = await newestExportId(db);
  if (exportId === null) return;
  for (const list of LISTS) {
    if (await db.rankCheckpoint.findFirst({ where: { list, exportId }, select: { exportId: true } })) continue;
    const q = new SqlParams(db);
    const rows = await db.$queryRawUnsafe<{ p: unknown; k: number; id: number; a: unknown; n: unknown }[]>(
      `SELECT "p", "k", "id", "a", "n" FROM (SELECT "${list}" AS "k", "id", ` +
        `ROW_NUMBER() OVER (ORDER BY "${list}" DESC, "id" ASC) - 1 AS "p", ` +
        `RANK() OVER (ORDER BY "${list}" DESC) - 1 AS "a", COUNT(*) OVER () AS "n" ` +
        `FROM "boinc_user" WHERE "${list}" > 0) x WHERE "p" % ${q.add(CHECKPOINT_SPACING)} = 0`,
      ...q.values,
    );
    await db.$transaction([
      db.rankCheckpoint.deleteMany({ where: { list } }),
      db.rankCheckpoint.createMany({
        data: rows.map((r) => ({
          list,
          position: toNumber(r.p),
          key: Number(r.k),
          rowId: Number(r.id),
          above: toNumber(r.a),
          positive: toNumber(r.n),
          exportId,
        })),
      }),
    ]);
  }
}

/** Per client and list: the checkpoints read for the newest export (they change only with it). */
const cache = new WeakMap<Db, Map<string, { exportId: number; checkpoints: Checkpoints }>>();

/** The list's checkpoints when they were built after the newest export, else null. */
export async function currentCheckpoints(db: Db, list: string): Promise<Checkpoints | null> {
  if (!LISTS.includes(list as CheckpointList)) return null;
  const exportId = await newestExportId(db);
  if (exportId === null) return null;
  const byList = cache.get(db) ?? new Map<string, { exportId: number; checkpoints: Checkpoints }>();
  cache.set(db, byList);
  const kept = byList.get(list);
  if (kept?.exportId === exportId) return kept.checkpoints;
  const rows = await db.rankCheckpoint.findMany({ where: { list, exportId }, orderBy: { position: "asc" } });
  if (!rows.length) return null;
  const checkpoints = {
    points: rows.map((r) => ({ position: r.position, key: r.key, id: r.rowId, above: r.above })),
    positive: rows[0].positive,
  };
  byList.set(list, { exportId, checkpoints });
  return checkpoints;
}

/**
 * Positions and ranks in a volunteers' list order found from the nearest checkpoint
 * (rank-checkpoints.ts) rather than from the top: each read walks at most about a checkpoint's
 * spacing of index entries. Both answer undefined when there are no current checkpoints (teams,
 * before the first import, just after an import), and ranked-order.ts then walks from the top.
 */
import type { Db } from "@/lib/db/client";
import { CHECKPOINT_SPACING, currentCheckpoints, type Checkpoint } from "./rank-checkpoints";
import type { FoundRow, OrderedTable } from "./ranked-order";
import { SqlParams, toNumber } from "./sql";

const checkpointsOf = (db: Db, t: OrderedTable) =>
  t.table === "boinc_user" ? currentCheckpoints(db, t.key) : Promise.resolve(null);

async function count(db: Db, t: OrderedTable, where: (q: SqlParams) => string): Promise<number> {
  const q = new SqlParams(db);
  const sql = `SELECT COUNT(*) AS n FROM "${t.table}" WHERE ${where(q)}`;
  const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(sql, ...q.values);
  return toNumber(row.n);
}

/** Rows with a larger key than a checkpoint's, plus those between it and `key` (≤ its key). */
function largerFrom(db: Db, t: OrderedTable, c: Checkpoint, key: number): Promise<number> {
  const k = `"${t.key}"`;
  return count(db, t, (q) => `${k} > ${q.add(key)} AND ${k} <= ${q.add(c.key)}`).then((n) => c.above + n);
}

/** Rows with a larger key than `key`, or undefined without current checkpoints. */
export async function largerThan(db: Db, t: OrderedTable, key: number): Promise<number | undefined> {
  const cp = await checkpointsOf(db, t);
  if (!cp) return undefined;
  const k = `"${t.key}"`;
  if (key <= 0) return cp.positive + (await count(db, t, (q) => `${k} <= 0 AND ${k} > ${q.add(key)}`));
  // The last checkpoint with a key ≥ `key`: the rows between it and `key` are fewer than the spacing.
  const c = cp.points.findLast((p) => p.key >= key);
  return c ? largerFrom(db, t, c, key) : count(db, t, (q) => `${k} > ${q.add(key)}`);
}

/** Every row: those the checkpoints cover and those at 0 or below; undefined without checkpoints. */
export async function rowCountFromCheckpoints(db: Db, t: OrderedTable): Promise<number | undefined> {
  const cp = await checkpointsOf(db, t);
  return cp ? cp.positive + (await count(db, t, () => `"${t.key}" <= 0`)) : undefined;
}

/** The row at 0-based position `n` (null past the end), or undefined near the top or without checkpoints. */
export async function rowAtFromCheckpoint(db: Db, t: OrderedTable, n: number): Promise<FoundRow | null | undefined> {
  if (n < CHECKPOINT_SPACING) return undefined;
  const cp = await checkpointsOf(db, t);
  if (!cp) return undefined;
  const k = `"${t.key}"`;
  if (n >= cp.positive) {
    // Past the checkpoints: the rows at 0 (volunteers without credit or RAC), by id.
    const q = new SqlParams(db);
    const [at] = await db.$queryRawUnsafe<{ k: number }[]>(
      `SELECT ${k} AS k FROM "${t.table}" WHERE ${k} <= 0 ORDER BY ${k} DESC LIMIT 1 OFFSET ${q.add(n - cp.positive)}`,
      ...q.values,
    );
    if (!at) return null;
    const key = Number(at.k);
    const larger = cp.positive + (await count(db, t, (p) => `${k} <= 0 AND ${k} > ${p.add(key)}`));
    const r = new SqlParams(db);
    const [row] = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "${t.table}" WHERE ${k} = ${r.add(key)} ORDER BY "id" LIMIT 1 OFFSET ${r.add(n - larger)}`,
      ...r.values,
    );
    return row ? { key, id: Number(row.id), larger } : null;
  }
  const c = cp.points[Math.floor(n / CHECKPOINT_SPACING)];
  if (c?.position !== Math.floor(n / CHECKPOINT_SPACING) * CHECKPOINT_SPACING) return undefined;
  const q = new SqlParams(db);
  const [row] = await db.$queryRawUnsafe<{ k: number; id: number }[]>(
    `SELECT ${k} AS k, "id" FROM "${t.table}" WHERE ${k} > 0 AND ${k} <= ${q.add(c.key)} ` +
      `AND NOT (${k} = ${q.add(c.key)} AND "id" < ${q.add(c.id)}) ` +
      `ORDER BY ${k} DESC, "id" ASC LIMIT 1 OFFSET ${q.add(n - c.position)}`,
    ...q.values,
  );
  if (!row) return null;
  const key = Number(row.k);
  return { key, id: Number(row.id), larger: await largerFrom(db, t, c, key) };
}

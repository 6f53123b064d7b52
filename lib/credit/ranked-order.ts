/**
 * Positions in a list ordered by a key descending, ties by id ascending (volunteers or teams by
 * credit, RAC order or members), found through the key's index without walking the rows.
 *
 * `ORDER BY key DESC, id ASC OFFSET n` is slow deep in a large table: the index holds (key, id)
 * ascending, so the engine sorts every tie group on the way and reads each skipped row. Instead the
 * row at position n is found in three index-only steps: the key value there (OFFSET over the key
 * alone), how many rows have a larger key (a range count), and the id at the right offset inside
 * that key's tie group (where the index is already in id order). For volunteers, deep positions and
 * counts start from the nearest checkpoint instead (checkpoint-order.ts). Hidden volunteers
 * (listed.ts) are few and known, so visible positions are found by stepping over them.
 *
 * Ranks are competition ranks among listed rows: 1 + the number of listed rows with a larger key
 * (equal keys share a rank; the list shows them by id).
 */
import type { Db } from "@/lib/db/client";
import { largerThan, rowAtFromCheckpoint, rowCountFromCheckpoints } from "./checkpoint-order";
import { keptCreditTotals } from "./credit-totals";
import { hiddenBefore, type HiddenKey } from "./listed";
import { placeholder, toNumber } from "./sql";

export interface OrderedTable {
  table: "boinc_user" | "team";
  key: "total_credit" | "rac_order" | "member_count";
}

export interface RowKey {
  key: number;
  id: number;
}

/** A row found by position, with the number of rows (hidden or not) whose key is larger. */
export interface FoundRow extends RowKey {
  larger: number;
}

/** Rows with a larger key than `key`, or before (key, id) when an id is given (every row, hidden or not). */
export async function rowsBefore(db: Db, t: OrderedTable, key: number, id?: number): Promise<number> {
  const p = (n: number) => placeholder(db, n);
  const larger = `SELECT COUNT(*) AS n FROM "${t.table}" WHERE "${t.key}" > ${p(1)}`;
  const above =
    (await largerThan(db, t, key)) ?? toNumber((await db.$queryRawUnsafe<{ n: unknown }[]>(larger, key))[0].n);
  if (id === undefined) return above;
  const tied = `SELECT COUNT(*) AS n FROM "${t.table}" WHERE "${t.key}" = ${p(1)} AND "id" < ${p(2)}`;
  const [b] = await db.$queryRawUnsafe<{ n: unknown }[]>(tied, key, id);
  return above + toNumber(b.n);
}

/** The row at 0-based position `n` of the whole table in list order, or null past the end. */
async function rowAt(db: Db, t: OrderedTable, n: number): Promise<FoundRow | null> {
  const fromCheckpoint = await rowAtFromCheckpoint(db, t, n);
  if (fromCheckpoint !== undefined) return fromCheckpoint;
  const p = (k: number) => placeholder(db, k);
  const [at] = await db.$queryRawUnsafe<{ k: number; larger: unknown }[]>(
    `SELECT a.k AS k, (SELECT COUNT(*) FROM "${t.table}" WHERE "${t.key}" > a.k) AS larger ` +
      `FROM (SELECT "${t.key}" AS k FROM "${t.table}" ORDER BY "${t.key}" DESC LIMIT 1 OFFSET ${p(1)}) a`,
    n,
  );
  if (!at) return null;
  const key = Number(at.k);
  const larger = toNumber(at.larger);
  const [row] = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "${t.table}" WHERE "${t.key}" = ${p(1)} ORDER BY "id" LIMIT 1 OFFSET ${p(2)}`,
    key,
    n - larger,
  );
  return row ? { key, id: Number(row.id), larger } : null;
}

/**
 * The listed row at 0-based listed position `n`: the raw position moves past the hidden rows
 * before it (their number only grows as it moves, so this settles in a step or two).
 */
export async function listedRowAt(
  db: Db,
  t: OrderedTable,
  n: number,
  hidden: readonly HiddenKey[],
): Promise<FoundRow | null> {
  const hiddenIds = new Set(hidden.map((h) => h.id));
  let raw = n;
  for (;;) {
    const row = await rowAt(db, t, raw);
    if (!row) return null;
    const listedBefore = raw - hiddenBefore(hidden, row.key, row.id);
    if (listedBefore < n) raw += n - listedBefore;
    else if (hiddenIds.has(row.id)) raw += 1;
    else return row;
  }
}

/** Competition rank among listed rows of a row with this key. */
export async function listedRank(db: Db, t: OrderedTable, key: number, hidden: readonly HiddenKey[]): Promise<number> {
  return 1 + (await rowsBefore(db, t, key)) - hiddenBefore(hidden, key);
}

/** 0-based listed position of a listed row. */
export async function listedPosition(db: Db, t: OrderedTable, row: RowKey, hidden: readonly HiddenKey[]) {
  return (await rowsBefore(db, t, row.key, row.id)) - hiddenBefore(hidden, row.key, row.id);
}

/**
 * Ranks of a page of rows in list order from its first row: the first from the count of larger
 * keys, each next one the same as the row before when their keys are equal, else its position
 * (which is what a competition rank is).
 */
export function ranksFrom(
  first: FoundRow,
  keys: readonly number[],
  firstPosition: number,
  hidden: readonly HiddenKey[],
): number[] {
  const ranks: number[] = [];
  for (const [i, key] of keys.entries())
    ranks.push(
      i === 0
        ? 1 + first.larger - hiddenBefore(hidden, first.key)
        : key === keys[i - 1]
          ? ranks[i - 1]
          : firstPosition + i + 1,
    );
  return ranks;
}

/**
 * Competition ranks of rows given in list order but not consecutive (search matches): each rank
 * from the count before it plus the rows between the two keys, so the counts add up to one pass
 * over the index however deep the matches are.
 */
export async function ranksOfKeys(
  db: Db,
  t: OrderedTable,
  keys: readonly number[],
  hidden: readonly HiddenKey[],
): Promise<number[]> {
  const ranks: number[] = [];
  let larger = 0;
  for (const [i, key] of keys.entries()) {
    if (i === 0) larger = await rowsBefore(db, t, key);
    else if (key !== keys[i - 1]) {
      const between = `SELECT COUNT(*) AS n FROM "${t.table}" WHERE "${t.key}" > ${placeholder(db, 1)} AND "${t.key}" <= ${placeholder(db, 2)}`;
      const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(between, key, keys[i - 1]);
      larger += toNumber(row.n);
    }
    ranks.push(1 + larger - hiddenBefore(hidden, key));
  }
  return ranks;
}

/** Every row of the list's table: the kept volunteer count or its checkpoints when current, else counted. */
export async function countRows(db: Db, t: OrderedTable): Promise<number> {
  const kept = t.table === "boinc_user" ? (await keptCreditTotals(db))?.users : undefined;
  const counted = kept ?? (await rowCountFromCheckpoints(db, t));
  if (counted !== undefined) return counted;
  // Not Prisma's count(), which wraps the query in a subquery the engine cannot shortcut.
  const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM "${t.table}"`);
  return toNumber(row.n);
}

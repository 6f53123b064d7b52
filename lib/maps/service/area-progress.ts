/**
 * Every work unit of a galaxy with when it was processed, for the progress overlay, a page at a
 * time: the largest galaxies have tens of thousands of work units, and one answer holding them all
 * took longer to read and send than any other route. Pages follow the (galaxyId, y0, x0) index
 * from the last area of the previous page (a keyset, so a deep page costs what the first does);
 * the client reads them in turn (components/galaxy/use-area-progress.ts).
 */
import { SqlParams } from "@/lib/credit/sql";
import type { MapsContext } from "./context";

export type ProgressBox = [x0: number, y0: number, x1: number, y1: number, processedAt: number | null];

export interface AreaProgress {
  /** Every area, with when its results were stored (Unix seconds), null while outstanding. */
  areas: ProgressBox[];
  /** Earliest and latest processing time (Unix seconds) of the whole galaxy, null when nothing is processed. */
  first: number | null;
  last: number | null;
}

export interface AreaProgressPage extends AreaProgress {
  /** `after` for the next page (the id of this page's last area), null on the last page */
  next: number | null;
}

/** Areas a page holds: one page for all but the largest galaxies, each read in a few milliseconds. */
export const PROGRESS_PAGE_SIZE = 2000;

type Row = { id: number | bigint; x0: number; y0: number; x1: number; y1: number; processed_at: unknown };

/**
 * One page in (y0, x0, id) order, after the area `after` (from the first when undefined). Null
 * for an unknown galaxy; "bad-cursor" when `after` is no area of this galaxy.
 */
export async function getAreaProgressPage(
  { db }: MapsContext,
  galaxyId: number,
  after?: number,
  size = PROGRESS_PAGE_SIZE,
): Promise<AreaProgressPage | null | "bad-cursor"> {
  const galaxy = await db.galaxy.findUnique({ where: { id: galaxyId }, select: { id: true } });
  if (!galaxy) return null;
  const p = new SqlParams(db);
  let where = `"galaxy_id" = ${p.add(galaxyId)}`;
  if (after !== undefined) {
    const from = await db.area.findFirst({ where: { id: after, galaxyId }, select: { y0: true, x0: true } });
    if (!from) return "bad-cursor";
    // (y0, x0, id) > the cursor's, with y0 ≥ its y0 as the index range both engines seek to.
    where +=
      ` AND "y0" >= ${p.add(from.y0)} AND ("y0" > ${p.add(from.y0)} OR "x0" > ${p.add(from.x0)}` +
      ` OR ("x0" = ${p.add(from.x0)} AND "id" > ${p.add(after)}))`;
  }
  const [rows, first, last] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(
      `SELECT "id", "x0", "y0", "x1", "y1", "processed_at" FROM "area" WHERE ${where} ` +
        `ORDER BY "y0", "x0", "id" LIMIT ${p.add(size + 1)}`,
      ...p.values,
    ),
    processedEnd(db, galaxyId, "asc"),
    processedEnd(db, galaxyId, "desc"),
  ]);
  const more = rows.length > size;
  const page = more ? rows.slice(0, size) : rows;
  const areas = page.map((r): ProgressBox => {
    const t = r.processed_at === null ? null : Math.floor(msOf(r.processed_at) / 1000);
    return [Number(r.x0), Number(r.y0), Number(r.x1), Number(r.y1), t];
  });
  return { areas, first, last, next: more ? Number(page.at(-1)!.id) : null };
}

/** A DateTime read by raw SQL: a Date (PostgreSQL) or the ISO text Prisma stores in SQLite. */
const msOf = (value: unknown) => (value instanceof Date ? value.getTime() : Date.parse(String(value)));

/** The galaxy's earliest or latest processing time: one step along the (galaxyId, processedAt) index. */
async function processedEnd(db: MapsContext["db"], galaxyId: number, dir: "asc" | "desc"): Promise<number | null> {
  const row = await db.area.findFirst({
    where: { galaxyId, processedAt: { not: null } },
    orderBy: { processedAt: dir },
    select: { processedAt: true },
  });
  return row?.processedAt ? Math.floor(row.processedAt.getTime() / 1000) : null;
}

/** Every page at once (the archive lifecycle's snapshots compare the whole overlay). */
export async function getAreaProgress(ctx: MapsContext, galaxyId: number): Promise<AreaProgress | null> {
  const areas: ProgressBox[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await getAreaProgressPage(ctx, galaxyId, after);
    if (page === null || page === "bad-cursor") return null;
    areas.push(...page.areas);
    if (page.next === null) return { areas, first: page.first, last: page.last };
    after = page.next;
  }
}

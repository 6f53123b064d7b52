/**
 * "Name contains" for volunteers, teams and countries, the same on both engines: LOWER() on both
 * sides (Prisma's `contains` is case-insensitive on SQLite but not on PostgreSQL), with the
 * pattern's own % and _ escaped so that they match themselves.
 */
import type { Db } from "@/lib/db/client";
import { placeholder, toNumber } from "./sql";

export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface NameSearch {
  table: "boinc_user" | "team" | "country_total";
  /** the name column and the order key; ties are broken by `id` */
  name: string;
  key: string;
  id: string;
  /** an extra SQL condition (listed volunteers only) */
  where?: string;
}

/** One page of matches, in list order (key descending, id ascending), and how many match in all. */
export async function searchByName<Id extends number | string>(
  db: Db,
  s: NameSearch,
  text: string,
  page: { skip: number; take: number },
): Promise<{ total: number; matches: { id: Id; key: number }[] }> {
  const p = (n: number) => placeholder(db, n);
  const where = `LOWER("${s.name}") LIKE ${p(1)} ESCAPE '\\'${s.where ? ` AND ${s.where}` : ""}`;
  const pattern = likePattern(text);
  const [count] = await db.$queryRawUnsafe<{ n: unknown }[]>(
    `SELECT COUNT(*) AS n FROM "${s.table}" WHERE ${where}`,
    pattern,
  );
  const rows = await db.$queryRawUnsafe<{ id: Id; k: number }[]>(
    `SELECT "${s.id}" AS id, "${s.key}" AS k FROM "${s.table}" WHERE ${where} ` +
      `ORDER BY "${s.key}" DESC, "${s.id}" ASC LIMIT ${p(2)} OFFSET ${p(3)}`,
    pattern,
    page.take,
    page.skip,
  );
  return {
    total: toNumber(count.n),
    matches: rows.map((r) => ({ id: (typeof r.id === "bigint" ? Number(r.id) : r.id) as Id, key: Number(r.k) })),
  };
}

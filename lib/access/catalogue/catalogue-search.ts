/**
 * The catalogue search, in SQL that runs the same on SQLite and PostgreSQL. A cone is prefiltered
 * with the RA/Dec box that contains it (on the indexed ra, dec columns; split in two across RA
 * 0/360, all of RA over a pole), then kept by the exact great-circle distance.
 */
import { angularDistance, coneBox } from "@/lib/access/sky/great-circle";
import { db as processDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { CataloguePage, CatalogueQuery, CatalogueRow } from "./catalogue-types";

type RawRow = {
  id: number | bigint;
  name: string;
  ra: number;
  dec: number;
  redshift: number;
  hubble_type: string;
  status: string;
  status_time: Date | string | number | bigint;
  width: number | bigint;
  height: number | bigint;
  pixel_scale: number;
  pixel_count: number | bigint;
  pixels_processed: number | bigint;
  archive_size: number | null;
};

const COLUMNS = Prisma.sql`id, name, ra, dec, redshift, hubble_type, status, status_time, width, height, pixel_scale, pixel_count, pixels_processed, archive_size`;

/** LIKE wildcards in the visitor's text match themselves. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(query: CatalogueQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (query.name) {
    const needle = `%${likeEscaped(query.name.toLowerCase().replace(/\s+/g, ""))}%`;
    parts.push(Prisma.sql`replace(lower(name), ' ', '') LIKE ${needle} ESCAPE '\\'`);
  }
  if (query.hubbleType)
    parts.push(Prisma.sql`substr(hubble_type, 1, ${query.hubbleType.length}) = ${query.hubbleType}`);
  if (query.zMin !== undefined) parts.push(Prisma.sql`redshift >= ${query.zMin}`);
  if (query.zMax !== undefined) parts.push(Prisma.sql`redshift <= ${query.zMax}`);
  if (query.status) parts.push(Prisma.sql`status = ${query.status}`);
  if (query.cone) {
    const box = coneBox(query.cone.ra, query.cone.dec, query.cone.radiusArcmin / 60);
    parts.push(Prisma.sql`dec BETWEEN ${box.decMin} AND ${box.decMax}`);
    const allRa = box.raRanges.length === 1 && box.raRanges[0][0] <= 0 && box.raRanges[0][1] >= 360;
    if (!allRa) {
      const ranges = box.raRanges.map(([lo, hi]) => Prisma.sql`ra BETWEEN ${lo} AND ${hi}`);
      parts.push(Prisma.sql`(${Prisma.join(ranges, " OR ")})`);
    }
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function order(query: CatalogueQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.raw("DESC") : Prisma.raw("ASC");
  const column = Prisma.raw(query.sort === "distance" ? "name" : query.sort);
  return Prisma.sql`ORDER BY ${column} ${dir}, id ASC`;
}

/** Raw queries give SQLite's stored text (or epoch milliseconds from older clients) or a Date. */
function statusTimeOf(v: RawRow["status_time"]): string {
  return new Date(typeof v === "bigint" ? Number(v) : v).toISOString();
}

function toRow(r: RawRow): CatalogueRow {
  return {
    id: Number(r.id),
    name: r.name,
    ra: r.ra,
    dec: r.dec,
    redshift: r.redshift,
    hubbleType: r.hubble_type,
    status: r.status,
    statusTime: statusTimeOf(r.status_time),
    width: Number(r.width),
    height: Number(r.height),
    pixelScale: r.pixel_scale,
    pixelCount: Number(r.pixel_count),
    pixelsProcessed: Number(r.pixels_processed),
    archiveSize: r.archive_size === null ? null : Number(r.archive_size),
  };
}

/** The SQL order of `order()`, in JS, for the rows a cone keeps (plus distance). */
function compare(query: CatalogueQuery) {
  const sign = query.dir === "desc" ? -1 : 1;
  const key = query.sort === "distance" ? "distanceArcmin" : query.sort;
  return (a: CatalogueRow, b: CatalogueRow): number => {
    const va = a[key]!;
    const vb = b[key]!;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c !== 0 ? sign * c : a.id - b.id;
  };
}

/** One page of the catalogue (or, for exports, the first `pageSize` rows). */
export async function searchCatalogue(query: CatalogueQuery, database: Db = processDb()): Promise<CataloguePage> {
  const where = conditions(query);
  const offset = (query.page - 1) * query.pageSize;
  if (!query.cone) {
    const [count, raw] = await Promise.all([
      database.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM galaxy ${where}`,
      database.$queryRaw<
        RawRow[]
      >`SELECT ${COLUMNS} FROM galaxy ${where} ${order(query)} LIMIT ${query.pageSize} OFFSET ${offset}`,
    ]);
    const total = Number(count[0]?.n ?? 0);
    return { total, rows: raw.map(toRow), pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
  }
  const { ra, dec, radiusArcmin } = query.cone;
  const candidates = await database.$queryRaw<RawRow[]>`SELECT ${COLUMNS} FROM galaxy ${where}`;
  const inside = candidates
    .map(toRow)
    .map((row) => ({ ...row, distanceArcmin: angularDistance(ra, dec, row.ra, row.dec) * 60 }))
    .filter((row) => row.distanceArcmin <= radiusArcmin)
    .sort(compare(query));
  return {
    total: inside.length,
    rows: inside.slice(offset, offset + query.pageSize),
    pageCount: Math.max(1, Math.ceil(inside.length / query.pageSize)),
  };
}

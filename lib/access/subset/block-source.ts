/**
 * The result blocks of the work units overlapping a box, as the subset scan reads them. On SQLite
 * straight from the database file through a read-only better-sqlite3 connection: Prisma 7 turns
 * every Bytes value of a raw query into an array of numbers and back into a Buffer, which made a
 * 256² cutout of a 1532² galaxy (3,000 blocks, 30 MB) cost ~400 ms instead of ~150 ms; lib/hdf5
 * reads its rows the same way (result-rows.ts). PostgreSQL goes through Prisma. A deleted galaxy's
 * blocks come from its stored archive (lib/archive-store), the same bytes, a batch at a time; its
 * areas are found in the database the same way.
 */
import Database from "better-sqlite3";
import { deletedGalaxyResults } from "@/lib/archive-store/stored-results";
import type { PixelBox } from "@/lib/access/region/region-types";
import { isPostgresClient, type Db } from "@/lib/db/client";

export interface BlockRow {
  pixelCount: number;
  xy: Uint8Array;
  stats: Uint8Array;
  resultsVersion: number;
}

export interface BlockSource {
  /**
   * Blocks of the galaxy's areas intersecting `box`, in batches; each row's bytes are used before
   * the next batch is asked for (an archive's batches reuse their buffers).
   */
  overlapping(galaxyId: number, box: PixelBox): AsyncIterable<Iterable<BlockRow>>;
  close(): void;
}

type RawRow = { pixel_count: number | bigint; xy: Uint8Array; stats: Uint8Array; results_version: number | bigint };

const IN_BOX = "a.galaxy_id = ? AND a.y0 < ? AND a.y1 > ? AND a.x0 < ? AND a.x1 > ?";
const SQL = `SELECT b.pixel_count, b.xy, b.stats, b.results_version FROM area a JOIN pixel_result_block b ON b.area_id = a.id WHERE ${IN_BOX}`;
const AREAS_SQL = `SELECT a.id FROM area a WHERE ${IN_BOX} ORDER BY a.id`;

const toRow = (r: RawRow): BlockRow => ({
  pixelCount: Number(r.pixel_count),
  xy: r.xy,
  stats: r.stats,
  resultsVersion: Number(r.results_version),
});

function* mapped(rows: Iterable<RawRow>): Generator<BlockRow> {
  for (const r of rows) yield toRow(r);
}

type DatabaseSource = {
  blocks(galaxyId: number, box: PixelBox): Promise<Iterable<BlockRow>>;
  /** ids of the galaxy's areas intersecting `box`, ascending */
  areaIds(galaxyId: number, box: PixelBox): Promise<number[]>;
  close(): void;
};

/** The blocks from the database, or from the stored archive for a galaxy whose rows are deleted. */
export async function openBlockSource(db: Db): Promise<BlockSource> {
  const database = await openDatabaseSource(db);
  return {
    async *overlapping(galaxyId, box) {
      const archive = await deletedGalaxyResults(db, galaxyId);
      if (!archive) yield await database.blocks(galaxyId, box);
      else yield* archive.batches(await database.areaIds(galaxyId, box), ["xy", "stats"]);
    },
    close: () => database.close(),
  };
}

async function openDatabaseSource(db: Db): Promise<DatabaseSource> {
  if (isPostgresClient(db))
    return {
      blocks: async (galaxyId, b) =>
        (
          await db.$queryRaw<RawRow[]>`
            SELECT b.pixel_count, b.xy, b.stats, b.results_version FROM area a JOIN pixel_result_block b ON b.area_id = a.id
            WHERE a.galaxy_id = ${galaxyId} AND a.y0 < ${b.y1} AND a.y1 > ${b.y0} AND a.x0 < ${b.x1} AND a.x1 > ${b.x0}`
        ).map(toRow),
      areaIds: async (galaxyId, b) =>
        (
          await db.area.findMany({
            where: { galaxyId, x0: { lt: b.x1 }, x1: { gt: b.x0 }, y0: { lt: b.y1 }, y1: { gt: b.y0 } },
            select: { id: true },
            orderBy: { id: "asc" },
          })
        ).map((a) => a.id),
      close: () => {},
    };
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>("PRAGMA database_list");
  const sqlite = new Database(main.file, { readonly: true, fileMustExist: true });
  const statement = sqlite.prepare<unknown[], RawRow>(SQL);
  const areas = sqlite.prepare<unknown[], number>(AREAS_SQL).pluck();
  return {
    blocks: async (galaxyId, b) => mapped(statement.iterate(galaxyId, b.y1, b.y0, b.x1, b.x0)),
    areaIds: async (galaxyId, b) => areas.all(galaxyId, b.y1, b.y0, b.x1, b.x0),
    close: () => sqlite.close(),
  };
}

// What a galaxy file is written from: the areas (work units) inside its box, their credited users
// and their result blocks, read a page or a tile at a time. On SQLite straight from the database
// file (sqlite-rows.ts): Prisma 7 hands every Bytes value through base64 and back, four copies of
// each 10 KB block, which made reading a 1532² galaxy's blocks take 11 s and ~280 MB more memory
// than a direct read's 4 s (README.md, "Memory"). PostgreSQL goes through Prisma (prisma-rows.ts).
import { deletedGalaxyResults } from "@/lib/archive-store/stored-results";
import { isPostgresClient, type Db } from "@/lib/db/client";
import { archiveBlocks } from "./archive-result-rows";
import type { PixelBox } from "./pixel-selection";
import { prismaRows } from "./prisma-rows";
import { sqliteRows } from "./sqlite-rows";

export type AreaRow = {
  id: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixelCount: number;
  firstPixelId: number;
  workunitId: number | null;
  updatedAt: Date;
};

export type AreaUserRow = { areaId: number; userId: number; createdAt: Date };

export type ResultRow = {
  areaId: number;
  pixelCount: number;
  xy: Uint8Array;
  stats: Uint8Array;
  bestFit: Uint8Array;
  histograms: Uint8Array | null;
  area: { x0: number; y0: number; x1: number; y1: number; firstPixelId: number; mask: Uint8Array };
};

export type GalaxyRows = {
  countAreas(box: PixelBox): Promise<{ areas: number; areaUsers: number }>;
  /** Up to `limit` areas intersecting `box` with ids above `afterId`, in id order. */
  areas(box: PixelBox, afterId: number, limit: number): Promise<AreaRow[]>;
  /** The users of the areas intersecting `box` with ids in (afterId, lastId], by area then user. */
  areaUsers(box: PixelBox, afterId: number, lastId: number): Promise<AreaUserRow[]>;
  /**
   * The result blocks of the areas intersecting `box`, in area order. A row's bytes may be
   * overwritten by the next row's: use them before moving on, and iterate before the next call.
   */
  blocks(box: PixelBox): Promise<Iterable<ResultRow>>;
  close(): void;
};

/**
 * The rows of galaxy `galaxyId`; close when done. A deleted galaxy's result blocks come from its
 * stored archive (the areas and their users are still in the database).
 */
export async function openGalaxyRows(db: Db, galaxyId: number, withHistograms: boolean): Promise<GalaxyRows> {
  const rows = await openDatabaseRows(db, galaxyId, withHistograms);
  const archive = await deletedGalaxyResults(db, galaxyId);
  if (!archive) return rows;
  return { ...rows, blocks: (box) => archiveBlocks(db, archive, galaxyId, box, withHistograms) };
}

async function openDatabaseRows(db: Db, galaxyId: number, withHistograms: boolean): Promise<GalaxyRows> {
  if (isPostgresClient(db)) return prismaRows(db, galaxyId, withHistograms);
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>("PRAGMA database_list");
  return sqliteRows(main.file, galaxyId, withHistograms);
}

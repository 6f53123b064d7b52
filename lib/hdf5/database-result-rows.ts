// A galaxy's `pixel_result_block` rows in area order, every column the readers use, a page at a
// time: what the archive's copy (result-copy-writer.ts) is written from. SQLite straight from the
// file (result-rows.ts says why), PostgreSQL through Prisma.
import Database from "better-sqlite3";
import { isPostgresClient, type Db } from "@/lib/db/client";
import type { StoredResultRow } from "./result-copy";

const PAGE = 512;

type Raw = {
  areaId: number;
  pixelCount: number;
  resultsVersion: number;
  xy: Uint8Array;
  stats: Uint8Array;
  display: Uint8Array;
  bestFit: Uint8Array;
  histograms: Uint8Array | null;
  fluxes: Uint8Array | null;
  fluxFilters: string;
};

export async function* databaseResultRows(db: Db, galaxyId: number): AsyncGenerator<StoredResultRow> {
  if (isPostgresClient(db)) {
    for (let after = 0; ;) {
      const page: Raw[] = await db.pixelResultBlock.findMany({
        where: { galaxyId, areaId: { gt: after } },
        orderBy: { areaId: "asc" },
        take: PAGE,
        select: {
          areaId: true,
          pixelCount: true,
          resultsVersion: true,
          xy: true,
          stats: true,
          display: true,
          bestFit: true,
          histograms: true,
          fluxes: true,
          fluxFilters: true,
        },
      });
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].areaId;
    }
  }
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>("PRAGMA database_list");
  const sqlite = new Database(main.file, { readonly: true, fileMustExist: true });
  try {
    const statement = sqlite.prepare<unknown[], Raw>(
      `SELECT area_id AS areaId, pixel_count AS pixelCount, results_version AS resultsVersion, xy, stats, display,
              best_fit AS bestFit, histograms, fluxes, flux_filters AS fluxFilters
         FROM pixel_result_block WHERE galaxy_id = ? AND area_id > ? ORDER BY area_id LIMIT ?`,
    );
    for (let after = 0; ;) {
      const page = statement.all(galaxyId, after, PAGE);
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].areaId;
    }
  } finally {
    sqlite.close();
  }
}

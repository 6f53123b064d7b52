// GalaxyRows on SQLite: a read-only better-sqlite3 connection to the database file the client uses
// (result-rows.ts says why). Blobs come as hex text, decoded into buffers reused from row to row:
// a blob read as a Buffer is memory outside the JavaScript heap that lives until a full
// collection, which comes only after tens of MB of them, while the text dies young.
import Database from "better-sqlite3";
import type { PixelBox } from "./pixel-selection";
import type { AreaRow, AreaUserRow, GalaxyRows, ResultRow } from "./result-rows";

type HexColumn = "xy" | "stats" | "bestFit" | "histograms" | "mask";
type BlockRow = { [K in HexColumn]: string | null } & Omit<ResultRow, "area" | HexColumn> &
  Omit<ResultRow["area"], "mask">;

/** Hex text decoded into one growing buffer, reused from row to row. */
class HexDecoder {
  private buffer = Buffer.alloc(64 << 10);
  decode(hex: string | null): Uint8Array {
    const text = hex ?? "";
    if (text.length / 2 > this.buffer.length) this.buffer = Buffer.alloc(Math.max(text.length, 2 * this.buffer.length));
    return this.buffer.subarray(0, this.buffer.write(text, "hex"));
  }
}

// Prisma stores a DateTime as ISO text with an offset (or, from older clients, epoch milliseconds).
const time = (v: string | number) => new Date(v);
// An area intersects a box [x0, x1) × [y0, y1); binds galaxy, box.y1, box.y0, box.x1, box.x0.
const IN_BOX = "a.galaxy_id = ? AND a.y0 < ? AND a.y1 > ? AND a.x0 < ? AND a.x1 > ?";

export function sqliteRows(file: string, galaxyId: number, withHistograms: boolean): GalaxyRows {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const boxArgs = (b: PixelBox) => [galaxyId, b.y1, b.y0, b.x1, b.x0] as const;
  const count = sqlite.prepare<unknown[], { areas: number; areaUsers: number }>(
    `SELECT (SELECT COUNT(*) FROM area a WHERE ${IN_BOX}) AS areas,
            (SELECT COUNT(*) FROM area_user u JOIN area a ON a.id = u.area_id WHERE ${IN_BOX}) AS areaUsers`,
  );
  const areas = sqlite.prepare<unknown[], Omit<AreaRow, "updatedAt"> & { updatedAt: string | number }>(
    `SELECT id, x0, y0, x1, y1, pixel_count AS pixelCount, first_pixel_id AS firstPixelId,
            workunit_id AS workunitId, updated_at AS updatedAt
       FROM area a WHERE ${IN_BOX} AND a.id > ? ORDER BY a.id LIMIT ?`,
  );
  const users = sqlite.prepare<unknown[], Omit<AreaUserRow, "createdAt"> & { createdAt: string | number }>(
    `SELECT u.area_id AS areaId, u.user_id AS userId, u.created_at AS createdAt
       FROM area_user u JOIN area a ON a.id = u.area_id
      WHERE ${IN_BOX} AND u.area_id > ? AND u.area_id <= ? ORDER BY u.area_id, u.user_id`,
  );
  const blocks = sqlite.prepare<unknown[], BlockRow>(
    `SELECT b.area_id AS areaId, b.pixel_count AS pixelCount, hex(b.xy) AS xy, hex(b.stats) AS stats,
            hex(b.best_fit) AS bestFit, ${withHistograms ? "hex(b.histograms)" : "NULL"} AS histograms,
            a.x0, a.y0, a.x1, a.y1, a.first_pixel_id AS firstPixelId, hex(a.mask) AS mask
       FROM area a JOIN pixel_result_block b ON b.area_id = a.id
      WHERE ${IN_BOX} ORDER BY a.id`,
  );
  const hex = {
    xy: new HexDecoder(),
    stats: new HexDecoder(),
    bestFit: new HexDecoder(),
    histograms: new HexDecoder(),
    mask: new HexDecoder(),
  };
  function* blockRows(box: PixelBox): Generator<ResultRow> {
    for (const r of blocks.iterate(...boxArgs(box)))
      yield {
        areaId: r.areaId,
        pixelCount: r.pixelCount,
        xy: hex.xy.decode(r.xy),
        stats: hex.stats.decode(r.stats),
        bestFit: hex.bestFit.decode(r.bestFit),
        histograms: r.histograms === null ? null : hex.histograms.decode(r.histograms),
        area: { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1, firstPixelId: r.firstPixelId, mask: hex.mask.decode(r.mask) },
      };
  }
  return {
    countAreas: async (box) => count.get(...boxArgs(box), ...boxArgs(box))!,
    areas: async (box, afterId, limit) =>
      areas.all(...boxArgs(box), afterId, limit).map((a) => ({ ...a, updatedAt: time(a.updatedAt) })),
    areaUsers: async (box, afterId, lastId) =>
      users.all(...boxArgs(box), afterId, lastId).map((u) => ({ ...u, createdAt: time(u.createdAt) })),
    blocks: async (box) => blockRows(box),
    close: () => sqlite.close(),
  };
}

/**
 * A galaxy's stored results as four value grids (µ, log10 M*, log10 Ldust, log10 SFR), in FITS
 * order (`grid[x + width·y]`, row 0 = bottom), NaN where a pixel has no result. Read from the
 * `display` arrays of its `pixel_result_block` rows: one indexed range scan, no statistics.
 *
 * Consistency: tiles are keyed by results version, so the grids must hold exactly the results of
 * the version they are labelled with. An ingest bumps `galaxy.results_version` and stamps the
 * blocks it writes with the new version in one transaction, so: read the version, then the
 * blocks (one statement, one snapshot); if any block carries a newer version, an ingest landed in
 * between and the read is retried under the newer version.
 */
import { deletedGalaxyResults } from "@/lib/archive-store/stored-results";
import { PARAMETER_MAP_KEYS, type ParameterMapKey } from "@/lib/maps/parameter-maps";
import { DISPLAY_VALUES, typedView } from "@/lib/survey/result-block";
import type { MapsContext } from "./context";

export type ValueGrids = Record<ParameterMapKey, Float32Array>;

export interface ResultGrids {
  galaxyId: number;
  version: number;
  width: number;
  height: number;
  values: ValueGrids;
  /** Pixels holding a result. */
  pixels: number;
}

export interface ResultBlockRow {
  pixelCount: number;
  xy: Uint8Array;
  display: Uint8Array;
}

export class ResultsChangedError extends Error {}

/** Empty grids (all NaN) of a galaxy's size. */
export function emptyGrids(width: number, height: number): ValueGrids {
  // One allocation and one fill for the four grids.
  const n = width * height;
  const all = new Float32Array(PARAMETER_MAP_KEYS.length * n).fill(NaN);
  const grids = {} as ValueGrids;
  PARAMETER_MAP_KEYS.forEach((key, k) => (grids[key] = all.subarray(k * n, (k + 1) * n)));
  return grids;
}

/**
 * Writes the display values of result blocks into grids. Pixels outside the galaxy (a corrupt
 * block) are skipped rather than wrapped onto another row. Returns the pixels written.
 */
export function scatterBlocks(
  rows: Iterable<ResultBlockRow>,
  grids: ValueGrids,
  width: number,
  height: number,
): number {
  const [mu, m, ldust, sfr] = PARAMETER_MAP_KEYS.map((k) => grids[k]);
  let written = 0;
  for (const row of rows) {
    const n = row.pixelCount;
    if (row.xy.byteLength < 4 * n || row.display.byteLength < 4 * DISPLAY_VALUES * n) {
      throw new RangeError(`result block holds fewer values than its ${n} pixels`);
    }
    const xy = typedView(Uint16Array, row.xy, 2 * n);
    const d = typedView(Float32Array, row.display, DISPLAY_VALUES * n);
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      if (x >= width || y >= height) continue;
      const at = x + width * y;
      const o = DISPLAY_VALUES * i;
      mu[at] = d[o];
      m[at] = d[o + 1];
      ldust[at] = d[o + 2];
      sfr[at] = d[o + 3];
      written++;
    }
  }
  return written;
}

/**
 * The raw rows, in one statement. Plain SQL rather than `findMany`: a 1532² galaxy has ~70,000
 * blocks and Prisma's per-row mapping took ~40 % longer than this query (same SQL on SQLite and
 * PostgreSQL; BLOB and bytea both arrive as Uint8Array). Exported for the bench's baseline.
 */
export async function readResultBlockRows(
  { db }: MapsContext,
  galaxyId: number,
): Promise<(ResultBlockRow & { resultsVersion: number })[]> {
  // A deleted galaxy's rows are in its stored archive (lib/archive-store): the same bytes.
  const archive = await deletedGalaxyResults(db, galaxyId);
  if (archive) return archive.rows(archive.areaIds(), ["xy", "display"]);
  const rows = await db.$queryRaw<
    { pixel_count: number | bigint; xy: Uint8Array; display: Uint8Array; results_version: number | bigint }[]
  >`
    SELECT pixel_count, xy, display, results_version FROM pixel_result_block WHERE galaxy_id = ${galaxyId}`;
  return rows.map((r) => ({
    pixelCount: Number(r.pixel_count),
    xy: r.xy,
    display: r.display,
    resultsVersion: Number(r.results_version),
  }));
}

/** The galaxy's current results as grids, or null for an unknown galaxy. */
export async function readResultGrids(ctx: MapsContext, galaxyId: number, attempts = 5): Promise<ResultGrids | null> {
  for (let attempt = 1; ; attempt++) {
    const galaxy = await ctx.db.galaxy.findUnique({
      where: { id: galaxyId },
      select: { width: true, height: true, resultsVersion: true },
    });
    if (!galaxy) return null;
    const rows = await readResultBlockRows(ctx, galaxyId);
    if (rows.some((r) => r.resultsVersion > galaxy.resultsVersion)) {
      if (attempt >= attempts) throw new ResultsChangedError(`results of galaxy ${galaxyId} kept changing while read`);
      continue;
    }
    const { width, height } = galaxy;
    const values = emptyGrids(width, height);
    const pixels = scatterBlocks(rows, values, width, height);
    return { galaxyId, version: galaxy.resultsVersion, width, height, values, pixels };
  }
}

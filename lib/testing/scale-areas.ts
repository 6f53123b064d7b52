/**
 * The survey-scale galaxies and their work units, written by bulk inserts: each catalogue galaxy
 * gets an elliptical footprint of its pixel count, cut into work units by the POGS rules
 * (lib/survey/work-units), each area credited to two or three volunteers drawn by their credit
 * (the 2012–13 quorum), and GalaxyUser rows summing those credits as the ingest keeps them.
 * With the real catalogue that is 5,861 galaxies, ~1.9 M areas and ~4 M area-user rows.
 */
import type { Db } from "@/lib/db/client";
import { Rng } from "@/lib/demo/random";
import { encodeAreaMask } from "@/lib/survey/area-mask";
import { planWorkUnits } from "@/lib/survey/work-units";
import { BulkInsert } from "./bulk-insert";
import type { CatalogueGalaxy } from "./scale-catalogue";
import { inTransaction } from "./scale-sqlite";

type Progress = (phase: string, done: number, total: number) => void;

export interface ScaleAreas {
  galaxyIds: number[];
  areas: number;
  areaUsers: number;
  galaxyUsers: number;
  pixels: number;
}

/** An ellipse of about `pixels` usable pixels centred in a width × height image. */
export function ellipseFootprint(width: number, height: number, pixels: number): Uint8Array {
  const usable = new Uint8Array(width * height);
  const a = Math.min(width / 2, Math.sqrt((pixels * width) / (Math.PI * height)));
  const b = Math.min(height / 2, (a * height) / width);
  const [cx, cy] = [(width - 1) / 2, (height - 1) / 2];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) usable[y * width + x] = ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1 ? 1 : 0;
  return usable;
}

/** Picks volunteers with a chance proportional to their credit (heavy crunchers do most areas). */
function creditPicker(users: { id: number; credit: number }[], r: Rng): () => number {
  const cumulative = new Float64Array(users.length);
  let sum = 0;
  for (const [k, u] of users.entries()) cumulative[k] = sum += Math.max(1, u.credit);
  return () => {
    const v = r.next() * sum;
    let [lo, hi] = [0, users.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return users[lo].id;
  };
}

export async function writeScaleAreas(
  db: Db,
  galaxies: CatalogueGalaxy[],
  options: {
    firstGalaxyId: number; /** the newest export: the last areas were processed then */
    processedAt: Date;
    seed: string;
    onProgress?: Progress;
  },
): Promise<ScaleAreas> {
  const r = Rng.fromSeed(`scale-areas:${options.seed}`);
  const run = await db.run.findFirstOrThrow({ where: { name: "default" }, select: { id: true } });
  const users = (await db.boincUser.findMany({ select: { id: true, totalCredit: true } })).map((u) => ({
    id: u.id,
    credit: u.totalCredit,
  }));
  const pick = creditPicker(users, r);
  const firstIds = await db.area.aggregate({ _max: { id: true, firstPixelId: true, workunitId: true } });
  let areaId = firstIds._max.id ?? 0;
  let pixelId = (firstIds._max.firstPixelId ?? 0) + 1_000_000;
  const out: ScaleAreas = { galaxyIds: [], areas: 0, areaUsers: 0, galaxyUsers: 0, pixels: 0 };
  // Galaxies were processed one after another over the last 300 days, their areas 30 s apart.
  const span = 300 * 86_400_000;
  const end = options.processedAt.getTime();
  const galaxyRows = new BulkInsert(db, "galaxy", GALAXY_COLUMNS);
  const areaRows = new BulkInsert(db, "area", AREA_COLUMNS, 500);
  const areaUsers = new BulkInsert(db, "area_user", ["area_id", "user_id", "created_at"]);
  const galaxyUsers = new BulkInsert(db, "galaxy_user", GALAXY_USER_COLUMNS);
  const flush = () =>
    inTransaction(db, async (tx) => {
      for (const w of [galaxyRows, areaRows, areaUsers, galaxyUsers]) await w.flush(tx);
    });
  for (const [k, g] of galaxies.entries()) {
    const id = options.firstGalaxyId + k;
    const start = end - span + (span * k) / galaxies.length;
    let at = new Date(start);
    const usable = ellipseFootprint(g.width, g.height, g.pixelCount);
    const planned = planWorkUnits(usable, g.width, g.height);
    const contributions = new Map<number, { areas: number; pixels: number }>();
    let pixels = 0;
    for (const p of planned) {
      const { mask } = encodeAreaMask(p, (x, y) => usable[y * g.width + x] === 1);
      at = new Date(Math.min(end, at.getTime() + 30_000));
      areaRows.add(++areaId, id, p.x0, p.y0, p.x1, p.y1, p.pixelCount, pixelId, mask, areaId, at, at);
      pixelId += p.pixelCount;
      pixels += p.pixelCount;
      const credited = new Set<number>();
      for (let n = r.bool(0.1) ? 3 : 2; credited.size < n;) credited.add(pick());
      for (const userId of credited) {
        areaUsers.add(areaId, userId, at);
        const c = contributions.get(userId) ?? { areas: 0, pixels: 0 };
        c.areas++;
        c.pixels += p.pixelCount;
        contributions.set(userId, c);
      }
    }
    for (const [userId, c] of contributions) galaxyUsers.add(id, userId, c.areas, c.pixels, at);
    const wcs = JSON.stringify({
      ctype: ["RA---TAN", "DEC--TAN"],
      crpix: [(g.width + 1) / 2, (g.height + 1) / 2],
      crval: [g.ra, g.dec],
      cd: [
        [-1.5 / 3600, 0],
        [0, 1.5 / 3600],
      ],
    });
    const counts = [pixels, pixels, planned.length, planned.length];
    const shape = [g.ra, g.dec, g.redshift, g.hubbleType, g.width, g.height, 1.5, wcs];
    galaxyRows.add(id, run.id, g.name, ...shape, "processed", at, 0, ...counts, new Date(start), at);
    out.galaxyIds.push(id);
    out.areas += planned.length;
    out.areaUsers += [...contributions.values()].reduce((s, c) => s + c.areas, 0);
    out.galaxyUsers += contributions.size;
    out.pixels += pixels;
    if (areaUsers.pending() >= 100_000 || k === galaxies.length - 1) {
      await flush();
      options.onProgress?.("Writing galaxies and work units", k + 1, galaxies.length);
    }
  }
  return out;
}

const GALAXY_COLUMNS = [
  ...["id", "run_id", "name", "ra", "dec", "redshift", "hubble_type", "width", "height", "pixel_scale", "wcs"],
  ...["status", "status_time", "results_version", "pixel_count", "pixels_processed", "area_count"],
  ...["areas_processed", "created_at", "updated_at"],
];
const AREA_COLUMNS = [
  ...["id", "galaxy_id", "x0", "y0", "x1", "y1", "pixel_count", "first_pixel_id", "mask", "workunit_id"],
  ...["processed_at", "updated_at"],
];
const GALAXY_USER_COLUMNS = ["galaxy_id", "user_id", "area_count", "pixel_count", "created_at"];

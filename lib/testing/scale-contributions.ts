/**
 * The scale survey's galaxies, who contributed to them (GalaxyUser, as the ingest counts it), and
 * the country totals the statistics import writes. A volunteer's pixels follow their credit (10
 * credits a pixel, the default run's cobblestone factor), spread over more galaxies the more they did.
 */
import type { Db } from "@/lib/db/client";
import { Rng } from "@/lib/demo/random";
import { BulkInsert } from "./bulk-insert";
import type { ExportDay, ScalePopulation } from "./scale-population";

const CREDIT_PER_PIXEL = 10;

export async function writeContributions(
  db: Db,
  pop: ScalePopulation,
  final: ExportDay,
  galaxyCount: number,
  now: Date,
): Promise<number> {
  const r = Rng.fromSeed("scale-galaxies");
  const run = await db.run.findFirstOrThrow({ where: { name: "default" }, select: { id: true } });
  const galaxies = new BulkInsert(db, "galaxy", GALAXY_COLUMNS);
  for (let id = 1; id <= galaxyCount; id++) {
    const size = 64 + r.int(0, 400);
    const pixels = Math.round(size * size * 0.6);
    const position = [r.uniform(0, 360), r.uniform(-60, 70), r.uniform(0.002, 0.1)];
    galaxies.add(id, run.id, `SCALE ${id}`, ...position, size, size, 1.5, "{}", "computing", pixels, now);
  }
  await galaxies.flush();
  const rows = new BulkInsert(db, "galaxy_user", ["galaxy_id", "user_id", "area_count", "pixel_count"]);
  for (const u of pop.users) {
    const total = final.users.total[u.id - 1];
    if (total < CREDIT_PER_PIXEL) continue;
    const pixels = Math.floor(total / CREDIT_PER_PIXEL);
    const count = Math.min(galaxyCount, 30, Math.max(1, Math.round(Math.log2(pixels / 100))));
    const first = r.int(0, galaxyCount);
    for (let k = 0; k < count; k++) {
      const share = Math.max(1, Math.round(pixels / count));
      rows.add(1 + ((first + k * 7) % galaxyCount), u.id, Math.max(1, Math.round(share / 16)), share);
    }
  }
  await rows.flush();
  return rows.written;
}

const GALAXY_COLUMNS = [
  ...["id", "run_id", "name", "ra", "dec", "redshift", "width", "height", "pixel_scale", "wcs", "status"],
  ...["pixel_count", "updated_at"],
];

/** Volunteers, credit and RAC per country at the newest export, as the statistics import writes them. */
export async function writeCountryTotals(db: Db, pop: ScalePopulation, final: ExportDay, time: number): Promise<void> {
  const totals = new Map<string, { users: number; credit: number; rac: number }>();
  for (const u of pop.users) {
    const k = u.id - 1;
    if (final.users.total[k] <= 0 || !u.country) continue;
    const c = totals.get(u.country) ?? { users: 0, credit: 0, rac: 0 };
    c.users++;
    c.credit += final.users.total[k];
    c.rac += final.users.racAt(k, time);
    totals.set(u.country, c);
  }
  const rows = new BulkInsert(db, "country_total", ["country", "users", "total_credit", "rac", "updated_at"]);
  for (const [country, c] of totals) rows.add(country, c.users, c.credit, c.rac, new Date(time * 1000));
  await rows.flush();
}

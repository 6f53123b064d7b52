// Results that have not arrived yet: for a few outstanding work units of each computing galaxy of
// the e2e survey, the MAGPHYS `.fit` file (and its sidecar naming the volunteer) that the demo's
// volunteers would have returned next, written beside the survey. A browser test ingests one of
// them through the real ingest CLI while a page is open, to see the page pick up the new results
// version without a reload.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { DEMO_CATALOGUE_OPTIONS, drawCatalogue } from "@/lib/demo/catalogue";
import { buildPhysicalModel } from "@/lib/demo/physical-maps";
import { demoFitText } from "@/lib/demo/build/demo-results";
import { readObservedLayers } from "@/lib/demo/build/observed-layers";
import { usablePixels } from "@/lib/survey/area-mask";

export const PENDING_DIR = "pending-results";

/** `<dataDir>/pending-results/<galaxyId>/area<id>.fit` (+ `.json`). */
export function pendingResultFile(dataDir: string, galaxyId: number, areaId: number): string {
  return path.join(dataDir, PENDING_DIR, String(galaxyId), `area${areaId}.fit`);
}

const squash = (name: string) => name.replace(/\s+/g, "");

export async function writePendingResults(
  db: Db,
  dataDir: string,
  demo: { seed: string | number; galaxies: number; maxSize: number },
  perGalaxy = 3,
): Promise<number> {
  const catalogue = drawCatalogue(demo.seed, {
    ...DEMO_CATALOGUE_OPTIONS,
    count: demo.galaxies,
    maxSize: demo.maxSize,
  });
  const user = await db.boincUser.findFirstOrThrow({
    orderBy: [{ totalCredit: "desc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  const galaxies = await db.galaxy.findMany({ where: { status: "computing" }, select: { id: true, name: true } });
  let written = 0;
  for (const galaxy of galaxies) {
    const demoGalaxy = catalogue.find((g) => squash(g.name) === squash(galaxy.name));
    if (!demoGalaxy) throw new Error(`no demo galaxy named ${galaxy.name}`);
    const areas = await db.area.findMany({
      where: { galaxyId: galaxy.id, processedAt: null },
      orderBy: { id: "asc" },
      take: perGalaxy,
      select: { id: true, x0: true, y0: true, x1: true, y1: true, firstPixelId: true, mask: true },
    });
    if (!areas.length) continue;
    const model = buildPhysicalModel(demoGalaxy);
    const layers = await readObservedLayers(db, dataDir, galaxy.id);
    for (const area of areas) {
      const { x, y } = usablePixels(area, area.mask);
      const file = pendingResultFile(dataDir, galaxy.id, area.id);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        demoFitText(model, { firstPixelId: area.firstPixelId, x, y }, layers, demoGalaxy.redshift),
        "latin1",
      );
      writeFileSync(
        file.replace(/\.fit$/, ".json"),
        JSON.stringify({ users: [{ id: user.id, name: user.name }], workunit_id: 2_000_000 + area.id }),
      );
      written++;
    }
  }
  return written;
}

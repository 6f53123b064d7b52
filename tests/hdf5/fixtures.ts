// Galaxies for the archive tests, made the way the survey makes them: a demo galaxy registered from
// its FITS files, and a galaxy wider than one 1024-pixel block (areas made directly) holding the
// real POGS work unit; results in both come in as .fit texts through the ingest.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { demoFitsDir, writeDemoBandFiles } from "@/lib/demo/build/demo-fits";
import { demoFitText } from "@/lib/demo/build/demo-results";
import { drawCatalogue } from "@/lib/demo/catalogue";
import { renderGalaxyImages } from "@/lib/demo/images";
import { buildPhysicalModel, type PhysicalModel } from "@/lib/demo/physical-maps";
import { collectBands, registerGalaxy } from "@/lib/ingest/registration";
import { ingestFits, type FitInput } from "@/lib/ingest/results";
import { usablePixels } from "@/lib/survey/area-mask";
import { createTestGalaxy } from "@/tests/helpers/galaxy-fixture";
import { SHARED_DIR } from "@/lib/testing/shared-dir";

export const POGS_FIXTURE = path.join(SHARED_DIR, "fixtures/magphys/PGC1068443c_area244140_0_0.fit");
export const POGS_FIRST_ID = 4573581;

const demoGalaxy = drawCatalogue("hdf5", { count: 1, maxSize: 48, sizeScale: 0.2 })[0];
let model: PhysicalModel | null = null;
const demoModel = () => (model ??= buildPhysicalModel(demoGalaxy));

type AreaRow = { id: number; x0: number; y0: number; x1: number; y1: number; firstPixelId: number; mask: Uint8Array };

/** A .fit text for an area, from the demo's physical model (positions folded into the model's image). */
export function fitTextFor(area: AreaRow): string {
  const m = demoModel();
  const { x, y } = usablePixels(area, area.mask);
  const layers = demoGalaxy.filters.map((f) => ({
    filterName: f,
    image: new Float32Array(m.width * m.height).fill(1e-5),
    sigma: null,
  }));
  return demoFitText(
    m,
    { firstPixelId: area.firstPixelId, x: Array.from(x, (v) => v % m.width), y: Array.from(y, (v) => v % m.height) },
    layers,
    demoGalaxy.redshift,
  );
}

export function fitInput(area: AreaRow, over: Partial<FitInput> = {}): FitInput {
  return {
    fileName: `area${area.id}.fit`,
    text: fitTextFor(area),
    users: [{ id: 5, name: "Ann" }, { id: 9 }],
    workunitId: 1_000_000 + area.id,
    receivedAt: new Date(Date.UTC(2026, 10, 20, 10, area.id % 60)),
    ...over,
  };
}

async function ingestAll(db: Db, inputs: FitInput[]): Promise<void> {
  const report = await ingestFits(db, inputs);
  if (report.refused)
    throw new Error(`fixture refused: ${JSON.stringify(report.outcomes.filter((o) => o.status === "refused"))}`);
}

const areasOf = (db: Db, galaxyId: number) =>
  db.area.findMany({
    where: { galaxyId },
    orderBy: { id: "asc" },
    select: { id: true, x0: true, y0: true, x1: true, y1: true, firstPixelId: true, mask: true, pixelCount: true },
  });

/** A demo galaxy registered from its FITS bands, with results for every work unit: processed. */
export async function registeredProcessedGalaxy(db: Db, dataDir: string): Promise<number> {
  const files = await writeDemoBandFiles(
    demoFitsDir(path.join(dataDir, "inputs"), demoGalaxy.name),
    demoGalaxy,
    renderGalaxyImages(demoGalaxy).bands,
  );
  const registered = await registerGalaxy(db, dataDir, await collectBands(files), {
    name: demoGalaxy.name,
    ra: demoGalaxy.ra,
    dec: demoGalaxy.dec,
  });
  await ingestAll(
    db,
    (await areasOf(db, registered.id)).map((a) => fitInput(a)),
  );
  return registered.id;
}

/**
 * A galaxy 1100 × 14 (two blocks along x): the real POGS work unit (9 pixels at x 10–12, y 4–6),
 * an area across the block boundary at x = 1024 with some unusable pixels, and two more.
 * `outstanding` areas (from the end) get no results, leaving the galaxy computing.
 */
export async function wideGalaxy(db: Db, name: string, firstPixelId: number, outstanding = 0): Promise<number> {
  const hasFixture = existsSync(POGS_FIXTURE) && firstPixelId === POGS_FIRST_ID;
  const first = { x0: 10, y0: 4, x1: 13, y1: 7, firstPixelId };
  const straddling = {
    x0: 1018,
    y0: 0,
    x1: 1030,
    y1: 7,
    firstPixelId: firstPixelId + 9,
    usable: (x: number, y: number) => (x + 2 * y) % 5 !== 0,
  };
  // POGS ids need only be unique and consecutive within an area: gaps between areas are allowed.
  const middle = { x0: 500, y0: 7, x1: 504, y1: 14, firstPixelId: straddling.firstPixelId + 84 };
  const last = { x0: 1090, y0: 7, x1: 1100, y1: 14, firstPixelId: middle.firstPixelId + 28 };
  const { galaxy } = await createTestGalaxy(db, {
    name,
    width: 1100,
    height: 14,
    areas: [first, straddling, middle, last],
  });
  const areas = await areasOf(db, galaxy.id);
  const inputs = areas.slice(0, areas.length - outstanding).map((a, i) =>
    i === 0 && hasFixture
      ? fitInput(a, {
          fileName: "PGC1068443c_area244140_0_0.fit",
          text: readFileSync(POGS_FIXTURE, "latin1"),
          workunitId: 244140,
        })
      : fitInput(a),
  );
  await ingestAll(db, inputs);
  return galaxy.id;
}

/**
 * The four parameter maps (µ, M*, L_dust, SFR: the medians the viewer draws) as FITS files, one a
 * map, made from the stored results on first request for each results version and kept under
 * DATA_DIR/products/<galaxy>/v<version>/ (older versions are removed when a newer one is made).
 * Each has the layout of a one-parameter subset of the whole image.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { extensionHeader, primaryHeader } from "@/lib/access/subset/fits-headers";
import type { SubsetGalaxy } from "@/lib/access/subset/subset-galaxy";
import { writeFitsFile } from "@/lib/fits";
import { SingleFlight } from "@/lib/maps/single-flight";
import type { MapsContext } from "@/lib/maps/service/context";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { MAP_VALUES, PARAMETERS, Statistic } from "@/lib/survey/parameters";

export const PRODUCTS_DIR = "products";

const flights = ((globalThis as unknown as { pogsMapFileFlights?: SingleFlight<void> }).pogsMapFileFlights ??=
  new SingleFlight<void>());

export const mapFileName = (key: string) => `${key}_median.fits`;

export function mapFilesDir(dataDir: string, galaxyId: number, version: number): string {
  return path.join(dataDir, PRODUCTS_DIR, String(galaxyId), `v${version}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeMaps(ctx: MapsContext, galaxy: SubsetGalaxy, dir: string): Promise<void> {
  const grids = await readResultGrids(ctx, galaxy.id);
  if (!grids || grids.version !== galaxy.resultsVersion) return; // a newer version exists: its own request makes it
  await mkdir(dir, { recursive: true });
  const box = { x0: 0, y0: 0, x1: galaxy.width, y1: galaxy.height };
  const statistics = [Statistic.PERCENTILE_50];
  for (const m of MAP_VALUES) {
    const asked = `${PARAMETERS[m.parameterId - 1].column} median map of the whole image`;
    await writeFitsFile(path.join(dir, mapFileName(m.key)), [
      { header: primaryHeader(galaxy, box, [m.parameterId], statistics, asked) },
      {
        name: PARAMETERS[m.parameterId - 1].column,
        header: extensionHeader(galaxy, box, m.parameterId, statistics),
        data: grids.values[m.key],
        shape: [galaxy.width, galaxy.height],
      },
    ]);
  }
  // Older versions go once the new one is complete; a download in progress keeps its open file.
  const parent = path.dirname(dir);
  for (const entry of await readdir(parent))
    if (entry !== path.basename(dir) && /^v\d+$/.test(entry))
      await rm(path.join(parent, entry), { recursive: true, force: true });
}

/** The map files of the galaxy's current results version (made if missing); [] before any result. */
export async function parameterMapFiles(
  ctx: MapsContext,
  galaxy: SubsetGalaxy,
): Promise<{ key: string; file: string }[]> {
  if (galaxy.pixelsProcessed === 0) return [];
  const dir = mapFilesDir(ctx.dataDir, galaxy.id, galaxy.resultsVersion);
  const files = MAP_VALUES.map((m) => ({ key: m.key, file: path.join(dir, mapFileName(m.key)) }));
  const last = files[files.length - 1].file;
  if (!(await exists(last)))
    await flights.run(dir, async () => void ((await exists(last)) || (await writeMaps(ctx, galaxy, dir))));
  return (await exists(last)) ? files : [];
}

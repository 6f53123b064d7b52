/**
 * The four parameter maps (µ, M*, L_dust, SFR: the medians the viewer draws) as FITS files, one a
 * map, made from the stored results once for each results version and kept under
 * DATA_DIR/products/<galaxy>/v<version>/ (older versions are removed when a newer one is made).
 * Each has the layout of a one-parameter subset of the whole image. An ingest makes them with the
 * galaxy's pyramids (`makeParameterMapFiles`), so the data page finds them and their digests
 * ready; a galaxy whose maps are missing (results stored by an older portal) gets them on first request.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { extensionHeader, primaryHeader } from "@/lib/access/subset/fits-headers";
import { loadSubsetGalaxy, type SubsetGalaxy } from "@/lib/access/subset/subset-galaxy";
import { fitsSize, type HduInput, writeFitsFile } from "@/lib/fits";
import { SingleFlight } from "@/lib/maps/single-flight";
import type { MapsContext } from "@/lib/maps/service/context";
import { readResultGrids } from "@/lib/maps/service/result-grids";
import { MAP_VALUES, PARAMETERS, Statistic } from "@/lib/survey/parameters";
import { fileDigest } from "./file-digest";

export const PRODUCTS_DIR = "products";

const flights = ((globalThis as unknown as { pogsMapFileFlights?: SingleFlight<void> }).pogsMapFileFlights ??=
  new SingleFlight<void>());

export const mapFileName = (key: string) => `${key}_median.fits`;

// Results stored, in the database or the archive store: a galaxy whose work units are done but whose
// results were never ingested has no maps (not four of NaN).
const hasResults = (galaxy: SubsetGalaxy) => galaxy.pixelsProcessed > 0 && galaxy.resultsVersion > 0;

export function mapFilesDir(dataDir: string, galaxyId: number, version: number): string {
  return path.join(dataDir, PRODUCTS_DIR, String(galaxyId), `v${version}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** One map file's HDUs: an empty primary HDU describing the request, the map as an extension. */
function mapHdus(galaxy: SubsetGalaxy, m: (typeof MAP_VALUES)[number], values: Float32Array): HduInput[] {
  const box = { x0: 0, y0: 0, x1: galaxy.width, y1: galaxy.height };
  const statistics = [Statistic.PERCENTILE_50];
  const asked = `${PARAMETERS[m.parameterId - 1].column} median map of the whole image`;
  return [
    { header: primaryHeader(galaxy, box, [m.parameterId], statistics, asked) },
    {
      name: PARAMETERS[m.parameterId - 1].column,
      header: extensionHeader(galaxy, box, m.parameterId, statistics),
      data: values,
      shape: [galaxy.width, galaxy.height],
    },
  ];
}

async function writeMaps(ctx: MapsContext, galaxy: SubsetGalaxy, dir: string): Promise<void> {
  const grids = await readResultGrids(ctx, galaxy.id);
  if (!grids || grids.version !== galaxy.resultsVersion) return; // a newer version exists: its own request makes it
  await mkdir(dir, { recursive: true });
  // Each map's digest is recorded before the next map is written: the last map marks the set made.
  for (const m of MAP_VALUES) {
    const file = path.join(dir, mapFileName(m.key));
    await writeFitsFile(file, mapHdus(galaxy, m, grids.values[m.key]));
    await fileDigest(file);
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
  if (!hasResults(galaxy)) return [];
  const dir = mapFilesDir(ctx.dataDir, galaxy.id, galaxy.resultsVersion);
  const files = MAP_VALUES.map((m) => ({ key: m.key, file: path.join(dir, mapFileName(m.key)) }));
  const last = files[files.length - 1].file;
  if (!(await exists(last)))
    await flights.run(dir, async () => void ((await exists(last)) || (await writeMaps(ctx, galaxy, dir))));
  return (await exists(last)) ? files : [];
}

/** Makes the galaxy's map files for its current results version, unless they are made already. */
export async function makeParameterMapFiles(ctx: MapsContext, galaxyId: number): Promise<void> {
  const galaxy = await loadSubsetGalaxy(ctx.db, galaxyId);
  if (galaxy) await parameterMapFiles(ctx, galaxy);
}

/**
 * The map files of the galaxy's current results version with their sizes, without making them:
 * a FITS file's size follows from its headers and its image's shape, so a map not made yet is
 * listed with the size it will have. DataLink lists them; making them (reading every result of the
 * galaxy) on its first request was its cold cost. [] before any result.
 */
export async function parameterMapSizes(
  ctx: MapsContext,
  galaxy: SubsetGalaxy,
): Promise<{ key: string; file: string; size: number }[]> {
  if (!hasResults(galaxy)) return [];
  const dir = mapFilesDir(ctx.dataDir, galaxy.id, galaxy.resultsVersion);
  // Only the image's length and type count for the size.
  let blank: Float32Array | null = null;
  const pixels = () => (blank ??= new Float32Array(galaxy.width * galaxy.height));
  return Promise.all(
    MAP_VALUES.map(async (m) => {
      const file = path.join(dir, mapFileName(m.key));
      const made = await stat(file).catch(() => null);
      return { key: m.key, file, size: made?.size ?? fitsSize(mapHdus(galaxy, m, pixels())) };
    }),
  );
}

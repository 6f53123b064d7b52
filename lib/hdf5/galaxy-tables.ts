// The `/galaxy` group of an archive or subset: the galaxy row as attributes and the tables (FITS
// header, RGB filters, filters; the areas and area users inside the box, in area-tables.ts).
import type { Db } from "@/lib/db/client";
import { OUTPUT_FORMAT } from "./archive-layout";
import { writeAreaTables } from "./area-tables";
import type { H5FileWriter } from "./h5-writer";
import type { PixelBox } from "./pixel-selection";
import type { GalaxyRows } from "./result-rows";
import { writeAttributes, writeTable } from "./tables";

/** POGS `status_id` (docs/formats.md §5; POGS had no `registered`: work units are outstanding). */
const STATUS_IDS: Record<string, number> = { registered: 0, computing: 0, processed: 1, archived: 2 };

/** The galaxy's status as the file records it: `archived` now for an archive, the current one for a subset. */
export type FileStatus = { status: string; statusTime: Date };

async function readSmallTables(db: Db, galaxyId: number) {
  const galaxy = await db.galaxy.findUniqueOrThrow({
    where: { id: galaxyId },
    include: { run: { select: { name: true } } },
  });
  const [layers, triples, header] = await Promise.all([
    db.layer.findMany({ where: { galaxyId }, include: { filter: true }, orderBy: { filter: { effLambda: "asc" } } }),
    db.rgbTriple.findMany({ where: { galaxyId }, orderBy: { imageNumber: "asc" } }),
    db.fitsHeaderCard.findMany({ where: { galaxyId }, orderBy: { position: "asc" } }),
  ]);
  return { galaxy, layers, triples, header };
}

const iso = (d: Date) => d.toISOString();

export type GalaxyGroupSource = {
  db: Db;
  rows: GalaxyRows;
  galaxyId: number;
  /** the areas written are those intersecting it */
  box: PixelBox;
  state: FileStatus;
  /** a subset's request as the user phrased it */
  asked?: string;
};

/** Writes `/galaxy`: attributes and tables. */
export async function writeGalaxyGroup(w: H5FileWriter, { db, rows, galaxyId, box, state, asked }: GalaxyGroupSource) {
  const t = await readSmallTables(db, galaxyId);
  const g = t.galaxy;
  await w.group("/", "galaxy");
  await writeAttributes(w, "/galaxy", {
    // POGS `galaxy` columns, under their POGS names
    galaxy_id: { int: g.id },
    run_id: { int: g.runId },
    name: g.name,
    dimension_x: { int: g.width },
    dimension_y: { int: g.height },
    dimension_z: { int: t.layers.length },
    redshift: g.redshift,
    sigma: g.sigma,
    create_time: iso(g.createdAt),
    galaxy_type: g.hubbleType,
    ra_cent: g.ra,
    dec_cent: g.dec,
    pixel_count: { int: g.pixelCount },
    pixels_processed: { int: g.pixelsProcessed },
    status_id: STATUS_IDS[state.status] === undefined ? null : { int: STATUS_IDS[state.status] },
    status_time: iso(state.statusTime),
    // the portal's own columns
    status: state.status,
    run_name: g.run.name,
    pixel_scale: g.pixelScale,
    wcs: g.wcs,
    area_count: { int: g.areaCount },
    areas_processed: { int: g.areasProcessed },
    results_version: { int: g.resultsVersion },
    output_format: OUTPUT_FORMAT,
    subset_request: asked,
  });
  await writeTable(w, "/galaxy", "fits_header", [
    { name: "keyword", type: "string", values: t.header.map((c) => c.keyword) },
    { name: "value", type: "string", values: t.header.map((c) => c.value) },
    { name: "comment", type: "string", values: t.header.map((c) => c.comment) },
  ]);
  await writeTable(w, "/galaxy", "image_filters", [
    { name: "image_number", type: "int64", values: t.triples.map((r) => r.imageNumber) },
    { name: "filter_id_red", type: "int64", values: t.triples.map((r) => r.redFilterId) },
    { name: "filter_id_green", type: "int64", values: t.triples.map((r) => r.greenFilterId) },
    { name: "filter_id_blue", type: "int64", values: t.triples.map((r) => r.blueFilterId) },
  ]);
  // Not in POGS (which had the filter table in its database): what the filter ids above mean.
  await writeTable(w, "/galaxy", "filters", [
    { name: "filter_id", type: "int64", values: t.layers.map((l) => l.filterId) },
    { name: "name", type: "string", values: t.layers.map((l) => l.filter.name) },
    { name: "magphys_id", type: "int64", values: t.layers.map((l) => l.filter.magphysId) },
    { name: "eff_lambda", type: "float64", values: t.layers.map((l) => l.filter.effLambda) },
    { name: "band_class", type: "string", values: t.layers.map((l) => l.filter.bandClass) },
    { name: "sigma_kind", type: "string", values: t.layers.map((l) => l.sigmaKind) },
  ]);
  await writeAreaTables(w, rows, box);
}

// The `/galaxy` group of an archive: the galaxy row as attributes and the small tables (FITS
// header, RGB filters, filters, areas, area users), read from the database in one go; the largest
// (areas of a 1532² galaxy: ~70,000 rows) is a few MB.
import type { Db } from "@/lib/db/client";
import { OUTPUT_FORMAT } from "./archive-layout";
import type { H5FileWriter } from "./h5-writer";
import { writeAttributes, writeTable } from "./tables";

/** POGS `status_id` of an archived galaxy (docs/formats.md §5). */
const STATUS_ID_ARCHIVED = 2;

export type GalaxyTables = Awaited<ReturnType<typeof readGalaxyTables>>;

export async function readGalaxyTables(db: Db, galaxyId: number) {
  const galaxy = await db.galaxy.findUniqueOrThrow({
    where: { id: galaxyId },
    include: { run: { select: { name: true } } },
  });
  const [layers, triples, header, areas, areaUsers] = await Promise.all([
    db.layer.findMany({ where: { galaxyId }, include: { filter: true }, orderBy: { filter: { effLambda: "asc" } } }),
    db.rgbTriple.findMany({ where: { galaxyId }, orderBy: { imageNumber: "asc" } }),
    db.fitsHeaderCard.findMany({ where: { galaxyId }, orderBy: { position: "asc" } }),
    db.area.findMany({
      where: { galaxyId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        x0: true,
        y0: true,
        x1: true,
        y1: true,
        pixelCount: true,
        firstPixelId: true,
        workunitId: true,
        updatedAt: true,
      },
    }),
    db.areaUser.findMany({ where: { area: { galaxyId } }, orderBy: [{ areaId: "asc" }, { userId: "asc" }] }),
  ]);
  return { galaxy, layers, triples, header, areas, areaUsers };
}

const iso = (d: Date) => d.toISOString();

/** Writes `/galaxy`: attributes and tables. `archivedAt` is the status time written. */
export async function writeGalaxyGroup(w: H5FileWriter, t: GalaxyTables, archivedAt: Date): Promise<void> {
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
    status_id: { int: STATUS_ID_ARCHIVED },
    status_time: iso(archivedAt),
    // the portal's own columns
    status: "archived",
    run_name: g.run.name,
    pixel_scale: g.pixelScale,
    wcs: g.wcs,
    area_count: { int: g.areaCount },
    areas_processed: { int: g.areasProcessed },
    results_version: { int: g.resultsVersion },
    output_format: OUTPUT_FORMAT,
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
  await w.group("/galaxy", "area");
  // POGS rectangle conventions: x inclusive (bottom_x = last column), y exclusive.
  await writeTable(w, "/galaxy/area", "area", [
    { name: "area_id", type: "int64", values: t.areas.map((a) => a.id) },
    { name: "top_x", type: "int64", values: t.areas.map((a) => a.x0) },
    { name: "top_y", type: "int64", values: t.areas.map((a) => a.y0) },
    { name: "bottom_x", type: "int64", values: t.areas.map((a) => a.x1 - 1) },
    { name: "bottom_y", type: "int64", values: t.areas.map((a) => a.y1) },
    { name: "workunit_id", type: "int64", values: t.areas.map((a) => a.workunitId ?? -1) },
    { name: "update_time", type: "string", values: t.areas.map((a) => iso(a.updatedAt)) },
    { name: "pixel_count", type: "int64", values: t.areas.map((a) => a.pixelCount) },
    { name: "first_pixel_id", type: "int64", values: t.areas.map((a) => a.firstPixelId) },
  ]);
  await writeTable(w, "/galaxy/area", "area_user", [
    { name: "area_id", type: "int64", values: t.areaUsers.map((u) => u.areaId) },
    { name: "userid", type: "int64", values: t.areaUsers.map((u) => u.userId) },
    { name: "create_time", type: "string", values: t.areaUsers.map((u) => iso(u.createdAt)) },
  ]);
}

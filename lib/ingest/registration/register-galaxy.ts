// Galaxy registration: FITS bands → a galaxy with its layers on one grid, the usable-pixel mask,
// the work-unit areas and the RGB composite triples. Files are written into a private folder and
// moved into place inside the database transaction, so a failure at any step leaves no galaxy,
// no rows and no files that anyone can see.
import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { catalogueChanged } from "@/lib/cache/events";
import { formatValue, pixelScaleArcsec, type FitsHeader } from "@/lib/fits";
import type { Db } from "@/lib/db/client";
import { encodeAreaMask } from "@/lib/survey/area-mask";
import { filterByName } from "@/lib/survey/filters";
import { chooseRgbTriples } from "@/lib/survey/rgb-triples";
import { bandSetProblem, usablePixelMask } from "@/lib/survey/usable-pixels";
import { planWorkUnits } from "@/lib/survey/work-units";
import { checkOverlap } from "./band-overlap";
import { RegistrationError, type BandImage } from "./collect-bands";
import { checkBandSet, chooseReference, toCommonGrid, type Grid } from "./common-grid";
import { galaxyMetadata, type MetadataOptions } from "./galaxy-metadata";
import { layerFileName, writeLayerFile } from "./layer-files";

export type RegistrationOptions = MetadataOptions & {
  reference?: string;
  /** flux error as a fraction of the flux where no uncertainty image is given (POGS `sigma`) */
  sigmaFraction?: number;
  runName?: string;
  /** when the galaxy entered the survey (default now); the demo replays a past schedule */
  registeredAt?: Date;
  onStep?: (step: string) => void;
};

export type RegisteredGalaxy = {
  id: number;
  name: string;
  width: number;
  height: number;
  filters: string[];
  reference: string;
  usablePixels: number;
  areas: number;
  warnings: string[];
};

const STRUCTURAL =
  /^(SIMPLE|BITPIX|NAXIS\d*|EXTEND|BSCALE|BZERO|BLANK|CHECKSUM|DATASUM|PCOUNT|GCOUNT|XTENSION|END|Z[A-Z0-9_]*)$/;

export async function registerGalaxy(
  db: Db,
  dataDir: string,
  bands: BandImage[],
  options: RegistrationOptions = {},
): Promise<RegisteredGalaxy> {
  const step = options.onStep ?? (() => {});
  checkBandSet(bands);
  const images = bands.filter((b) => b.role === "image");
  const reference = chooseReference(images, options.reference);
  const grid: Grid = { wcs: reference.wcs, width: reference.width, height: reference.height };
  checkOverlap(bands, grid);
  const meta = galaxyMetadata(
    options,
    [reference.primaryHeader, reference.header, ...images.map((b) => b.primaryHeader)],
    grid,
  );
  const run = await db.run.findUnique({ where: { name: options.runName ?? "default" } });
  if (!run) throw new RegistrationError(`run "${options.runName}" does not exist`);
  const existing = await db.galaxy.findUnique({
    where: { name_runId: { name: meta.name, runId: run.id } },
    select: { id: true },
  });
  if (existing)
    throw new RegistrationError(`galaxy ${meta.name} is already registered in run ${run.name} (id ${existing.id})`);

  step(`reprojecting ${images.length} bands onto the ${reference.filter.name} grid (${grid.width}×${grid.height})`);
  const onGrid = toCommonGrid(bands, grid);
  const warnings: string[] = [];
  const problem = bandSetProblem(onGrid.map((b) => b.filter.bandClass));
  if (problem) warnings.push(problem);

  step("usable pixels and work units");
  const usable = usablePixelMask(
    onGrid.map((b) => ({ bandClass: b.filter.bandClass, data: b.image })),
    grid.width * grid.height,
  );
  const planned = planWorkUnits(usable, grid.width, grid.height);
  const usableCount = planned.reduce((s, a) => s + a.pixelCount, 0);
  if (!problem && usableCount === 0) warnings.push("no usable pixel: no band overlap with data > 0 in enough bands");
  const triples = chooseRgbTriples(onGrid.map((b) => b.filter.name));

  step("writing layers");
  const galaxiesDir = path.join(dataDir, "galaxies");
  const staging = path.join(galaxiesDir, `.staging-${randomUUID()}`);
  mkdirSync(path.join(staging, "layers"), { recursive: true });
  let placed: string | null = null;
  try {
    for (const band of onGrid) await writeLayerFile(path.join(staging, "layers"), meta.name, band, grid);
    step("recording the galaxy");
    const id = await db.$transaction(
      async (tx) => {
        const galaxy = await tx.galaxy.create({
          data: {
            runId: run.id,
            ...meta,
            sigma: options.sigmaFraction ?? 0.1,
            width: grid.width,
            height: grid.height,
            pixelScale: pixelScaleArcsec(grid.wcs),
            wcs: JSON.stringify(grid.wcs),
            pixelCount: usableCount,
            areaCount: planned.length,
            ...(options.registeredAt ? { createdAt: options.registeredAt, statusTime: options.registeredAt } : {}),
          },
        });
        const dir = `galaxies/${galaxy.id}`;
        await tx.layer.createMany({
          data: onGrid.map((b) => ({
            galaxyId: galaxy.id,
            filterId: b.filter.id,
            imagePath: `${dir}/layers/${layerFileName(b.filter.name)}`,
            sigmaPath: b.sigma ? `${dir}/layers/${layerFileName(b.filter.name)}` : null,
            sigmaKind: b.sigmaKind,
            sourceFile: b.source,
            bunit: b.bunit,
            validPixels: countValid(b.image),
          })),
        });
        await tx.rgbTriple.createMany({
          data: triples.map((t, i) => ({
            galaxyId: galaxy.id,
            imageNumber: i + 1,
            redFilterId: filterByName(t.red)!.id,
            greenFilterId: filterByName(t.green)!.id,
            blueFilterId: filterByName(t.blue)!.id,
          })),
        });
        await tx.fitsHeaderCard.createMany({ data: headerRows(galaxy.id, reference.primaryHeader) });
        const last = await tx.area.aggregate({ _max: { firstPixelId: true } });
        let nextPixelId = 1;
        if (last._max.firstPixelId !== null) {
          const tail = await tx.area.findFirstOrThrow({
            where: { firstPixelId: last._max.firstPixelId },
            select: { pixelCount: true },
          });
          nextPixelId = last._max.firstPixelId + tail.pixelCount;
        }
        const rows = planned.map((a) => {
          const { mask } = encodeAreaMask(a, (x, y) => usable[y * grid.width + x] === 1);
          const row = {
            galaxyId: galaxy.id,
            x0: a.x0,
            y0: a.y0,
            x1: a.x1,
            y1: a.y1,
            pixelCount: a.pixelCount,
            firstPixelId: nextPixelId,
            mask,
            ...(options.registeredAt ? { updatedAt: options.registeredAt } : {}),
          };
          nextPixelId += a.pixelCount;
          return row;
        });
        for (let i = 0; i < rows.length; i += 2000) await tx.area.createMany({ data: rows.slice(i, i + 2000) });
        // Last step inside the transaction: if the commit fails, the folder is moved back out.
        placed = path.join(galaxiesDir, String(galaxy.id));
        rmSync(placed, { recursive: true, force: true }); // a leftover of a crash between rename and commit
        renameSync(staging, placed);
        return galaxy.id;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    await catalogueChanged(dataDir);
    return {
      id,
      name: meta.name,
      width: grid.width,
      height: grid.height,
      filters: onGrid.map((b) => b.filter.name),
      reference: reference.filter.name,
      usablePixels: usableCount,
      areas: planned.length,
      warnings,
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (placed) rmSync(placed, { recursive: true, force: true });
    if ((error as { code?: string }).code === "P2002")
      throw new RegistrationError(`galaxy ${meta.name} was registered by someone else meanwhile`);
    throw error;
  }
}

function countValid(data: Float32Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > 0) n++;
  return n;
}

/** The reference band's primary header, kept to re-inject into exported products (POGS fits_header). */
function headerRows(galaxyId: number, header: FitsHeader) {
  const rows: { galaxyId: number; position: number; keyword: string; value: string; comment: string }[] = [];
  for (const card of header.cards) {
    if (STRUCTURAL.test(card.keyword)) continue;
    let value: string;
    try {
      value = card.kind === "commentary" ? String(card.value ?? "") : formatValue(card).trim();
    } catch {
      continue; // NaN or non-ASCII values cannot be written back into FITS
    }
    rows.push({ galaxyId, position: rows.length, keyword: card.keyword, value, comment: card.comment });
  }
  return rows;
}

/**
 * A galaxy's downloadable files, each with its size and sha256: the HDF5 archive, the four
 * parameter maps as FITS, each observed layer as FITS. Entries are named by the path under
 * /api/galaxies/<id>/files/ that serves them, and found again by that name only, so no part of a
 * URL ever becomes part of a file path.
 */
import path from "node:path";
import { loadSubsetGalaxy, type SubsetGalaxy } from "@/lib/access/subset/subset-galaxy";
import type { MapsContext } from "@/lib/maps/service/context";
import { PARAMETERS, MAP_VALUES } from "@/lib/survey/parameters";
import { fileDigest, fileSize, type FileDigest, type FileSize } from "./file-digest";
import { parameterMapFiles, parameterMapSizes } from "./parameter-map-files";

/** A listed file: what it is, and its size (with `listGalaxyFiles`, also its sha256). */
export type GalaxyFile<F extends FileSize = FileDigest> = F & {
  /** path under /api/galaxies/<id>/files/ */
  name: string;
  kind: "archive" | "map" | "layer";
  /** what it holds, in a few words */
  description: string;
  /** the download's file name */
  downloadName: string;
  contentType: string;
  absolutePath: string;
};

export interface GalaxyFiles<F extends FileSize = FileDigest> {
  galaxy: SubsetGalaxy;
  archive: GalaxyFile<F> | null;
  maps: GalaxyFile<F>[];
  layers: GalaxyFile<F>[];
}

type ArchiveRow = { archiveSha256: string; archiveSize: number; archivedAt: Date | null };

type MapFile<F> = { key: string; file: string; facts: F };

/** How a listing learns its facts: from the file, for the archive from its galaxy row, and the maps'. */
type FactsReader<F extends FileSize> = {
  file(absolutePath: string): Promise<F>;
  archive(row: ArchiveRow): F;
  maps(ctx: MapsContext, galaxy: SubsetGalaxy): Promise<MapFile<F>[]>;
};

const DIGESTS: FactsReader<FileDigest> = {
  file: fileDigest,
  archive: (g) => ({ size: g.archiveSize, sha256: g.archiveSha256, modified: g.archivedAt ?? new Date(0) }),
  // hashing needs the files: made here if missing
  maps: async (ctx, galaxy) =>
    Promise.all((await parameterMapFiles(ctx, galaxy)).map(async (m) => ({ ...m, facts: await fileDigest(m.file) }))),
};
const SIZES: FactsReader<FileSize> = {
  file: fileSize,
  archive: (g) => ({ size: g.archiveSize }),
  maps: async (ctx, galaxy) =>
    (await parameterMapSizes(ctx, galaxy)).map(({ key, file, size }) => ({ key, file, facts: { size } })),
};

const safeName = (name: string) => name.replace(/[^A-Za-z0-9.+-]+/g, "_").replace(/^[._]+|_+$/g, "") || "galaxy";

async function archiveFile<F extends FileSize>(
  ctx: MapsContext,
  galaxyId: number,
  facts: FactsReader<F>,
): Promise<GalaxyFile<F> | null> {
  const g = await ctx.db.galaxy.findUnique({
    where: { id: galaxyId },
    select: { archivePath: true, archiveSha256: true, archiveSize: true, archivedAt: true },
  });
  if (!g?.archivePath || !g.archiveSha256 || g.archiveSize === null) return null;
  const file = path.basename(g.archivePath);
  return {
    name: file,
    kind: "archive",
    description: "HDF5 archive (POGS 1.04 layout): every parameter and statistic, work units, histograms",
    downloadName: file,
    contentType: "application/x-hdf5",
    absolutePath: path.join(ctx.dataDir, g.archivePath),
    ...facts.archive({ archiveSha256: g.archiveSha256, archiveSize: g.archiveSize, archivedAt: g.archivedAt }),
  };
}

/** The galaxy's files with their sizes and sha256 (hashed once per file version, ./file-digest.ts). */
export const listGalaxyFiles = (ctx: MapsContext, galaxyId: number) => listFiles(ctx, galaxyId, DIGESTS);

/**
 * The same list with sizes only. DataLink's rows carry sizes, and hashing a galaxy's files the
 * first time it is asked for took tens of milliseconds (hundreds for a 1532² galaxy); the maps are
 * listed without being made (./parameter-map-files.ts `parameterMapSizes`).
 */
export const listGalaxyFileSizes = (ctx: MapsContext, galaxyId: number) => listFiles(ctx, galaxyId, SIZES);

async function listFiles<F extends FileSize>(
  ctx: MapsContext,
  galaxyId: number,
  facts: FactsReader<F>,
): Promise<GalaxyFiles<F> | null> {
  const galaxy = await loadSubsetGalaxy(ctx.db, galaxyId);
  if (!galaxy) return null;
  const prefix = `${safeName(galaxy.name)}_${galaxy.id}`;
  const layers = await ctx.db.layer.findMany({
    where: { galaxyId },
    include: { filter: true },
    orderBy: { filter: { effLambda: "asc" } },
  });
  const [archive, mapFiles] = await Promise.all([archiveFile(ctx, galaxyId, facts), facts.maps(ctx, galaxy)]);
  const maps = mapFiles.map(({ key, file, facts: known }) => {
    const p = PARAMETERS[MAP_VALUES.find((m) => m.key === key)!.parameterId - 1];
    return {
      name: `maps/${key}.fits`,
      kind: "map" as const,
      description: `${p.title}: median, ${p.label}`,
      downloadName: `${prefix}_${key}_median_v${galaxy.resultsVersion}.fits`,
      contentType: "application/fits",
      absolutePath: file,
      ...known,
    };
  });
  const layerFiles = await Promise.all(
    layers.map(async (l) => {
      const absolutePath = path.join(ctx.dataDir, l.imagePath);
      const known = await facts.file(absolutePath).catch(() => null);
      if (!known) return null; // a layer file gone from disk is not offered
      return {
        name: `layers/${path.basename(l.imagePath)}`,
        kind: "layer" as const,
        description: `${l.filter.name} (${l.filter.survey}, ${l.filter.effLambda} µm) on the common grid${l.sigmaPath ? ", IMAGE and SIGMA extensions" : ""}`,
        downloadName: `${prefix}_${path.basename(l.imagePath)}`,
        contentType: "application/fits",
        absolutePath,
        ...known,
      };
    }),
  );
  return { galaxy, archive, maps, layers: layerFiles.filter((f) => f !== null) };
}

export const allFiles = <F extends FileSize>(files: GalaxyFiles<F>): GalaxyFile<F>[] => [
  ...(files.archive ? [files.archive] : []),
  ...files.maps,
  ...files.layers,
];

/** `sha256sum -c` input for the galaxy's files, by their download names. */
export function sha256Sums(files: GalaxyFiles): string {
  return allFiles(files)
    .map((f) => `${f.sha256}  ${f.downloadName}\n`)
    .join("");
}

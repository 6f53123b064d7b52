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
import { fileDigest } from "./file-digest";
import { parameterMapFiles } from "./parameter-map-files";

export interface GalaxyFile {
  /** path under /api/galaxies/<id>/files/ */
  name: string;
  kind: "archive" | "map" | "layer";
  /** what it holds, in a few words */
  description: string;
  /** the download's file name */
  downloadName: string;
  contentType: string;
  absolutePath: string;
  size: number;
  sha256: string;
  modified: Date;
}

export interface GalaxyFiles {
  galaxy: SubsetGalaxy;
  archive: GalaxyFile | null;
  maps: GalaxyFile[];
  layers: GalaxyFile[];
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9.+-]+/g, "_").replace(/^[._]+|_+$/g, "") || "galaxy";

async function archiveFile(ctx: MapsContext, galaxyId: number): Promise<GalaxyFile | null> {
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
    size: g.archiveSize,
    sha256: g.archiveSha256,
    modified: g.archivedAt ?? new Date(0),
  };
}

export async function listGalaxyFiles(ctx: MapsContext, galaxyId: number): Promise<GalaxyFiles | null> {
  const galaxy = await loadSubsetGalaxy(ctx.db, galaxyId);
  if (!galaxy) return null;
  const prefix = `${safeName(galaxy.name)}_${galaxy.id}`;
  const layers = await ctx.db.layer.findMany({
    where: { galaxyId },
    include: { filter: true },
    orderBy: { filter: { effLambda: "asc" } },
  });
  const [archive, mapFiles] = await Promise.all([archiveFile(ctx, galaxyId), parameterMapFiles(ctx, galaxy)]);
  const maps = await Promise.all(
    mapFiles.map(async ({ key, file }) => {
      const p = PARAMETERS[MAP_VALUES.find((m) => m.key === key)!.parameterId - 1];
      return {
        name: `maps/${key}.fits`,
        kind: "map" as const,
        description: `${p.title}: median, ${p.label}`,
        downloadName: `${prefix}_${key}_median_v${galaxy.resultsVersion}.fits`,
        contentType: "application/fits",
        absolutePath: file,
        ...(await fileDigest(file)),
      };
    }),
  );
  const layerFiles = await Promise.all(
    layers.map(async (l) => {
      const absolutePath = path.join(ctx.dataDir, l.imagePath);
      const digest = await fileDigest(absolutePath).catch(() => null);
      if (!digest) return null; // a layer file gone from disk is not offered
      return {
        name: `layers/${path.basename(l.imagePath)}`,
        kind: "layer" as const,
        description: `${l.filter.name} (${l.filter.survey}, ${l.filter.effLambda} µm) on the common grid${l.sigmaPath ? ", IMAGE and SIGMA extensions" : ""}`,
        downloadName: `${prefix}_${path.basename(l.imagePath)}`,
        contentType: "application/fits",
        absolutePath,
        ...digest,
      };
    }),
  );
  return { galaxy, archive, maps, layers: layerFiles.filter((f) => f !== null) };
}

export const allFiles = (files: GalaxyFiles): GalaxyFile[] => [
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

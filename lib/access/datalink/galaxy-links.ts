/**
 * The DataLink rows of one galaxy (DataLink 1.1 §3.2): the archive as `#this` (or why there is
 * none yet), a SODA service for cutouts, the parameter maps (`#derivation`), the observed layers
 * (`#progenitor`), previews, the checksum list and the data page. Each row has exactly one of
 * access_url, service_def, error_message.
 */
import type { FileSize } from "@/lib/access/files/file-digest";
import { allFiles, listGalaxyFileSizes, type GalaxyFiles } from "@/lib/access/files/galaxy-files";
import type { MapsContext } from "@/lib/maps/service/context";

export interface LinkRow {
  ID: string;
  access_url?: string;
  service_def?: string;
  error_message?: string;
  description: string;
  semantics: string;
  content_type?: string;
  content_length?: number;
}

export const sodaDescriptorId = (galaxyId: number) => `soda-${galaxyId}`;

function noArchive(files: GalaxyFiles<FileSize>): string {
  const g = files.galaxy;
  if (g.status === "processed")
    return `NotFoundFault: galaxy ${g.id} is processed; its HDF5 archive is built by the operators' \`npm run archive\``;
  return `NotFoundFault: galaxy ${g.id} is ${g.status}; its HDF5 archive is built once every work unit has results`;
}

export async function galaxyLinks(ctx: MapsContext, id: string, galaxyId: number, origin: string): Promise<LinkRow[]> {
  const files = await listGalaxyFileSizes(ctx, galaxyId);
  if (!files)
    return [
      { ID: id, error_message: `NotFoundFault: no galaxy with id ${galaxyId}`, description: "", semantics: "#this" },
    ];
  const url = (name: string) => `${origin}/api/galaxies/${galaxyId}/files/${name}`;
  const rows: LinkRow[] = [];
  const a = files.archive;
  rows.push(
    a
      ? {
          ID: id,
          access_url: url(a.name),
          description: a.description,
          semantics: "#this",
          content_type: a.contentType,
          content_length: a.size,
        }
      : {
          ID: id,
          error_message: noArchive(files),
          description: "HDF5 archive of the galaxy's results",
          semantics: "#this",
        },
  );
  if (files.galaxy.pixelsProcessed > 0)
    rows.push({
      ID: id,
      service_def: sodaDescriptorId(galaxyId),
      description: "Cut a region (pixels or sky), parameters and statistics as FITS (SODA sync)",
      semantics: "#cutout",
      content_type: "application/fits",
    });
  for (const f of files.maps)
    rows.push({
      ID: id,
      access_url: url(f.name),
      description: f.description,
      semantics: "#derivation",
      content_type: f.contentType,
      content_length: f.size,
    });
  for (const f of files.layers)
    rows.push({
      ID: id,
      access_url: url(f.name),
      description: `Observed image: ${f.description}`,
      semantics: "#progenitor",
      content_type: f.contentType,
      content_length: f.size,
    });
  rows.push(
    {
      ID: id,
      access_url: `${origin}/galaxies/${galaxyId}/images/og.png`,
      description: "Preview: composite image with the fitting progress",
      semantics: "#preview",
      content_type: "image/png",
    },
    {
      ID: id,
      access_url: `${origin}/galaxies/${galaxyId}/images/thumbnail.png`,
      description: "Thumbnail",
      semantics: "#thumbnail",
      content_type: "image/png",
    },
    {
      ID: id,
      access_url: url("SHA256SUMS"),
      description: `sha256 of the ${allFiles(files).length} files (sha256sum -c)`,
      semantics: "#auxiliary",
      content_type: "text/plain",
    },
    {
      ID: id,
      access_url: `${origin}/galaxies/${galaxyId}/data`,
      description: "The galaxy's data page: files, cutouts, Python snippet",
      semantics: "#documentation",
      content_type: "text/html",
    },
  );
  return rows;
}

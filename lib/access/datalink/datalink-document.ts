/**
 * The DataLink `{links}` response: a VOTable (TABLEDATA) of link rows for every ID asked, rows
 * of one ID together, then a SODA service descriptor per galaxy with results, advertising the
 * parameters it takes with their allowed values and the galaxy's footprint as the largest region.
 */
import { parseGalaxyDid } from "./galaxy-did";
import { galaxyLinks, sodaDescriptorId, type LinkRow } from "./galaxy-links";
import {
  serviceDescriptor,
  tableResource,
  votableDocument,
  type VoField,
  type VoParam,
} from "@/lib/access/votable/votable";
import { PARAMETER_NAMES, STATISTIC_NAMES } from "@/lib/access/subset/subset-request";
import { loadSubsetGalaxy } from "@/lib/access/subset/subset-galaxy";
import { angularDistance } from "@/lib/access/sky/great-circle";
import { footprint, pixelToSky } from "@/lib/fits/wcs";
import type { MapsContext } from "@/lib/maps/service/context";

export const DATALINK_CONTENT_TYPE = "application/x-votable+xml;content=datalink";

const FIELDS: VoField[] = [
  { name: "ID", datatype: "char", ucd: "meta.id;meta.main" },
  { name: "access_url", datatype: "char", ucd: "meta.ref.url" },
  { name: "service_def", datatype: "char", ucd: "meta.ref" },
  { name: "error_message", datatype: "char", ucd: "meta.code.error" },
  { name: "description", datatype: "char", ucd: "meta.note" },
  { name: "semantics", datatype: "char", ucd: "meta.code" },
  { name: "content_type", datatype: "char", ucd: "meta.code.mime" },
  { name: "content_length", datatype: "long", unit: "byte", ucd: "phys.size;meta.file" },
];

const COLUMNS = FIELDS.map((f) => f.name as keyof LinkRow);

async function sodaDescriptor(ctx: MapsContext, galaxyId: number, did: string, origin: string): Promise<string | null> {
  const g = await loadSubsetGalaxy(ctx.db, galaxyId);
  if (!g || g.pixelsProcessed === 0) return null;
  const corners = footprint(g.wcs, g.width, g.height);
  const [ra, dec] = pixelToSky(g.wcs, (g.width - 1) / 2, (g.height - 1) / 2);
  const radius = Math.max(...corners.map(([r, d]) => angularDistance(ra, dec, r, d)));
  const fmt = (n: number) => n.toFixed(7);
  const params: VoParam[] = [
    { name: "ID", datatype: "char", ucd: "meta.id;meta.dataset", value: did },
    {
      name: "POS",
      datatype: "char",
      ucd: "pos",
      description: "CIRCLE ra dec r, RANGE ra1 ra2 dec1 dec2 or POLYGON ra1 dec1 … (degrees, ICRS)",
    },
    {
      name: "CIRCLE",
      datatype: "double",
      arraysize: "3",
      xtype: "circle",
      unit: "deg",
      ucd: "pos",
      max: `${fmt(ra)} ${fmt(dec)} ${fmt(radius)}`,
    },
    {
      name: "POLYGON",
      datatype: "double",
      arraysize: "*",
      xtype: "polygon",
      unit: "deg",
      ucd: "pos",
      max: corners.map(([r, d]) => `${fmt(r)} ${fmt(d)}`).join(" "),
    },
    {
      name: "PIXELS",
      datatype: "char",
      description: `[x1:x2,y1:y2], 1-based and inclusive; the image is [1:${g.width},1:${g.height}]`,
    },
    {
      name: "PARAM",
      datatype: "char",
      description: "MAGPHYS parameters, repeatable (default mu, m, ldust, sfr)",
      options: PARAMETER_NAMES,
    },
    {
      name: "STAT",
      datatype: "char",
      description: "statistics of each parameter's PDF, repeatable (default percentile_50)",
      options: STATISTIC_NAMES,
    },
    {
      name: "RESPONSEFORMAT",
      datatype: "char",
      options: ["application/fits", "application/x-hdf5"],
    },
  ];
  return serviceDescriptor({
    ID: sodaDescriptorId(galaxyId),
    name: `cutout of ${g.name}`,
    standardID: "ivo://ivoa.net/std/SODA#sync-1.0",
    accessURL: `${origin}/api/soda/sync`,
    description: `Subsets of the MAGPHYS results of ${g.name}`,
    inputParams: params,
  });
}

export async function datalinkDocument(ctx: MapsContext, ids: string[], origin: string): Promise<string> {
  const rows: LinkRow[] = [];
  const descriptors: string[] = [];
  for (const id of ids) {
    const galaxyId = parseGalaxyDid(id);
    if (galaxyId === null) {
      rows.push({
        ID: id,
        error_message: `NotFoundFault: ${id} is not a POGS galaxy identifier (ivo://pogs/galaxy?<id>)`,
        description: "",
        semantics: "#this",
      });
      continue;
    }
    rows.push(...(await galaxyLinks(ctx, id, galaxyId, origin)));
    const descriptor = await sodaDescriptor(ctx, galaxyId, id, origin);
    if (descriptor && !descriptors.includes(descriptor)) descriptors.push(descriptor);
  }
  return votableDocument([
    tableResource({
      infos: [{ name: "standardID", value: "ivo://ivoa.net/std/DataLink#links-1.1" }],
      fields: FIELDS,
      rows: rows.map((r) => COLUMNS.map((c) => r[c])),
    }),
    ...descriptors,
  ]);
}

/**
 * The catalogue as files for other tools: CSV (RFC 4180; the row cap reported in a header, since
 * CSV cannot say it was cut) and VOTable (astropy, TOPCAT, pyvo), whose rows carry the galaxy's
 * DataLink URL and whose service descriptor lets pyvo's `iter_datalinks()` follow them.
 */
import { galaxyDid } from "@/lib/access/datalink/galaxy-did";
import {
  serviceDescriptor,
  tableResource,
  votableDocument,
  type VoField,
  type VoValue,
} from "@/lib/access/votable/votable";
import { GALAXY_STATUSES, STATUS_MEANING } from "@/lib/survey/status";
import type { CatalogueRow } from "./catalogue-types";

export interface ExportRows {
  rows: CatalogueRow[];
  total: number;
  withDistance: boolean;
  origin: string;
}

const datalinkUrl = (origin: string, id: number) => `${origin}/api/datalink?ID=${encodeURIComponent(galaxyDid(id))}`;

type Column = VoField & { value: (r: CatalogueRow, origin: string) => VoValue };

const COLUMNS: Column[] = [
  { name: "id", datatype: "int", ucd: "meta.id;meta.main", description: "POGS galaxy id", value: (r) => r.id },
  { name: "name", datatype: "char", ucd: "meta.id", value: (r) => r.name },
  { name: "ra", datatype: "double", unit: "deg", ucd: "pos.eq.ra;meta.main", description: "ICRS", value: (r) => r.ra },
  {
    name: "dec",
    datatype: "double",
    unit: "deg",
    ucd: "pos.eq.dec;meta.main",
    description: "ICRS",
    value: (r) => r.dec,
  },
  { name: "redshift", datatype: "double", ucd: "src.redshift", value: (r) => r.redshift },
  { name: "hubble_type", datatype: "char", ucd: "src.morph.type", value: (r) => r.hubbleType },
  {
    name: "status",
    datatype: "char",
    ucd: "meta.code.status",
    description: GALAXY_STATUSES.map((s) => `${s}: ${STATUS_MEANING[s]}`).join("; "),
    value: (r) => r.status,
  },
  {
    name: "status_time",
    datatype: "char",
    ucd: "time.epoch",
    description: "when the galaxy reached its status (ISO 8601 UTC)",
    value: (r) => r.statusTime,
  },
  {
    name: "width",
    datatype: "int",
    unit: "pixel",
    description: "image width on the common grid",
    value: (r) => r.width,
  },
  {
    name: "height",
    datatype: "int",
    unit: "pixel",
    description: "image height on the common grid",
    value: (r) => r.height,
  },
  { name: "pixel_scale", datatype: "double", unit: "arcsec", ucd: "instr.scale", value: (r) => r.pixelScale },
  {
    name: "pixel_count",
    datatype: "int",
    description: "usable pixels (fitted by MAGPHYS)",
    value: (r) => r.pixelCount,
  },
  { name: "pixels_processed", datatype: "int", description: "pixels with results", value: (r) => r.pixelsProcessed },
  {
    name: "archive_size",
    datatype: "long",
    unit: "byte",
    description: "size of the HDF5 archive; empty before it is built",
    value: (r) => r.archiveSize,
  },
];

const DISTANCE: Column = {
  name: "distance",
  datatype: "double",
  unit: "arcmin",
  ucd: "pos.angDistance",
  description: "great-circle distance from the cone's centre",
  value: (r) => r.distanceArcmin,
};

const LINKS: Column[] = [
  { name: "page", datatype: "char", ucd: "meta.ref.url", value: (r, o) => `${o}/galaxies/${r.id}` },
  {
    name: "publisher_did",
    ID: "publisher_did",
    datatype: "char",
    ucd: "meta.ref.uri",
    description: "dataset identifier (DataLink and SODA ID)",
    value: (r) => galaxyDid(r.id),
  },
  {
    name: "datalink",
    datatype: "char",
    ucd: "meta.ref.url",
    description: "DataLink {links} of the galaxy's files and services",
    value: (r, o) => datalinkUrl(o, r.id),
  },
];

/** A column's VOTable FIELD: everything but how its value is read. */
function fieldOf(column: Column): VoField {
  const field: Partial<Column> = { ...column };
  delete field.value;
  return field as VoField;
}

const columnsOf = (withDistance: boolean) => [...COLUMNS, ...(withDistance ? [DISTANCE] : []), ...LINKS];

function csvCell(value: VoValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function catalogueCsv({ rows, withDistance, origin }: ExportRows): string {
  const columns = columnsOf(withDistance);
  const lines = [columns.map((c) => c.name).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r, origin))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function catalogueVotable({ rows, total, withDistance, origin }: ExportRows): string {
  const columns = columnsOf(withDistance);
  const overflow = total > rows.length;
  const fields = columns.map(fieldOf);
  return votableDocument([
    tableResource({
      name: "pogs_galaxies",
      infos: [
        {
          name: "QUERY_STATUS",
          value: overflow ? "OVERFLOW" : "OK",
          text: overflow ? `${rows.length} of ${total} rows` : undefined,
        },
      ],
      fields,
      rows: rows.map((r) => columns.map((c) => c.value(r, origin))),
    }),
    serviceDescriptor({
      ID: "datalink_service",
      name: "datalink",
      standardID: "ivo://ivoa.net/std/DataLink#links-1.1",
      accessURL: `${origin}/api/datalink`,
      description: "The files and services of each galaxy",
      inputParams: [{ name: "ID", datatype: "char", ref: "publisher_did", ucd: "meta.id;meta.main" }],
    }),
  ]);
}

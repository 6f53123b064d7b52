/**
 * VOTable 1.4 documents in TABLEDATA serialisation (what DALI and DataLink require, and what
 * astropy, pyvo and TOPCAT read): tables of typed FIELDs, INFOs, and service descriptors
 * (`RESOURCE type="meta" utype="adhoc:service"`, DataLink 1.1 §4) telling a client how to call a
 * service for a row.
 */
import { element, escapeXml } from "./xml";

export type VoDatatype = "char" | "int" | "long" | "double" | "boolean";

export interface VoField {
  name: string;
  datatype: VoDatatype;
  ID?: string;
  unit?: string;
  ucd?: string;
  utype?: string;
  xtype?: string;
  description?: string;
}

export type VoValue = string | number | boolean | null | undefined;

export interface VoParam {
  name: string;
  datatype: VoDatatype;
  value?: string;
  ref?: string;
  arraysize?: string;
  unit?: string;
  ucd?: string;
  xtype?: string;
  description?: string;
  options?: string[];
  min?: string;
  max?: string;
}

/** `unicode`: the column holds text beyond ASCII, which VOTable's `char` may not (astropy W55). */
function fieldXml(f: VoField, unicode: boolean): string {
  const arraysize = f.datatype === "char" ? "*" : undefined;
  const { description, ...attrs } = f;
  return element(
    "FIELD",
    { ...attrs, datatype: unicode ? "unicodeChar" : f.datatype, arraysize },
    description ? element("DESCRIPTION", {}, escapeXml(description)) : "",
  );
}

function cell(value: VoValue, f: VoField): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "<TD/>";
  if (typeof value === "boolean") return `<TD>${value ? "T" : "F"}</TD>`;
  if (f.datatype === "int" || f.datatype === "long") return `<TD>${Math.trunc(Number(value))}</TD>`;
  return `<TD>${escapeXml(String(value))}</TD>`;
}

export function paramXml(p: VoParam): string {
  const { description, options, min, max, ...attrs } = p;
  const values =
    options || min || max
      ? element(
          "VALUES",
          {},
          min ? element("MIN", { value: min }) : "",
          max ? element("MAX", { value: max }) : "",
          ...(options ?? []).map((o) => element("OPTION", { value: o })),
        )
      : "";
  return element(
    "PARAM",
    { ...attrs, arraysize: p.arraysize ?? (p.datatype === "char" ? "*" : undefined), value: p.value ?? "" },
    description ? element("DESCRIPTION", {}, escapeXml(description)) : "",
    values,
  );
}

/** A RESOURCE of type results with one TABLE (rows of values in field order) and INFOs before it. */
export function tableResource(options: {
  name?: string;
  infos?: { name: string; value: string; text?: string }[];
  fields: VoField[];
  rows: Iterable<VoValue[]>;
}): string {
  const parts: string[] = [];
  for (const info of options.infos ?? [])
    parts.push(element("INFO", { name: info.name, value: info.value }, info.text ? escapeXml(info.text) : ""));
  const rows: string[] = [];
  const unicode = options.fields.map(() => false);
  for (const row of options.rows) {
    row.forEach((v, i) => (unicode[i] ||= typeof v === "string" && /[^\x00-\x7f]/.test(v)));
    rows.push(`<TR>${row.map((v, i) => cell(v, options.fields[i])).join("")}</TR>\n`);
  }
  const fields = options.fields.map((f, i) => fieldXml(f, unicode[i]));
  parts.push(
    `<TABLE${options.name ? ` name="${escapeXml(options.name)}"` : ""}>\n${fields.join("\n")}\n<DATA><TABLEDATA>\n${rows.join("")}</TABLEDATA></DATA></TABLE>`,
  );
  return `<RESOURCE type="results">\n${parts.join("\n")}\n</RESOURCE>`;
}

/** A service descriptor: how to call `accessURL` (standardID), with fixed or per-row input params. */
export function serviceDescriptor(options: {
  ID: string;
  name: string;
  standardID: string;
  accessURL: string;
  description?: string;
  inputParams: VoParam[];
}): string {
  return element(
    "RESOURCE",
    { type: "meta", utype: "adhoc:service", ID: options.ID, name: options.name },
    options.description ? element("DESCRIPTION", {}, escapeXml(options.description)) : "",
    paramXml({ name: "standardID", datatype: "char", value: options.standardID }),
    paramXml({ name: "accessURL", datatype: "char", value: options.accessURL }),
    element("GROUP", { name: "inputParams" }, ...options.inputParams.map(paramXml)),
  );
}

export function votableDocument(resources: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    `${resources.join("\n")}\n</VOTABLE>\n`
  );
}

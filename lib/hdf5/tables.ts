// Small compound tables and attributes. h5wasm cannot write variable-length strings inside a
// compound (they need pointers into the wasm heap), so strings are fixed-length UTF-8 sized to
// the longest value; h5py reads them as bytes (`.decode()`), h5dump as strings.
import { chunks, GZIP_LEVEL } from "./archive-layout";
import type { Attribute, H5FileWriter } from "./h5-writer";

export type Column =
  | { name: string; type: "int64" | "int32" | "float32" | "float64"; values: ArrayLike<number> }
  | { name: string; type: "string"; values: readonly string[] };

const encoder = new TextEncoder();

function columnData(c: Column): { dtype: string; data: unknown } {
  switch (c.type) {
    case "int64":
      return { dtype: "<q", data: BigInt64Array.from(Array.from(c.values, (v) => BigInt(v))) };
    case "int32":
      return { dtype: "<i", data: Int32Array.from(c.values) };
    case "float32":
      return { dtype: "<f", data: Float32Array.from(c.values) };
    case "float64":
      return { dtype: "<d", data: Float64Array.from(c.values) };
    case "string": {
      const longest = c.values.reduce((m, s) => Math.max(m, encoder.encode(s).length), 1);
      return { dtype: `S${longest}`, data: [...c.values] };
    }
  }
}

/** A 1-D compound dataset, gzip-compressed in chunks (an empty table gets an unlimited maximum). */
export function writeTable(writer: H5FileWriter, parent: string, name: string, columns: Column[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  if (columns.some((c) => c.values.length !== rows)) throw new Error(`table ${name}: columns of different lengths`);
  const prepared = columns.map((c) => ({ name: c.name, ...columnData(c) }));
  return writer.dataset(parent, {
    name,
    data: new Map(prepared.map((c) => [c.name, c.data])),
    dtype: prepared.map((c) => [c.name, c.dtype]),
    shape: [rows],
    maxshape: [rows === 0 ? null : rows],
    chunks: [chunks.table(rows)],
    compression: "gzip",
    compression_opts: GZIP_LEVEL,
  });
}

export type AttributeValue = string | number | readonly string[] | { int: number } | null | undefined;

/**
 * Attributes from plain values: strings (variable-length UTF-8), numbers (float64), `{ int }`
 * (int64, as POGS wrote its integer columns), string lists. Null and undefined are skipped: HDF5
 * has no null, and an absent attribute says "no value" as the database's NULL did.
 */
export function writeAttributes(
  writer: H5FileWriter,
  path: string,
  attrs: Record<string, AttributeValue>,
): Promise<void> {
  const list: Attribute[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string") list.push({ name, value });
    else if (typeof value === "number") list.push({ name, value, dtype: "<d" });
    else if (Array.isArray(value)) list.push({ name, value: [...value] as string[] });
    else list.push({ name, value: (value as { int: number }).int, dtype: "<q" });
  }
  return writer.attributes(path, list);
}

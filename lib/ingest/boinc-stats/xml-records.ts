/**
 * Streaming reader of the export's two-level XML, `<root><record><field>text</field>…</record>…`,
 * with sax in strict mode: each record comes out as a map of its fields' text (entities decoded)
 * as soon as it closes. XML errors, a wrong root element and a file ending inside the root are
 * fatal (StatsExportError); what a record's fields mean is the caller's business.
 */
import sax from "sax";
import { StatsExportError } from "./export-error";

export interface RawRecord {
  /** Element name: the expected record name, or something else the caller will skip. */
  name: string;
  /** 1-based line of the record's start tag. */
  line: number;
  /** Field name → text; an empty element (`<has_profile/>`) maps to "". */
  fields: Map<string, string>;
  /** A field given twice, which makes the record ambiguous. */
  duplicateField?: string;
}

export async function* xmlRecords(
  chunks: AsyncIterable<string>,
  root: string,
  fileName?: string,
): AsyncGenerator<RawRecord> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const fatal = (failure: "xml" | "root", reason: string) =>
    new StatsExportError(failure, reason, parser.line + 1, fileName);
  const ready: RawRecord[] = [];
  let depth = 0;
  let sawRoot = false;
  let closedRoot = false;
  let record: RawRecord | null = null;
  let field: string | null = null;
  let text = "";

  parser.onerror = (error) => {
    throw fatal("xml", `XML syntax error: ${error.message.split("\n")[0]}`);
  };
  parser.onopentag = (tag) => {
    depth++;
    if (depth === 1) {
      if (tag.name !== root) throw fatal("root", `expected the root element <${root}>, found <${tag.name}>`);
      sawRoot = true;
    } else if (depth === 2) {
      record = { name: tag.name, line: parser.line + 1, fields: new Map() };
    } else if (depth === 3) {
      field = tag.name;
      text = "";
    }
  };
  const addText = (t: string) => {
    if (depth === 3 && field !== null) text += t;
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  parser.onclosetag = () => {
    if (depth === 3 && record && field !== null) {
      if (record.fields.has(field)) record.duplicateField ??= field;
      record.fields.set(field, text);
      field = null;
    } else if (depth === 2 && record) {
      ready.push(record);
      record = null;
    } else if (depth === 1) {
      closedRoot = true;
    }
    depth--;
  };

  for await (const chunk of chunks) {
    parser.write(chunk);
    // Records completed by this chunk go out before the next chunk is read: memory stays at one
    // chunk's worth of records whatever the file size.
    yield* ready.splice(0);
  }
  if (!sawRoot) throw fatal("root", `no <${root}> root element (empty file?)`);
  if (!closedRoot) throw fatal("xml", `the file ends inside <${root}> (truncated?)`);
  parser.close();
  yield* ready.splice(0);
}

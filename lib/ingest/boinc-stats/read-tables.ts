/**
 * Reader of `tables.xml`, the export's small uncompressed summary. Unlike a user record, a bad
 * value here has nothing to skip to, so it is fatal like an XML error.
 */
import sax from "sax";
import { StatsExportError } from "./export-error";
import { sourceName, textChunks, type ExportSource } from "./text-source";
import type { BoincBadge, BoincTables } from "./types";

interface Leaf {
  path: string;
  text: string;
  line: number;
}

export async function readTablesXml(
  source: ExportSource,
  options: { gzip?: boolean; fileName?: string } = {},
): Promise<BoincTables> {
  const fileName = sourceName(source, options.fileName);
  const leaves = await collectLeaves(textChunks(source, { gzip: options.gzip ?? false, fileName }), fileName);
  const bad = (leaf: Leaf, what: string) =>
    new StatsExportError("xml", `<${leaf.path}> is not ${what}: '${leaf.text}'`, leaf.line, fileName);
  const number = (path: string, integer: boolean): number => {
    const leaf = leaves.find((l) => l.path === path);
    if (!leaf) return 0;
    const text = leaf.text.trim();
    const ok = integer ? /^\d+$/.test(text) : /^\d+(\.\d*)?([eE][+-]?\d+)?$/.test(text);
    if (!ok) throw bad(leaf, integer ? "a non-negative integer" : "a non-negative number");
    return Number(text);
  };
  if (!leaves.some((l) => l.path === "tables/update_time")) {
    throw new StatsExportError("xml", "tables.xml has no <update_time>", undefined, fileName);
  }
  const badges: BoincBadge[] = [];
  let badge: Partial<BoincBadge> = {};
  for (const leaf of leaves.filter((l) => l.path.startsWith("tables/badges/badge/"))) {
    const key = leaf.path.slice("tables/badges/badge/".length);
    if (key === "id") {
      if (!/^\d+$/.test(leaf.text.trim())) throw bad(leaf, "a badge id");
      badge = { id: Number(leaf.text), name: "", title: "", imageUrl: "" };
      badges.push(badge as BoincBadge);
    } else if (badge.id !== undefined && (key === "name" || key === "title")) {
      badge[key] = leaf.text;
    } else if (badge.id !== undefined && key === "image_url") {
      badge.imageUrl = leaf.text;
    }
  }
  return {
    updateTime: number("tables/update_time", true),
    creditByApp: leaves.some((l) => l.path === "tables/credit_by_app"),
    nusersTotal: number("tables/nusers_total", true),
    nteamsTotal: number("tables/nteams_total", true),
    nhostsTotal: number("tables/nhosts_total", true),
    nusersDeletedTotal: number("tables/nusers_deleted_total", true),
    nhostsDeletedTotal: number("tables/nhosts_deleted_total", true),
    totalCredit: number("tables/total_credit", false),
    applications: leaves.filter((l) => l.path === "tables/applications/application/name").map((l) => l.text),
    badges,
  };
}

/** Every element without child elements, with its slash-joined path from the root. */
async function collectLeaves(chunks: AsyncIterable<string>, fileName: string | undefined): Promise<Leaf[]> {
  const parser = sax.parser(true, { position: true });
  const fail = (failure: "xml" | "root", reason: string) =>
    new StatsExportError(failure, reason, parser.line + 1, fileName);
  const path: string[] = [];
  const leaves: Leaf[] = [];
  let text = "";
  let hasChild = false;
  let sawRoot = false;
  parser.onerror = (error) => {
    throw fail("xml", `XML syntax error: ${error.message.split("\n")[0]}`);
  };
  parser.onopentag = (tag) => {
    if (path.length === 0) {
      if (tag.name !== "tables") throw fail("root", `expected the root element <tables>, found <${tag.name}>`);
      sawRoot = true;
    }
    path.push(tag.name);
    text = "";
    hasChild = false;
  };
  parser.ontext = parser.oncdata = (t) => (text += t);
  parser.onclosetag = () => {
    if (!hasChild) leaves.push({ path: path.join("/"), text, line: parser.line + 1 });
    path.pop();
    hasChild = true;
    text = "";
  };
  for await (const chunk of chunks) parser.write(chunk);
  if (!sawRoot) throw fail("root", "no <tables> root element (empty file?)");
  if (path.length) throw fail("xml", "the file ends inside <tables> (truncated?)");
  parser.close();
  return leaves;
}

/**
 * The text of export records exactly as BOINC's db_dump lays them out (element order, indentation,
 * printf formats: `%f` credits and times, `%d` create_time), so synthetic exports read like a
 * project's real ones. One difference: every text value is escaped, where BOINC leaves country
 * unescaped (a raw '&' there would make the whole file invalid XML). Text is written as UTF-8, or
 * with `escapeBoincXml` byte by byte as BOINC's own `xml_escape` does (./boinc-text.ts).
 */
import { byteWiseReferences } from "./boinc-text";
import type { BoincHostRecord, BoincTables, BoincTeamRecord, BoincUserRecord } from "./types";

export type TextEscape = (text: string) => string;

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

// Control characters cannot appear in XML 1.0 even as references, so they become U+FFFD.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** As BOINC's db_dump writes text: escaped, and every UTF-8 byte above 127 as its own reference. */
export function escapeBoincXml(text: string): string {
  return byteWiseReferences(escapeXml(text));
}

/** C's `%f`: six decimals. */
function f(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot export non-finite value ${value}`);
  return value.toFixed(6);
}

/** C's `%d`/`%lu`. */
function d(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot export non-finite value ${value}`);
  return String(Math.trunc(value));
}

export function userXml(u: BoincUserRecord, escape: TextEscape = escapeXml): string {
  let xml =
    `<user>\n <id>${d(u.id)}</id>\n <name>${escape(u.name)}</name>\n <create_time>${d(u.createTime)}</create_time>\n` +
    ` <total_credit>${f(u.totalCredit)}</total_credit>\n <expavg_credit>${f(u.expavgCredit)}</expavg_credit>\n` +
    ` <expavg_time>${f(u.expavgTime)}</expavg_time>\n <cpid>${escape(u.cpid)}</cpid>\n`;
  if (u.country) xml += ` <country>${escape(u.country)}</country>\n`;
  if (u.url) xml += ` <url>${escape(u.url)}</url>\n`;
  if (u.teamId) xml += ` <teamid>${d(u.teamId)}</teamid>\n`;
  if (u.hasProfile) xml += " <has_profile/>\n";
  return xml + "</user>\n";
}

export function teamXml(t: BoincTeamRecord, escape: TextEscape = escapeXml): string {
  let xml =
    `<team>\n <id>${d(t.id)}</id>\n <type>${d(t.type)}</type>\n <name>${escape(t.name)}</name>\n` +
    ` <userid>${d(t.founderId)}</userid>\n <total_credit>${f(t.totalCredit)}</total_credit>\n` +
    ` <expavg_credit>${f(t.expavgCredit)}</expavg_credit>\n <expavg_time>${f(t.expavgTime)}</expavg_time>\n`;
  if (t.founderName !== null) xml += `  <founder_name>${escape(t.founderName)}</founder_name>\n`;
  xml += ` <create_time>${d(t.createTime)}</create_time>\n`;
  if (t.url) xml += ` <url>${escape(t.url)}</url>\n`;
  if (t.nameHtml) xml += `<name_html>${escape(t.nameHtml)}</name_html>\n`;
  if (t.description) xml += `<description>${escape(t.description)}</description>\n`;
  xml += ` <country>${escape(t.country ?? "")}</country>\n`;
  return xml + "</team>\n";
}

export function hostXml(h: BoincHostRecord, escape: TextEscape = escapeXml): string {
  const text = (name: string, value: string | null) => (value ? `    <${name}>${escape(value)}</${name}>\n` : "");
  let xml = `<host>\n    <id>${d(h.id)}</id>\n`;
  if (h.userId) xml += `    <userid>${d(h.userId)}</userid>\n`;
  xml +=
    `    <total_credit>${f(h.totalCredit)}</total_credit>\n    <expavg_credit>${f(h.expavgCredit)}</expavg_credit>\n` +
    `    <expavg_time>${f(h.expavgTime)}</expavg_time>\n` +
    text("p_vendor", h.cpuVendor) +
    text("p_model", h.cpuModel) +
    text("os_name", h.osName) +
    text("os_version", h.osVersion) +
    `  <create_time>${d(h.createTime)}</create_time>\n  <rpc_time>${d(h.rpcTime ?? 0)}</rpc_time>\n` +
    `  <ncpus>${d(h.cpuCount)}</ncpus>\n  <p_fpops>${f(h.pFpops)}</p_fpops>\n`;
  return xml + "</host>\n";
}

export function tablesXml(t: BoincTables): string {
  const line = (name: string, value: string) => `    <${name}>${value}</${name}>\n`;
  let xml = XML_DECLARATION + "<tables>\n" + line("update_time", d(t.updateTime));
  if (t.creditByApp) xml += "    <credit_by_app/>\n";
  // BOINC prints the counts and the total only when non-zero.
  if (t.nusersTotal) xml += line("nusers_total", d(t.nusersTotal));
  if (t.nteamsTotal) xml += line("nteams_total", d(t.nteamsTotal));
  if (t.nhostsTotal) xml += line("nhosts_total", d(t.nhostsTotal));
  if (t.nusersDeletedTotal) xml += line("nusers_deleted_total", d(t.nusersDeletedTotal));
  if (t.nhostsDeletedTotal) xml += line("nhosts_deleted_total", d(t.nhostsDeletedTotal));
  if (t.totalCredit) xml += line("total_credit", f(t.totalCredit));
  xml += "    <applications>\n";
  for (const name of t.applications)
    xml += `        <application>\n            <name>${escapeXml(name)}</name>\n        </application>\n`;
  xml += "    </applications>\n    <badges>\n";
  for (const b of t.badges) {
    xml +=
      `       <badge>\n           <id>${d(b.id)}</id>\n           <name>${escapeXml(b.name)}</name>\n` +
      `           <title>${escapeXml(b.title)}</title>\n           <image_url>${escapeXml(b.imageUrl)}</image_url>\n       </badge>\n`;
  }
  return xml + "    </badges>\n</tables>\n";
}

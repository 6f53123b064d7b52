/**
 * BOINC's `xml_escape` (lib/parse.cpp) writes every byte above 127 as its own character reference,
 * so the UTF-8 name "中国队" arrives as `&#228;&#184;&#173;&#229;&#155;&#189;&#233;&#152;&#159;`
 * and an XML parser hands over nine Latin-1 characters. BOINC's MySQL tables are usually Latin-1
 * columns holding UTF-8 bytes, which read back the same way. This turns such text back into the
 * characters it encodes, as stats sites (BOINCstats) do:
 *
 * - text with no character in U+0080–U+00FF, or with any character above U+00FF (real Unicode, as
 *   a fixed BOINC or the demo writes it), is left as it is;
 * - otherwise its characters are taken as bytes and decoded as UTF-8; if that fails (a name that
 *   really is Latin-1, "Zoë", or a truncated sequence) the text is kept as it came, never dropped.
 */

export type TextRepair = "unchanged" | "repaired" | "latin1";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function repairBoincTextOutcome(text: string): { text: string; outcome: TextRepair } {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return { text, outcome: "unchanged" };
    if (code >= 0x80) high = true;
  }
  if (!high) return { text, outcome: "unchanged" };
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  try {
    return { text: UTF8.decode(bytes), outcome: "repaired" };
  } catch {
    return { text, outcome: "latin1" };
  }
}

/** The repaired text alone (for a BOINC Web RPC reply or a database row). */
export function repairBoincText(text: string): string {
  return repairBoincTextOutcome(text).text;
}

/** How many text fields an export's reader repaired, and kept as Latin-1 (with a few examples). */
export interface TextRepairCounts {
  repaired: number;
  latin1: number;
  latin1Examples: string[];
}

export function emptyTextRepairCounts(): TextRepairCounts {
  return { repaired: 0, latin1: 0, latin1Examples: [] };
}

/**
 * BOINC's way of writing text (the inverse, for writers that imitate db_dump): every UTF-8 byte
 * above 127 as its own decimal character reference. The caller escapes &, < and > first.
 */
export function byteWiseReferences(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out += char;
    else for (const byte of Buffer.from(char, "utf8")) out += `&#${byte};`;
  }
  return out;
}

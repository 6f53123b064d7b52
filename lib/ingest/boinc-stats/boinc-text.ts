/**
 * BOINC's `xml_escape` (lib/parse.cpp) writes every byte above 127 as its own character reference,
 * so the UTF-8 name "中国队" arrives as `&#228;&#184;&#173;&#229;&#155;&#189;&#233;&#152;&#159;`
 * and an XML parser hands over nine Latin-1 characters. BOINC's MySQL tables are usually Latin-1
 * columns holding UTF-8 bytes, which read back the same way. This turns such text back into the
 * characters it encodes, as stats sites (BOINCstats) do:
 *
 * - text with no character above U+007F, or with any character no single byte stands for (real
 *   Unicode, as a fixed BOINC or the demo writes it), is left as it is;
 * - otherwise its characters are taken as bytes and decoded as UTF-8; if that fails (a name that
 *   really is Latin-1, "Zoë", or a truncated sequence) the text is kept as it came, never dropped.
 *
 * MySQL's "latin1" is Windows-1252, so bytes 0x80–0x9F of such a column read back as “ ” ‘ ’ € …
 * rather than U+0080–U+009F: those characters count as their bytes too.
 */

export type TextRepair = "unchanged" | "repaired" | "latin1";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

// Windows-1252's characters for bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D stay U+0081…).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const BYTE_OF = new Map([...CP1252_HIGH].map((c, i) => [c.charCodeAt(0), 0x80 + i]));

export function repairBoincTextOutcome(text: string): { text: string; outcome: TextRepair } {
  if (!/[^\x00-\x7f]/.test(text)) return { text, outcome: "unchanged" };
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : BYTE_OF.get(code);
    if (byte === undefined) return { text, outcome: "unchanged" };
    bytes[i] = byte;
  }
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

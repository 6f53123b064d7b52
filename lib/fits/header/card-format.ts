import { FitsError } from "@/lib/fits/errors";
import { type FitsCard, CARD_LENGTH, COMMENTARY_KEYWORDS } from "./card";

const KEYWORD_RE = /^[A-Z0-9_-]{0,8}$/;
// The longest string that fits between quotes at columns 11 and 80.
const MAX_QUOTED = 68;
// A CONTINUE piece keeps one character for its trailing '&'.
const MAX_PIECE = MAX_QUOTED - 1;
const COMMENTARY_WIDTH = CARD_LENGTH - 8;

/**
 * Formats a card into one or more 80-character card images: several for long strings (CONTINUE
 * convention) and long commentary text. Throws FitsError for what no reader could parse back.
 */
export function formatCard(card: FitsCard): string[] {
  const keyword = card.keyword.toUpperCase();
  checkAscii(keyword, card.value, card.comment);
  const hierarch = keyword.startsWith("HIERARCH ");
  if (!hierarch && !KEYWORD_RE.test(keyword)) throw new FitsError("header", `invalid keyword '${card.keyword}'`);

  if (card.kind === "commentary" || COMMENTARY_KEYWORDS.has(keyword)) {
    const text = String(card.value ?? "");
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += COMMENTARY_WIDTH) pieces.push(text.slice(i, i + COMMENTARY_WIDTH));
    return (pieces.length ? pieces : [""]).map((p) => pad(keyword.padEnd(8) + p));
  }
  if (hierarch) return [pad(`${keyword} = ${formatValue(card).trim()}${commentSuffix(card.comment)}`)];
  if (card.kind === "string") return formatString(keyword, String(card.value), card.comment);
  return [withComment(keyword.padEnd(8) + "= " + formatValue(card), card.comment)];
}

/**
 * The value as written in the value field. Fixed format (FITS 4.0 §4.2): numbers and logicals
 * right-justified to column 30; strings start with a quote in column 11 and hold at least 8
 * characters so the closing quote is at column 20 or later.
 * Comments follow a blank and a slash, so short values put the "/" in column 32.
 */
export function formatValue(card: Pick<FitsCard, "keyword" | "value" | "kind">): string {
  const { value, kind } = card;
  switch (kind) {
    case "undefined":
      return "";
    case "logical":
      return (value ? "T" : "F").padStart(20);
    case "string":
      // Padded to column 30 like numbers, as cfitsio and astropy write them. Not cosmetic: astropy
      // verifies CHECKSUM by re-serialising the header in this layout.
      return `'${escape(String(value)).padEnd(8)}'`.padEnd(20);
    case "int":
    case "float": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new FitsError("header", `${card.keyword}: FITS cannot hold the value ${String(value)}`);
      }
      return (kind === "int" && Number.isInteger(value) ? value.toFixed(0) : formatFloat(value)).padStart(20);
    }
    default:
      return String(value).padStart(20);
  }
}

/**
 * Shortest text that reads back as the same double, with '.' or 'E' so it stays a float.
 * Values needing more than 20 characters are written in free format (they extend past column 30),
 * which the standard allows for non-mandatory keywords; rounding them would silently lose digits.
 */
export function formatFloat(x: number): string {
  const plain = String(x);
  const candidates = [plain.includes("e") ? toFitsExponent(plain) : plain.includes(".") ? plain : plain + ".0"];
  candidates.push(toFitsExponent(x.toExponential()));
  candidates.sort((a, b) => a.length - b.length);
  return candidates[0];
}

function toFitsExponent(js: string): string {
  const [mantissa, exp] = js.split("e");
  const sign = exp.startsWith("-") ? "-" : "+";
  const digits = exp.replace(/^[+-]/, "").padStart(2, "0");
  return `${mantissa.includes(".") ? mantissa : mantissa + ".0"}E${sign}${digits}`;
}

/** Long strings are cut into pieces ending in '&', continued on CONTINUE cards (OGIP 1.0). */
function formatString(keyword: string, value: string, comment: string): string[] {
  if (escape(value).length <= MAX_QUOTED) {
    return [withComment(`${keyword.padEnd(8)}= ${formatValue({ keyword, value, kind: "string" })}`, comment)];
  }
  const pieces: string[] = [];
  let piece = "";
  for (const ch of value) {
    const esc = ch === "'" ? "''" : ch; // never split an escaped quote across cards
    if (piece.length + esc.length > MAX_PIECE) {
      pieces.push(piece);
      piece = "";
    }
    piece += esc;
  }
  pieces.push(piece);
  return pieces.map((p, i) => {
    const prefix = i === 0 ? `${keyword.padEnd(8)}= ` : "CONTINUE  ";
    const last = i === pieces.length - 1;
    return last ? withComment(`${prefix}'${p}'`, comment) : pad(`${prefix}'${p}&'`);
  });
}

/** Whether a card would need CONTINUE cards (the header then declares LONGSTRN). */
export function isLongString(card: FitsCard): boolean {
  return card.kind === "string" && escape(String(card.value)).length > MAX_QUOTED;
}

function escape(s: string): string {
  return s.replace(/'/g, "''");
}

function commentSuffix(comment: string): string {
  return comment ? ` / ${comment}` : "";
}

/** Comments are cut at column 80 rather than refused: they carry no data. */
function withComment(start: string, comment: string): string {
  return pad(start + commentSuffix(comment));
}

function pad(s: string): string {
  return s.length > CARD_LENGTH ? s.slice(0, CARD_LENGTH) : s.padEnd(CARD_LENGTH);
}

function checkAscii(keyword: string, value: unknown, comment: string): void {
  const text = `${keyword}${typeof value === "string" ? value : ""}${comment}`;
  if (/[^\x20-\x7e]/.test(text)) {
    throw new FitsError("header", `${keyword}: FITS headers hold printable ASCII only (got ${JSON.stringify(text)})`);
  }
}

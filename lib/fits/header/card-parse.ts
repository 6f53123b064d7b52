import { type FitsCard, CARD_LENGTH } from "./card";

const INT_RE = /^[+-]?\d+$/;
// FITS floats may use D for double-precision exponents, and may omit digits on either side of '.'.
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)([EeDd][+-]?\d+)?$/;

/**
 * Parses one 80-character card image. Lenient on purpose: real archives contain cards that break
 * the standard (lowercase keywords, unquoted strings, `-` as a keyword in WISE atlases); such a
 * card is kept with kind "raw" rather than making the whole file unreadable.
 */
export function parseCard(image: string): FitsCard {
  const line = image.length > CARD_LENGTH ? image.slice(0, CARD_LENGTH) : image.padEnd(CARD_LENGTH);
  const head = line.slice(0, 8).trimEnd().toUpperCase();

  if (head === "HIERARCH" && line.includes("=")) {
    // ESO convention: the keyword is everything up to '='; the value follows it.
    const eq = line.indexOf("=");
    return {
      keyword: line.slice(0, eq).trim().replace(/\s+/g, " ").toUpperCase(),
      ...parseValueField(line.slice(eq + 1)),
    };
  }
  // COMMENT and HISTORY hold text even when it happens to start with "= ".
  const commentary = head === "COMMENT" || head === "HISTORY" || head === "";
  if (!commentary && line.slice(8, 10) === "= ") return { keyword: head, ...parseValueField(line.slice(10)) };
  if (head === "CONTINUE" && line.slice(8, 10) === "  ") {
    // The long-string convention: merged into the previous card by the header parser.
    return { keyword: head, ...parseValueField(line.slice(10)) };
  }
  return { keyword: head, value: line.slice(8).trimEnd(), comment: "", kind: "commentary" };
}

/** Parses the value field (everything after "= "): value, then an optional "/ comment". */
export function parseValueField(field: string): Omit<FitsCard, "keyword"> {
  const start = field.search(/\S/);
  if (start < 0) return { value: null, comment: "", kind: "undefined" };
  if (field[start] === "/") return { value: null, comment: field.slice(start + 1).trim(), kind: "undefined" };
  if (field[start] === "'") return parseQuoted(field, start);

  const slash = field.indexOf("/", start);
  const token = (slash < 0 ? field.slice(start) : field.slice(start, slash)).trim();
  const comment = slash < 0 ? "" : field.slice(slash + 1).trim();
  if (token === "T" || token === "F") return { value: token === "T", comment, kind: "logical" };
  if (INT_RE.test(token)) return { value: Number(token), comment, kind: "int" };
  if (FLOAT_RE.test(token)) return { value: Number(token.replace(/[Dd]/, "E")), comment, kind: "float" };
  if (token.startsWith("(")) return { value: token, comment, kind: "complex" };
  return { value: token, comment, kind: "raw" };
}

/** A quoted string: '' is an escaped quote; trailing blanks are not significant, leading ones are. */
function parseQuoted(field: string, start: number): Omit<FitsCard, "keyword"> {
  let text = "";
  let i = start + 1;
  for (; i < field.length; i++) {
    if (field[i] !== "'") text += field[i];
    else if (field[i + 1] === "'") {
      text += "'";
      i++;
    } else break;
  }
  if (i >= field.length) return { value: text.trimEnd(), comment: "", kind: "raw" }; // no closing quote
  const rest = field.slice(i + 1);
  const slash = rest.indexOf("/");
  const comment = slash < 0 ? "" : rest.slice(slash + 1).trim();
  return { value: text.trimEnd(), comment, kind: "string" };
}

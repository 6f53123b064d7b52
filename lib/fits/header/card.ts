/**
 * One header card as data. Kept plain (no class) so a header can be stored as JSON or as
 * keyword/value/comment rows in the database and rebuilt without loss.
 */

/**
 * What the value was written as. Numbers need it: `CRPIX1 = 256.0` and `NAXIS1 = 256` are both the
 * JS number 256, but a reader expecting a float keyword must get `256.0` back.
 */
export type CardKind =
  | "string"
  | "logical"
  | "int"
  | "float"
  | "undefined" // `KEY     =` with an empty value field
  | "complex" // kept as its text, e.g. "(1.0, 2.0)"
  | "raw" // an unparseable value field, kept verbatim so a bad card does not stop the read
  | "commentary"; // COMMENT, HISTORY, blank keyword, or any card without "= "

export type CardValue = string | number | boolean | null;

export interface FitsCard {
  keyword: string;
  /** string for string/complex/raw/commentary, number for int/float, boolean, null if undefined. */
  value: CardValue;
  comment: string;
  kind: CardKind;
}

export const CARD_LENGTH = 80;
export const BLOCK_LENGTH = 2880;

/** Keywords whose cards carry free text instead of a value. */
export const COMMENTARY_KEYWORDS = new Set(["COMMENT", "HISTORY", ""]);

/** The kind a JS value is written as when the caller does not say. */
export function kindOf(value: CardValue, float = false): CardKind {
  if (value === null) return "undefined";
  if (typeof value === "boolean") return "logical";
  if (typeof value === "string") return "string";
  return float || !Number.isInteger(value) ? "float" : "int";
}

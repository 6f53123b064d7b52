/**
 * Reading and writing numbers the way the MAGPHYS Fortran client prints them: Fw.d, 1PEw.d(Ee),
 * 0PEw.d and Iw edit descriptors, right-justified in fixed-width fields.
 *
 * Parsing is by token, not by column: widths differ between parameters and exponents grow to three
 * digits (`1.397E-011`), so only whitespace separates fields reliably.
 */

const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d{1,3})?$/;
// Fortran drops the 'E' when a 2-digit exponent field overflows: 1.181-100 means 1.181E-100.
const REAL_SHORT_EXPONENT = /^([+-]?(?:\d+\.?\d*|\.\d+))([+-]\d{3})$/;
const INTEGER = /^[+-]?\d+$/;

/** The value of a Fortran real token, or undefined if it is not one (NaN, Infinity, garbage). */
export function parseFortranNumber(token: string): number | undefined {
  if (REAL.test(token)) return Number(token.replace(/[Dd]/, "E"));
  const short = REAL_SHORT_EXPONENT.exec(token);
  if (short) return Number(`${short[1]}E${short[2]}`);
  return undefined;
}

export function parseFortranInteger(token: string): number | undefined {
  if (!INTEGER.test(token)) return undefined;
  const value = Number(token);
  return Number.isSafeInteger(value) ? value : undefined;
}

// Fortran would print asterisks when a value overflows its field, and a value that exactly fills
// it runs into the previous field; either way the line could not be split on blanks. Widening the
// field by one blank keeps every line readable by `tokens`.
function field(text: string, width: number): string {
  return text.length >= width ? ` ${text}` : text.padStart(width);
}

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write non-finite value ${value} to a .fit file`);
}

// gfortran keeps the sign of values that round to zero ("-0.000"), and so does this.
function sign(value: number): string {
  return value < 0 || Object.is(value, -0) ? "-" : "";
}

/** Fw.d */
export function formatFixed(value: number, width: number, decimals: number): string {
  assertFinite(value);
  return field(sign(value) + Math.abs(value).toFixed(decimals), width);
}

/** 1PEw.d with `exponentDigits` exponent digits (2 for plain Ew.d, 3 for Ew.dE3). */
export function formatScientific(value: number, width: number, decimals: number, exponentDigits: number): string {
  assertFinite(value);
  const [mantissa, exponent] = Math.abs(value).toExponential(decimals).split("e");
  return field(sign(value) + mantissa + "E" + formatExponent(Number(exponent), exponentDigits), width);
}

/** 0PEw.d: mantissa 0.ddd, as in the final "theSkyNet parameters" line. */
export function formatScientificZeroScale(value: number, width: number, decimals: number): string {
  assertFinite(value);
  const abs = Math.abs(value);
  if (abs === 0) return field(`${sign(value)}0.${"0".repeat(decimals)}E+00`, width);
  const [mantissa, exponent] = abs.toExponential(decimals - 1).split("e");
  const digits = mantissa.replace(".", "");
  return field(`${sign(value)}0.${digits}E${formatExponent(Number(exponent) + 1, 2)}`, width);
}

/** Iw */
export function formatInteger(value: number, width: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`cannot write ${value} as an integer`);
  return field(String(value), width);
}

// Exponents that need more digits than the field has keep them (with the 'E'), so the value
// stays parseable rather than mimicking Fortran's dropped 'E'.
function formatExponent(exponent: number, digits: number): string {
  return (exponent < 0 ? "-" : "+") + String(Math.abs(exponent)).padStart(digits, "0");
}

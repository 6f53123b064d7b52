/**
 * Sky positions as astronomers type them: decimal degrees (`10.684`, `10.684d`) or sexagesimal
 * (`00:42:44.3`, `00h42m44.3s`, `00 42 44.3` for RA in hours; `+41:16:09`, `41d16m09s`,
 * `−41 16 09` for Dec in degrees). Each parser returns degrees or a message saying what to change.
 */

export type Parsed = { ok: true; degrees: number } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
// Three fields separated by colons, spaces or unit letters; the last two may be absent.
const SEXAGESIMAL = /^([+-]?)(\d{1,3})(?:[:\sHhDd°]\s*(\d{1,2})(?:[:\sMm']\s*(\d{1,2}(?:\.\d*)?)[Ss"]?)?)?$/;

/** Unicode minus signs and surrounding space normalised, so pasted values parse. */
function clean(raw: string): string {
  return raw.trim().replace(/[\u2212\u2012\u2013\u2014]/g, "-");
}

function sexagesimal(text: string): { sign: number; value: number } | null {
  const m = SEXAGESIMAL.exec(text);
  if (!m) return null;
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (minutes >= 60 || seconds >= 60) return null;
  return { sign: m[1] === "-" ? -1 : 1, value: Number(m[2]) + minutes / 60 + seconds / 3600 };
}

/** Right ascension: degrees 0 ≤ RA < 360, or hours as h:m:s (0 ≤ h < 24). */
export function parseRa(raw: string): Parsed {
  const text = clean(raw);
  const decimal = text.replace(/\s*(d|deg|°)$/i, "");
  if (NUMBER.test(decimal)) {
    const degrees = Number(decimal);
    return degrees >= 0 && degrees < 360
      ? { ok: true, degrees }
      : { ok: false, message: `RA ${raw.trim()} is outside 0–360 degrees` };
  }
  const s = sexagesimal(text);
  if (!s || s.sign < 0 || s.value >= 24)
    return { ok: false, message: `RA "${raw.trim()}" is neither degrees (10.684) nor hours h:m:s (00:42:44.3)` };
  return { ok: true, degrees: s.value * 15 };
}

/** Declination: degrees −90 ≤ Dec ≤ 90, decimal or d:m:s. */
export function parseDec(raw: string): Parsed {
  const text = clean(raw);
  const decimal = text.replace(/\s*(d|deg|°)$/i, "");
  const s = NUMBER.test(decimal) ? { sign: 1, value: Number(decimal) } : sexagesimal(text);
  if (!s) return { ok: false, message: `Dec "${raw.trim()}" is neither degrees (41.269) nor d:m:s (+41:16:09)` };
  const degrees = s.sign * s.value;
  return Math.abs(degrees) <= 90
    ? { ok: true, degrees }
    : { ok: false, message: `Dec ${raw.trim()} is outside −90…+90 degrees` };
}

/**
 * Parsing of the SODA region parameters (REC-SODA-1.0 §3.3, DALI xtypes; PIXELS from the 1.1
 * draft): each returns the region or throws a `UsageError` saying what to change. Values are
 * whitespace-separated numbers in degrees; `-Inf`/`+Inf` open a RANGE.
 */
import { UsageError } from "@/lib/access/http/usage-error";
import type { Region, SkyRegion } from "./region-types";

function numbers(text: string, what: string, allowInfinity = false): number[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.map((w) => {
    if (allowInfinity && /^[+]?inf(inity)?$/i.test(w)) return Infinity;
    if (allowInfinity && /^-inf(inity)?$/i.test(w)) return -Infinity;
    const n = Number(w);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(w) || !Number.isFinite(n))
      throw new UsageError(`${what}: "${w}" is not a number (values are degrees separated by spaces)`);
    return n;
  });
}

function checkPosition(ra: number, dec: number, what: string): void {
  if (ra < 0 || ra > 360) throw new UsageError(`${what}: RA ${ra} is outside 0–360 degrees`);
  if (dec < -90 || dec > 90) throw new UsageError(`${what}: Dec ${dec} is outside −90…+90 degrees`);
}

/** DALI circle: `ra dec radius`. */
export function parseCircle(text: string, what = "CIRCLE"): SkyRegion {
  const v = numbers(text, what);
  if (v.length !== 3) throw new UsageError(`${what} needs 3 numbers "ra dec radius" in degrees, got ${v.length}`);
  const [ra, dec, radius] = v;
  checkPosition(ra, dec, what);
  if (!(radius > 0 && radius <= 180))
    throw new UsageError(`${what}: radius ${radius} must be above 0 and at most 180 degrees`);
  return { kind: "circle", ra, dec, radius };
}

/** DALI polygon: `ra1 dec1 ra2 dec2 ra3 dec3 …`, at least 3 vertices, edges along great circles. */
export function parsePolygon(text: string, what = "POLYGON"): SkyRegion {
  const v = numbers(text, what);
  if (v.length < 6 || v.length % 2 !== 0)
    throw new UsageError(
      `${what} needs at least 3 vertices as "ra1 dec1 ra2 dec2 ra3 dec3 …", got ${v.length} numbers`,
    );
  const vertices: [number, number][] = [];
  for (let i = 0; i < v.length; i += 2) {
    checkPosition(v[i], v[i + 1], what);
    vertices.push([v[i], v[i + 1]]);
  }
  return { kind: "polygon", vertices };
}

/** `RANGE ra1 ra2 dec1 dec2`; RA runs east from ra1 to ra2 (350 10 crosses 0), ±Inf leaves a side open. */
function parseRange(text: string): SkyRegion {
  const v = numbers(text, "POS RANGE", true);
  if (v.length !== 4) throw new UsageError(`POS RANGE needs 4 numbers "ra1 ra2 dec1 dec2", got ${v.length}`);
  const [ra1, ra2, dec1, dec2] = v;
  for (const ra of [ra1, ra2])
    if (Number.isFinite(ra) && (ra < 0 || ra > 360))
      throw new UsageError(`POS RANGE: RA ${ra} is outside 0–360 degrees`);
  const lo = Math.max(-90, dec1);
  const hi = Math.min(90, dec2);
  for (const dec of [dec1, dec2])
    if (Number.isFinite(dec) && Math.abs(dec) > 90)
      throw new UsageError(`POS RANGE: Dec ${dec} is outside −90…+90 degrees`);
  if (lo > hi) throw new UsageError(`POS RANGE: dec1 ${dec1} is above dec2 ${dec2}`);
  const from = Number.isFinite(ra1) ? ra1 : 0;
  const to = Number.isFinite(ra2) ? ra2 : 360;
  return { kind: "range", ra: [from, to], dec: [lo, hi], allRa: from <= 0 && to >= 360 };
}

/** SODA `POS`: `CIRCLE …`, `RANGE …` or `POLYGON …`. */
export function parsePos(text: string): SkyRegion {
  const m = /^\s*(CIRCLE|RANGE|POLYGON)\b(.*)$/i.exec(text);
  if (!m)
    throw new UsageError(
      `POS must start with CIRCLE, RANGE or POLYGON, e.g. "CIRCLE 10.68 41.27 0.05"; got "${text.trim().slice(0, 40)}"`,
    );
  const shape = m[1].toUpperCase();
  if (shape === "CIRCLE") return parseCircle(m[2], "POS CIRCLE");
  if (shape === "POLYGON") return parsePolygon(m[2], "POS POLYGON");
  return parseRange(m[2]);
}

const AXIS = /^\s*(?:(\*)|(\d+)\s*:\s*(\d+)(\s*:\s*\d+)?|(\d+))\s*$/;

function parseAxis(text: string, name: string): [number, number] | null {
  const m = AXIS.exec(text);
  if (!m) throw new UsageError(`PIXELS: the ${name} range "${text.trim()}" must be "first:last" (1-based) or *`);
  if (m[1]) return null;
  if (m[4]) throw new UsageError(`PIXELS: steps ("first:last:step") are not supported; give "first:last"`);
  const first = Number(m[2] ?? m[5]);
  const last = Number(m[3] ?? m[5]);
  if (first < 1) throw new UsageError(`PIXELS: pixels are numbered from 1 (FITS), got ${first}`);
  if (last < first) throw new UsageError(`PIXELS: the ${name} range ${first}:${last} is reversed; give first ≤ last`);
  return [first, last];
}

/** SODA 1.1 draft `PIXELS=[x1:x2,y1:y2]` (cfitsio: 1-based, inclusive); a third axis may only be `*`. */
export function parsePixels(text: string): Region {
  const m = /^\s*\[([^\]]*)\]\s*$/.exec(text);
  if (!m)
    throw new UsageError(
      `PIXELS must look like [x1:x2,y1:y2] (1-based, inclusive, e.g. [1:256,1:256]); got "${text.trim().slice(0, 40)}"`,
    );
  const axes = m[1].split(",");
  if (axes.length < 2 || axes.length > 3)
    throw new UsageError(`PIXELS needs 2 axes [x1:x2,y1:y2] (optionally ,* for the statistics); got ${axes.length}`);
  if (axes.length === 3 && axes[2].trim() !== "*")
    throw new UsageError("PIXELS: the third axis (the statistics) can only be *; choose statistics with STAT");
  return { kind: "pixels", x: parseAxis(axes[0], "x"), y: parseAxis(axes[1], "y") };
}

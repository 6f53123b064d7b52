/**
 * Parser of the POGS work-unit input `observations.dat`: a first line `#  [ {JSON} ]` describing
 * the area, then `pix<id> z flux sigma flux sigma …`, one pixel a line. A band without data is
 * written `0 0` (HEAD: `-1 -1`); `hasObservation` is the one test for it.
 */
import { parseFortranNumber } from "./fortran-numbers";
import { splitLines, tokens } from "./line-cursor";
import { ParseError } from "./parse-error";

/** The area (work unit) the file was made for; POGS rectangle: x inclusive, y exclusive. */
export interface ObservationArea {
  areaId: number;
  galaxy: string;
  galaxyId: number;
  runId: number;
  topX: number;
  topY: number;
  bottomX: number;
  bottomY: number;
  pixels: number;
}

export interface PixelObservation {
  pixelId: number;
  redshift: number;
  flux: number[];
  sigma: number[];
}

export interface ObservationsFile {
  /** Null for a plain MAGPHYS file without the POGS JSON header. */
  area: ObservationArea | null;
  pixels: PixelObservation[];
}

/** POGS counts a band only when its value is > 0 (docs/formats.md §2), and MAGPHYS needs an error. */
export function hasObservation(flux: number, sigma: number): boolean {
  return sigma > 0 && flux > 0;
}

const AREA_KEYS = [
  ["areaId", "area_id"],
  ["galaxyId", "galaxy_id"],
  ["runId", "run_id"],
  ["topX", "top_x"],
  ["topY", "top_y"],
  ["bottomX", "bottom_x"],
  ["bottomY", "bottom_y"],
  ["pixels", "pixels"],
] as const;

export interface ParseObservationsOptions {
  fileName?: string;
  /** Number of filters of the run, when known: every row must then have that many pairs. */
  filterCount?: number;
}

export function parseObservationsFile(text: string, options: ParseObservationsOptions = {}): ObservationsFile {
  const fail = (reason: string, line: number) => new ParseError(reason, line, options.fileName);
  const lines = splitLines(text);
  let area: ObservationArea | null = null;
  const pixels: PixelObservation[] = [];
  let bands = options.filterCount;
  for (const [i, line] of lines.entries()) {
    const lineNumber = i + 1;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (trimmed.startsWith("#")) {
      const json = trimmed.slice(1).trim();
      if (lineNumber === 1 && (json.startsWith("[") || json.startsWith("{"))) area = parseArea(json, (r) => fail(r, 1));
      continue;
    }
    const fields = tokens(line);
    const id = /^pix(\d+)$/.exec(fields[0]);
    if (!id) throw fail(`expected 'pix<id>' at the start of a row, found '${fields[0]}'`, lineNumber);
    const pairs = (fields.length - 2) / 2;
    if (fields.length < 4 || !Number.isInteger(pairs) || (bands !== undefined && pairs !== bands)) {
      const want = bands === undefined ? "pix<id> z and flux/sigma pairs" : `pix<id> z and ${bands} flux/sigma pairs`;
      throw fail(`expected ${want}, found ${fields.length} fields`, lineNumber);
    }
    bands = pairs;
    const values = fields.slice(1).map((f) => {
      const v = parseFortranNumber(f);
      if (v === undefined) throw fail(`expected a number in ${fields[0]}, found '${f}'`, lineNumber);
      return v;
    });
    pixels.push({
      pixelId: Number(id[1]),
      redshift: values[0],
      flux: values.filter((_, k) => k > 0 && k % 2 === 1),
      sigma: values.filter((_, k) => k > 0 && k % 2 === 0),
    });
  }
  const declared = area?.pixels;
  if (declared !== undefined && declared !== pixels.length) {
    throw fail(`the header declares ${declared} pixels, found ${pixels.length} rows`, lines.length + 1);
  }
  return { area, pixels };
}

function parseArea(json: string, fail: (reason: string) => ParseError): ObservationArea {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw fail(`the area header is not valid JSON (${(e as Error).message})`);
  }
  const record = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;
  if (typeof record !== "object" || record === null) throw fail("the area header holds no object");
  const area: Record<string, unknown> = {};
  for (const [key, jsonKey] of AREA_KEYS) {
    const v = record[jsonKey];
    if (typeof v !== "number" || !Number.isInteger(v)) throw fail(`the area header lacks an integer '${jsonKey}'`);
    area[key] = v;
  }
  if (typeof record.galaxy !== "string") throw fail("the area header lacks the galaxy name 'galaxy'");
  area.galaxy = record.galaxy;
  return area as unknown as ObservationArea;
}

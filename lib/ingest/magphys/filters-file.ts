/**
 * Parser of a MAGPHYS `filters.dat`: `#name lambda_eff filter_id fit?` then one filter a line,
 * blank- or tab-separated. A row with the wrong number of columns is an error naming the line,
 * never a silently shifted table (the POGS unit-test file `filters02bad.dat` has both kinds).
 */
import { parseFortranInteger, parseFortranNumber } from "./fortran-numbers";
import { splitLines, tokens } from "./line-cursor";
import { ParseError } from "./parse-error";

export interface FilterEntry {
  name: string;
  /** Effective wavelength, µm. */
  lambdaEff: number;
  /** MAGPHYS filter number (the `filter.filter_number` of POGS). */
  filterId: number;
  /** Whether MAGPHYS fits this band (column `fit?`). */
  fit: boolean;
}

const COLUMNS = "name lambda_eff filter_id fit?";

export function parseFiltersFile(text: string, fileName?: string): FilterEntry[] {
  const filters: FilterEntry[] = [];
  splitLines(text).forEach((line, i) => {
    const lineNumber = i + 1;
    const fail = (reason: string) => new ParseError(reason, lineNumber, fileName);
    if (line.trimStart().startsWith("#") || line.trim() === "") return;
    const fields = tokens(line);
    if (fields.length !== 4) {
      throw fail(`expected 4 columns (${COLUMNS}), found ${fields.length}: '${line.trim()}'`);
    }
    const [name, lambdaText, idText, fitText] = fields;
    const lambdaEff = parseFortranNumber(lambdaText);
    if (lambdaEff === undefined || lambdaEff <= 0) {
      throw fail(`expected a positive lambda_eff (µm) for filter ${name}, found '${lambdaText}'`);
    }
    const filterId = parseFortranInteger(idText);
    if (filterId === undefined || filterId < 0) {
      throw fail(`expected an integer filter_id for filter ${name}, found '${idText}'`);
    }
    if (fitText !== "0" && fitText !== "1") throw fail(`expected fit? 0 or 1 for filter ${name}, found '${fitText}'`);
    filters.push({ name, lambdaEff, filterId, fit: fitText === "1" });
  });
  if (filters.length === 0) throw new ParseError("no filters: expected rows of " + COLUMNS, 1, fileName);
  return filters;
}

// POGS MAGPHYS formats: the .fit results (parse and write), observations.dat and filters.dat.
export { ParseError } from "./parse-error";
export type * from "./fit-types";
export { parseFit, type ParseFitOptions } from "./fit-parser";
export { writeFit } from "./fit-writer";
export { parseFiltersFile } from "./filters-file";
export { parseObservationsFile, hasObservation } from "./observations-file";

// POGS MAGPHYS formats: the .fit results (parse and write), observations.dat and filters.dat.
export { ParseError } from "./parse-error";
export type * from "./fit-types";
export { parseFit, type ParseFitOptions } from "./fit-parser";
export { writeFit, fitBlockLines, type WriteFitOptions } from "./fit-writer";
export { pixelStatistics, bestFitOnPdfScale } from "./fit-statistics";
export { parseFiltersFile, type FilterEntry } from "./filters-file";
export {
  parseObservationsFile,
  hasObservation,
  type ObservationArea,
  type ObservationsFile,
  type ParseObservationsOptions,
  type PixelObservation,
} from "./observations-file";

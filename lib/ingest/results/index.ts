export { ingestFits, type IngestOptions } from "./ingest";
export { expandFitPaths, readFitInput, type CommandLineCredit } from "./read-inputs";
export type { FitInput, FitOutcome, IngestReport } from "./types";

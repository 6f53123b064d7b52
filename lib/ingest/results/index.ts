export { ingestFits } from "./ingest";
export { expandFitPaths, readFitInput } from "./read-inputs";
export type { FitInput } from "./types";

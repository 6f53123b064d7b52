/**
 * A fatal problem with a statistics export file as a whole: the caller rolls the import back.
 * It is a ParseError (one type to catch for every bad input file) with the layer that failed, so
 * the import log can say "download again" (gzip, io) apart from "the project's export is broken"
 * (xml, root).
 */
import { ParseError } from "@/lib/ingest/magphys/parse-error";

export type StatsExportFailure = "io" | "gzip" | "xml" | "root";

export class StatsExportError extends ParseError {
  readonly failure: StatsExportFailure;

  constructor(
    failure: StatsExportFailure,
    reason: string,
    line: number | undefined,
    fileName?: string,
    cause?: unknown,
  ) {
    super(reason, line, fileName, { cause });
    this.name = "StatsExportError";
    this.failure = failure;
  }
}

/**
 * The one error the data-format parsers throw for bad input, so an ingest can tell "this file is
 * bad" (report it, roll back, mark the work unit) from a programming error (let it crash).
 * The message starts with `file:line:` because the operator reading it has the file open.
 */
export class ParseError extends Error {
  /** 1-based line of the problem; for an unexpected end of file, the first missing line. */
  readonly line: number | undefined;
  readonly fileName: string | undefined;
  /** The message without the location prefix. */
  readonly reason: string;

  constructor(reason: string, line: number | undefined, fileName?: string, options?: { cause?: unknown }) {
    super(`${locate(line, fileName)}${reason}`, options);
    this.name = "ParseError";
    this.line = line;
    this.fileName = fileName;
    this.reason = reason;
  }
}

function locate(line: number | undefined, fileName: string | undefined): string {
  if (fileName && line !== undefined) return `${fileName}:${line}: `;
  if (fileName) return `${fileName}: `;
  if (line !== undefined) return `line ${line}: `;
  return "";
}

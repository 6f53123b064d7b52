/**
 * Line-by-line reading of the MAGPHYS text formats, with the checks every parser repeats: the next
 * line must exist, be a given comment, or hold N numbers. Every failure is a ParseError naming the
 * 1-based line and what was expected there.
 */
import { ParseError } from "./parse-error";
import { parseFortranInteger, parseFortranNumber } from "./fortran-numbers";

/** Splits on LF or CRLF (the real client output is CRLF); a final line ending adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function tokens(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === "" ? [] : trimmed.split(/\s+/);
}

export class LineCursor {
  /** 0-based index of the next line to read. */
  private next = 0;

  constructor(
    private readonly lines: readonly string[],
    readonly fileName?: string,
  ) {}

  /** 1-based number of the line `peek`/`take` would return (one past the end at EOF). */
  get lineNumber(): number {
    return this.next + 1;
  }

  atEnd(): boolean {
    return this.next >= this.lines.length;
  }

  /** True when only blank lines are left (trailing blank lines are tolerated at the end of a file). */
  restIsBlank(): boolean {
    for (let i = this.next; i < this.lines.length; i++) if (this.lines[i].trim() !== "") return false;
    return true;
  }

  peek(): string | undefined {
    return this.lines[this.next];
  }

  error(reason: string, line = this.lineNumber): ParseError {
    return new ParseError(reason, line, this.fileName);
  }

  /** The next line; at the end of the file, a ParseError saying what was expected instead. */
  take(expected: string): string {
    if (this.atEnd()) throw this.error(`unexpected end of file: expected ${expected}`);
    return this.lines[this.next++];
  }

  /** A comment line whose text, ignoring surrounding blanks, is exactly `comment`. */
  expectComment(comment: string): void {
    const line = this.take(`'${comment}'`);
    if (line.trim() !== comment.trim()) {
      throw this.error(`expected '${comment.trim()}', found '${line.trim()}'`, this.lineNumber - 1);
    }
  }

  /** A line of exactly `count` numbers (Fortran real formats). */
  expectNumbers(count: number, what: string): number[] {
    const line = this.take(`${what} (${count} numbers)`);
    const lineNumber = this.lineNumber - 1;
    const fields = tokens(line);
    if (fields.length !== count) {
      throw this.error(`expected ${what}: ${count} numbers, found ${fields.length} fields`, lineNumber);
    }
    return fields.map((f) => this.number(f, what, lineNumber));
  }

  number(field: string, what: string, lineNumber: number): number {
    const value = parseFortranNumber(field);
    if (value === undefined) throw this.error(`expected a number in ${what}, found '${field}'`, lineNumber);
    return value;
  }

  integer(field: string, what: string, lineNumber: number): number {
    const value = parseFortranInteger(field);
    if (value === undefined) throw this.error(`expected an integer ${what}, found '${field}'`, lineNumber);
    return value;
  }
}

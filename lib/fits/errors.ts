/**
 * One error class for everything this library refuses, so callers (registration, cutout jobs) can
 * tell "this input is bad" apart from programming errors and report the message to the user as is.
 * Messages start with the file name and, where relevant, the HDU, because the operator reading
 * them usually has a folder of similar files open.
 */
export class FitsError extends Error {
  /** Name of the file (or "<buffer>") the problem was found in. */
  readonly file: string;
  /** 0-based HDU index, when the problem belongs to one HDU. */
  readonly hdu?: number;

  constructor(file: string, message: string, hdu?: number, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = "FitsError";
    this.file = file;
    this.hdu = hdu;
  }
}

/** "HDU 2 (EXTNAME 'SCI')" — how messages name an HDU; the EXTNAME is what users recognise. */
export function describeHdu(index: number, extname?: string): string {
  return extname ? `HDU ${index} (EXTNAME '${extname}')` : `HDU ${index}`;
}

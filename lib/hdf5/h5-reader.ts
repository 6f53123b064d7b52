// Reading an HDF5 file through the process's one h5wasm worker (h5-writer.ts starts it): boxes of
// datasets come back as their packed bytes in one buffer, without h5wasm's per-element conversion.
import { h5Call } from "./h5-writer";

/** A box of a dataset: start and count per dimension, and its size in bytes. */
export type ReadBox = { path: string; start: number[]; count: number[]; bytes: number };

export class H5FileReader {
  private constructor(
    readonly file: string,
    private readonly handle: number,
  ) {}

  static async open(file: string): Promise<H5FileReader> {
    return new H5FileReader(file, (await h5Call("readOpen", { path: file })) as number);
  }

  async attributes(path: string): Promise<Record<string, unknown>> {
    return (await h5Call("readAttributes", { handle: this.handle, path })) as Record<string, unknown>;
  }

  /** The boxes' bytes, one after another. */
  async read(boxes: ReadBox[]): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array((await h5Call("readBoxes", { handle: this.handle, boxes })) as ArrayBuffer);
  }

  async close(): Promise<void> {
    await h5Call("readClose", { handle: this.handle });
  }
}

// Reading an HDF5 file through the process's one h5wasm worker (h5-writer.ts starts it): boxes of
// datasets come back as their packed bytes in one buffer, without h5wasm's per-element conversion.
// The buffers travel to the worker and back and are used again (`readBuffer`, `releaseBuffer`):
// memory touched for the first time costs page faults, and a fresh 30 MB buffer took ~100 ms, more
// than reading the bytes into it.
import { h5Call } from "./h5-writer";

/** A box of a dataset: start and count per dimension, and its size in bytes. */
export type ReadBox = { path: string; start: number[]; count: number[]; bytes: number };

/** Buffers kept for reuse, and their size: a batch of rows (result-copy-plan.ts) and some gaps. */
const KEPT_BUFFERS = 4;
const KEPT_BUFFER_BYTES = 3 << 20;
const kept: ArrayBuffer[] = [];

/** A buffer of at least `bytes` bytes (content unspecified): a kept one when it fits. */
export function readBuffer(bytes: number): ArrayBuffer {
  const i = kept.findIndex((b) => b.byteLength >= bytes);
  if (i >= 0) return kept.splice(i, 1)[0];
  return new ArrayBuffer(Math.max(bytes, bytes <= KEPT_BUFFER_BYTES ? KEPT_BUFFER_BYTES : 0));
}

/** Gives a buffer back once nothing reads it any more; a few of the usual size are kept. */
export function releaseBuffer(buffer: ArrayBuffer): void {
  if (buffer.byteLength === KEPT_BUFFER_BYTES && kept.length < KEPT_BUFFERS && !kept.includes(buffer))
    kept.push(buffer);
}

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

  /**
   * The boxes' bytes, one after another, from the start of the answer's buffer: `into` (handed
   * over, and back in the answer) when it is large enough, else a new one.
   */
  async read(boxes: ReadBox[], into?: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = boxes.reduce((sum, b) => sum + b.bytes, 0);
    const args = { handle: this.handle, boxes, buffer: into };
    const buffer = (await h5Call("readBoxes", args, into ? [into] : [])) as ArrayBuffer;
    return new Uint8Array(buffer, 0, bytes);
  }

  async close(): Promise<void> {
    await h5Call("readClose", { handle: this.handle });
  }
}

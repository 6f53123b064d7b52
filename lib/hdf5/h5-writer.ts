// The main thread's side of h5-worker.mjs, the one h5wasm instance of the process
// (docs/architecture.md, "Serving"): a worker started on first use and kept unreferenced while idle, so it
// never holds a process open. Files are written one at a time (`withHdf5File`), because the
// instance is shared; operations run in the order sent, and writes are pipelined: the worker
// compresses a tile while the caller prepares the next, with at most MAX_IN_FLIGHT bytes queued.
// Written buffers come back from the worker for the caller's next tiles (`buffer()`).
import { Worker } from "node:worker_threads";
import { BufferPool } from "./buffer-pool";

/** A dtype as h5wasm spells it ("<f", "<q", "S12") or a compound's members. */
export type Dtype = string | [string, string][];
export type Attribute = { name: string; value: string | number | string[]; dtype?: string };
export type DatasetArgs = {
  name: string;
  data: unknown;
  dtype: Dtype;
  shape: number[];
  maxshape: (number | null)[];
  chunks: number[];
  /** gzip with its level, or an HDF5 filter id with its parameters (result-copy-writer.ts: Fletcher-32) */
  compression: "gzip" | number;
  compression_opts: number | number[];
};

/**
 * A little more than one tile (archive-layout.ts: 3.9 MB of statistics and details): the worker
 * compresses one while the caller packs the next, and the caller waits before sending a second.
 */
const MAX_IN_FLIGHT = 5 << 20;

type Reply = { id: number; result?: unknown; error?: string };

class H5Worker {
  private worker: Worker | null = null;
  private next = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  call(op: string, args: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args }, transfer);
    });
  }

  private start(): Worker {
    // execArgv []: plain Node, without the TypeScript loader the parent may run under.
    const worker = new Worker(new URL("./h5-worker.mjs", import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on("message", (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (this.pending.size === 0) worker.unref();
      if (r.error !== undefined) p.reject(new Error(r.error));
      else p.resolve(r.result);
    });
    const fail = (error: Error) => {
      this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the HDF5 worker exited (code ${code})`)));
    return worker;
  }
}

const shared = new H5Worker();
let queue: Promise<unknown> = Promise.resolve();
const pool = new BufferPool();

/** One HDF5 file being written: operations are sent in order; the first failure stops the rest. */
export class H5FileWriter {
  private inFlight: { done: Promise<unknown>; bytes: number }[] = [];
  private inFlightBytes = 0;
  private failure: Error | null = null;

  private send(op: string, args: unknown, transfer: ArrayBuffer[] = [], bytes = 0): Promise<void> {
    if (this.failure) throw this.failure;
    const done = shared.call(op, args, transfer).then(
      (result) => {
        if (result instanceof ArrayBuffer) pool.give(result);
      },
      (error: Error) => {
        this.failure ??= error;
      },
    );
    this.inFlight.push({ done, bytes });
    this.inFlightBytes += bytes;
    return this.settle(MAX_IN_FLIGHT);
  }

  /** Waits until at most `limit` bytes are queued, then reports a failure if there was one. */
  private async settle(limit: number): Promise<void> {
    while (this.inFlight.length && (this.inFlightBytes > limit || limit === 0)) {
      const first = this.inFlight.shift()!;
      await first.done;
      this.inFlightBytes -= first.bytes;
    }
    if (this.failure) throw this.failure;
  }

  group(parent: string, name: string) {
    return this.send("group", { parent, name });
  }
  attributes(path: string, attrs: Attribute[]) {
    return this.send("attributes", { path, attrs });
  }
  dataset(parent: string, args: DatasetArgs) {
    return this.send("dataset", { parent, args });
  }
  resize(path: string, shape: number[]) {
    return this.send("resize", { path, shape });
  }
  dimensionLabels(path: string, labels: string[]) {
    return this.send("dimensionLabels", { path, labels });
  }

  /**
   * Writes `bytes` (the dataset's packed type) into the box start … start + count. The buffer is
   * handed over (the whole of it, when `bytes` starts it), and comes back through `buffer()` once
   * written.
   */
  write(path: string, start: number[], count: number[], bytes: Uint8Array<ArrayBuffer>) {
    const data = bytes.byteOffset === 0 ? bytes : bytes.slice();
    return this.send(
      "write",
      { path, start, count, buffer: data.buffer, length: data.byteLength },
      [data.buffer],
      data.buffer.byteLength,
    );
  }

  /** A buffer of at least `bytes` bytes for a later `write`, reused when one has come back (content unspecified). */
  buffer(bytes: number): ArrayBuffer {
    return pool.take(bytes);
  }

  /** Waits for every operation sent; throws the first failure. */
  flush(): Promise<void> {
    return this.settle(0);
  }

  /** @internal */
  static async open(path: string): Promise<H5FileWriter> {
    await shared.call("open", { path });
    return new H5FileWriter();
  }
  /** @internal closes the file whatever happened before; throws the first failure */
  async close(): Promise<void> {
    await Promise.all(this.inFlight.map((f) => f.done));
    this.inFlight = [];
    await shared.call("close", {});
    if (this.failure) throw this.failure;
  }
}

/**
 * Writes the HDF5 file `path` with `task`, once every earlier file of the process is written. The
 * file is closed whatever happens, so a failure leaves the instance clean for the next one.
 */
export function withHdf5File<T>(path: string, task: (writer: H5FileWriter) => Promise<T>): Promise<T> {
  const run = queue
    .then(async () => {
      const writer = await H5FileWriter.open(path);
      let result: T;
      try {
        result = await task(writer);
        await writer.flush();
      } catch (error) {
        await writer.close().catch(() => {});
        throw error;
      }
      await writer.close();
      return result;
    })
    .finally(() => pool.clear());
  queue = run.catch(() => {});
  return run;
}

/** Bytes of the worker's wasm heap (it grows and never shrinks: the high-water mark). */
export async function hdf5HeapBytes(): Promise<number> {
  return (await shared.call("heapBytes", {})) as number;
}

/** One operation of the shared worker, for the reading side (h5-reader.ts); `transfer` is handed over. */
export function h5Call(op: string, args: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
  return shared.call(op, args, transfer);
}

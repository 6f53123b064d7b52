// h5wasm in a worker thread, executing the writes that lib/hdf5/h5-writer.ts sends, in order.
// Plain JavaScript on purpose: worker threads start without tsx's loader, which spends ~1.3 s and
// ~600 MB of memory transforming h5wasm's 4 MB of JavaScript; loaded by Node itself it takes
// ~40 ms. It also lets gzip run here while the main thread reads and packs the next band.
import { parentPort } from "node:worker_threads";
import h5wasm from "h5wasm/node";

const Module = await h5wasm.ready;
// By default HDF5 prints a diagnostic and carries on (ids of -1); exceptions stop the archive instead.
Module.activate_throwing_error_handler();

/** @type {import("h5wasm").File | null} */
let file = null;
/** Files open for reading (stored archives of deleted galaxies), by handle; see h5-reader.ts. */
const readers = new Map();
let nextReader = 1;

/** A block of the wasm heap of at least `bytes` bytes, kept for the next read (freed when outgrown). */
let scratchPtr = 0;
let scratchBytes = 0;
function scratch(bytes) {
  if (bytes <= scratchBytes) return scratchPtr;
  if (scratchPtr) Module._free(scratchPtr);
  scratchBytes = 0;
  scratchPtr = Module._malloc(bytes);
  if (!scratchPtr) throw new Error(`HDF5 read: cannot allocate ${bytes} bytes in the wasm heap`);
  scratchBytes = bytes;
  return scratchPtr;
}

/** The innermost cause of HDF5's error stack ("filter returned failure during read": a bad checksum). */
function innermost(error) {
  const text = error instanceof Error ? error.message : String(error);
  const causes = [...text.matchAll(/#\d+: .* in \w+\(\): (.*)/g)];
  return causes.length ? causes[causes.length - 1][1] : text;
}

function reader(handle) {
  const f = readers.get(handle);
  if (!f) throw new Error(`HDF5: no file open for reading as ${handle}`);
  return f;
}

function at(path) {
  if (!file) throw new Error("no HDF5 file is open");
  if (path === "/") return file;
  const obj = file.get(path);
  if (!obj) throw new Error(`HDF5: no object at ${path}`);
  return obj;
}

const ops = {
  // Default libver bounds (earliest … v1.10), so HDF5 1.10 tools read the file.
  open: ({ path }) => {
    if (file) throw new Error(`HDF5: ${file.filename} is still open`);
    file = new h5wasm.File(path, "w");
  },
  close: () => {
    const f = file;
    file = null;
    f?.close();
  },
  group: ({ parent, name }) => void at(parent).create_group(name),
  attributes: ({ path, attrs }) => {
    const obj = at(path);
    for (const a of attrs) obj.create_attribute(a.name, a.value, null, a.dtype ?? null);
  },
  dataset: ({ parent, args }) => void at(parent).create_dataset(args),
  resize: ({ path, shape }) => void at(path).resize(shape),
  dimensionLabels: ({ path, labels }) => labels.forEach((label, i) => at(path).set_dimension_label(i, label)),
  // Bytes already laid out as the dataset's own (packed, little-endian) type: Dataset.write_slice
  // would pack compound data element by element in JavaScript, slow for millions of elements.
  // The buffer goes back to the caller for its next tile (lib/hdf5/buffer-pool.ts).
  write: ({ path, start, count, buffer, length }) => {
    const ds = at(path);
    const bytes = new Uint8Array(buffer, 0, length);
    const ptr = Module._malloc(bytes.byteLength);
    if (!ptr) throw new Error(`HDF5 write: cannot allocate ${bytes.byteLength} bytes in the wasm heap`);
    try {
      Module.HEAPU8.set(bytes, ptr); // HEAPU8 read after malloc: the heap may have grown
      Module.set_dataset_data(
        ds.file_id,
        ds.path,
        count.map(BigInt),
        start.map(BigInt),
        count.map(() => 1n),
        BigInt(ptr),
      );
    } finally {
      Module._free(ptr);
    }
    return buffer;
  },
  heapBytes: () => Module.HEAPU8.length,
  readOpen: ({ path }) => {
    const f = new h5wasm.File(path, "r");
    const handle = nextReader++;
    readers.set(handle, f);
    return handle;
  },
  readClose: ({ handle }) => {
    readers.get(handle)?.close();
    readers.delete(handle);
  },
  readAttributes: ({ handle, path }) => {
    const obj = reader(handle).get(path);
    if (!obj) throw new Error(`HDF5: no object at ${path}`);
    const out = {};
    for (const [name, a] of Object.entries(obj.attrs)) {
      const v = a.value;
      out[name] = typeof v === "bigint" ? Number(v) : v;
    }
    return out;
  },
  // Boxes of datasets read as their own packed bytes, one after another into one buffer: the
  // counterpart of `write`, without h5wasm's per-element conversion. Into the caller's `buffer`
  // when it sends one (h5-reader.ts reuses them: fresh 30 MB buffers cost more in page faults
  // than the read itself), through one scratch block of the wasm heap kept between reads.
  readBoxes: ({ handle, boxes, buffer }) => {
    const f = reader(handle);
    const total = boxes.reduce((sum, b) => sum + b.bytes, 0);
    const out = buffer && buffer.byteLength >= total ? new Uint8Array(buffer) : new Uint8Array(total);
    let at = 0;
    for (const b of boxes) {
      if (!b.bytes) continue;
      const ptr = scratch(b.bytes);
      try {
        Module.get_dataset_data(
          f.file_id,
          b.path,
          b.count.map(BigInt),
          b.start.map(BigInt),
          b.count.map(() => 1n),
          BigInt(ptr),
        );
      } catch (error) {
        throw new Error(`HDF5: cannot read ${b.path} of ${f.filename}: ${innermost(error)}`);
      }
      out.set(Module.HEAPU8.subarray(ptr, ptr + b.bytes), at); // HEAPU8 read after the read: the heap may have grown
      at += b.bytes;
    }
    return out.buffer;
  },
};

parentPort.on("message", ({ id, op, args }) => {
  try {
    const result = ops[op](args);
    parentPort.postMessage({ id, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

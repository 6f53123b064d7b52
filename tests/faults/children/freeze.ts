// Stops the whole thread where it stands (no event loop, no cleanup), as a machine that stopped
// would, until the test kills the process.
export function freeze(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  throw new Error("not killed within 2 minutes");
}

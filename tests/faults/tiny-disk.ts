// A real full disk for the fault tests: a small tmpfs mounted for the test (they run as root, as
// CI does), filled to the last byte, then emptied again.
import { execFileSync } from "node:child_process";
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TinyDisk {
  dir: string;
  /** Fills every free byte with one file. */
  fill(): void;
  /** Removes that file. */
  free(): void;
  unmount(): void;
}

export function mountTinyDisk(sizeKb = 2048): TinyDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pogs-full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`the disk-full tests mount a tmpfs, which needs root: ${(error as Error).message}`);
  }
  const filler = path.join(dir, "filler");
  return {
    dir,
    fill() {
      const fd = openSync(filler, "w");
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      }
      // tmpfs may still take a partial block: fill byte by byte to the end.
      try {
        for (;;) writeSync(fd, block, 0, 1);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      }
      closeSync(fd);
    },
    free: () => rmSync(filler, { force: true }),
    unmount() {
      execFileSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

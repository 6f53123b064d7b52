import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { HduInput } from "./hdu-header";
import { fitsChunks } from "./write-fits";

/**
 * Writes a FITS file atomically: into a temporary file in the same folder (same file system, so
 * rename is atomic), flushed to disk, then renamed over the target. Readers never see a partial
 * file, and a failed write leaves the old file in place.
 */
export async function writeFitsFile(path: string, hdus: readonly HduInput[]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx");
  try {
    try {
      for (const chunk of fitsChunks(hdus, basename(path))) {
        // write() may take fewer bytes than offered; loop rather than trust it.
        for (let done = 0; done < chunk.length;) done += (await handle.write(chunk, done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

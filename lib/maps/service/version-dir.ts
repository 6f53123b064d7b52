/**
 * The folder of a results version and its first-seen marker (see versions.ts), and small atomic
 * writes into it. Kept apart from versions.ts and ../tile-store.ts so the route handlers' bundle
 * (which needs only these) does not pull in modules whose computed file paths make Turbopack
 * trace the whole project into the server output.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { versionDir } from "./tile-paths";

export const CURRENT_SINCE_MARKER = ".current-since";

/** Creates `v<N>` with its first-seen marker (kept if present). */
export async function ensureVersionDir(dataDir: string, galaxyId: number, version: number): Promise<string> {
  const dir = versionDir(dataDir, galaxyId, version);
  await mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  try {
    await writeFile(/*turbopackIgnore: true*/ path.join(dir, CURRENT_SINCE_MARKER), new Date().toISOString(), {
      flag: "wx",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return dir;
}

/**
 * Writes a small file whole or not at all: a hidden temporary beside it (named with tile-store's
 * `.tmp-` mark, so sweeps recognise it), then a rename.
 */
export async function writeSmallFileAtomic(target: string, data: string): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`,
  );
  try {
    await writeFile(/*turbopackIgnore: true*/ temp, data, { flag: "wx" });
    await rename(/*turbopackIgnore: true*/ temp, target);
  } catch (error) {
    await rm(/*turbopackIgnore: true*/ temp, { force: true });
    throw error;
  }
}

/**
 * Where pyramids and tiles live on disk, and how they get there without ever being seen half
 * written:
 * - a whole pyramid is built in a temporary folder beside its destination and renamed into place
 *   (`moveDirectoryIntoPlace`), then its `.dzi` is renamed last: the `.dzi` is the commit mark, so
 *   readers should treat a pyramid as present only when its `.dzi` exists;
 * - a single on-demand tile is written to a temporary file in its level folder and renamed
 *   (`writeFileAtomic`): rename within one file system is atomic, so a reader sees no file or
 *   the whole file;
 * - temporaries carry `TEMP_MARK` in their names, so a crash leaves only recognisable litter that
 *   `removeStaleTemporaries` sweeps.
 * Layout (DZI, as OpenSeadragon requests it): `<dir>/<name>.dzi`,
 * `<dir>/<name>_files/<level>/<col>_<row>.<ext>`.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TileFormat } from "./dzi-geometry";
import { SingleFlight } from "./single-flight";

export const TEMP_MARK = ".tmp-";

export interface PyramidPaths {
  dzi: string;
  filesDir: string;
}

/** Names become path segments: allow only plain file-name characters, never `/` or `..`. */
export function assertPyramidName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes(TEMP_MARK)) {
    throw new RangeError(`invalid pyramid name ${JSON.stringify(name)}`);
  }
}

export function pyramidPaths(dir: string, name: string): PyramidPaths {
  assertPyramidName(name);
  return { dzi: path.join(dir, `${name}.dzi`), filesDir: path.join(dir, `${name}_files`) };
}

export function tilePath(
  dir: string,
  name: string,
  level: number,
  col: number,
  row: number,
  format: TileFormat,
): string {
  for (const n of [level, col, row]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid tile address ${level}/${col}_${row}`);
  }
  return path.join(pyramidPaths(dir, name).filesDir, String(level), `${col}_${row}.${format}`);
}

/** A fresh temporary name beside `target` (same folder, so same file system for rename). */
export function temporarySibling(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}`);
}

/** Writes `data` to a temporary file beside `target`, then renames it over `target`. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temp = temporarySibling(target);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Renames the complete folder `source` to `dest`. An existing `dest` (an older build, or tiles
 * rendered on demand before the build) is first renamed aside and deleted afterwards; a tile
 * request landing in that instant may recreate `dest`, hence the retry. Tiles are
 * deterministic, so whichever copy wins holds the same bytes.
 */
export async function moveDirectoryIntoPlace(source: string, dest: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(source, dest);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || attempt >= attempts) throw error;
    }
    const aside = temporarySibling(dest);
    try {
      await rename(dest, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await rm(aside, { recursive: true, force: true });
  }
}

export async function pyramidExists(dir: string, name: string): Promise<boolean> {
  try {
    return (await stat(pyramidPaths(dir, name).dzi)).isFile();
  } catch {
    return false;
  }
}

const tileFlights = new SingleFlight<Buffer>();

/**
 * The bytes of a tile: read from disk when present; otherwise rendered once however many
 * callers ask at the same time, written atomically, and returned to all of them.
 */
export async function ensureTile(
  target: string,
  render: () => Promise<Buffer>,
  flights: SingleFlight<Buffer> = tileFlights,
): Promise<Buffer> {
  try {
    return await readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return flights.run(target, async () => {
    const data = await render();
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
    return data;
  });
}

/**
 * Deletes temporaries older than `maxAgeMs` left by crashed builds or writes: in `dir` and in
 * the level folders of its pyramids. Safe to run while builds are going on as long as
 * `maxAgeMs` exceeds the longest build.
 */
export async function removeStaleTemporaries(dir: string, maxAgeMs = 60 * 60 * 1000): Promise<string[]> {
  const removed: string[] = [];
  const now = Date.now();
  const sweep = async (folder: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.name.includes(TEMP_MARK)) {
        const info = await stat(full).catch(() => null);
        if (info && now - info.mtimeMs > maxAgeMs) {
          await rm(full, { recursive: true, force: true });
          removed.push(full);
        }
      } else if (entry.isDirectory() && depth < 2) {
        await sweep(full, depth + 1);
      }
    }
  };
  await sweep(dir, 0);
  return removed;
}

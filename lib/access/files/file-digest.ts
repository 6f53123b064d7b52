/**
 * sha256 and size of files shown for download. A file's digest is computed once per file version
 * (size and modification time) and kept beside it as `<file>.sha256`, so every process and server
 * sharing DATA_DIR, and every restart, finds it without reading the file again: registration and
 * the parameter maps record it as they write the file, and a file without one (older
 * data, a copied DATA_DIR) gets it on first listing. Layer and map files never change in place
 * (they are written beside and renamed in), so a changed file has a new mtime and its old digest
 * is not used.
 */
import { randomUUID } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { hashFile } from "@/lib/hdf5/file-hash";

export type FileSize = { size: number };
export type FileDigest = FileSize & { sha256: string; modified: Date };

const cache = ((globalThis as unknown as { pogsFileDigests?: Map<string, FileDigest> }).pogsFileDigests ??= new Map());
const MAX_ENTRIES = 20_000;

export const digestFileOf = (file: string) => `${file}.sha256`;

export async function fileSize(file: string): Promise<FileSize> {
  const s = await stat(file);
  return { size: s.size };
}

/** The recorded digest, when it is of this version of the file (`sha256 size mtimeMs`). */
async function recordedDigest(file: string, size: number, mtimeMs: number): Promise<string | null> {
  const text = await readFile(digestFileOf(file), "utf8").catch(() => null);
  const [sha256, recordedSize, recordedMtime] = text?.trim().split(" ") ?? [];
  const current =
    /^[0-9a-f]{64}$/.test(sha256 ?? "") && Number(recordedSize) === size && Number(recordedMtime) === mtimeMs;
  return current ? sha256 : null;
}

/** Writes the digest file whole or not at all; a DATA_DIR that cannot be written to only costs a re-hash. */
async function writeDigest(file: string, sha256: string, size: number, mtimeMs: number): Promise<void> {
  const target = digestFileOf(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, `${sha256} ${size} ${mtimeMs}\n`);
    await rename(temp, target);
  } catch {
    await rm(temp, { force: true });
  }
}

export async function fileDigest(file: string): Promise<FileDigest> {
  const s = await stat(file);
  const key = `${file}|${s.size}|${s.mtimeMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let sha256 = await recordedDigest(file, s.size, s.mtimeMs);
  if (!sha256) {
    ({ sha256 } = await hashFile(file));
    await writeDigest(file, sha256, s.size, s.mtimeMs);
  }
  const digest = { size: s.size, sha256, modified: s.mtime };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, digest);
  return digest;
}

/**
 * sha256 and size of files shown for download, computed once per file version (path, size,
 * modification time) and kept for the life of the process: layer and map files never change in
 * place (they are written beside and renamed in), so a changed file has a new mtime.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

export type FileSize = { size: number };
export type FileDigest = FileSize & { sha256: string; modified: Date };

const cache = ((globalThis as unknown as { pogsFileDigests?: Map<string, FileDigest> }).pogsFileDigests ??= new Map());
const MAX_ENTRIES = 20_000;

export async function fileSize(file: string): Promise<FileSize> {
  const s = await stat(file);
  return { size: s.size };
}

export async function fileDigest(file: string): Promise<FileDigest> {
  const s = await stat(file);
  const key = `${file}|${s.size}|${s.mtimeMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const digest = { size: s.size, sha256: hash.digest("hex"), modified: s.mtime };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, digest);
  return digest;
}

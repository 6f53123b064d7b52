// Where archives live: DATA_DIR/archives/<galaxy id>/<name>__<run id>__<galaxy id>.hdf5, the POGS
// file name with the name made safe for every file system.
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";

export const ARCHIVES_DIR = "archives";

export function archiveFileName(g: { id: number; name: string; runId: number }): string {
  const safe =
    g.name
      .trim()
      .replace(/[^A-Za-z0-9.+-]+/g, "_")
      .replace(/^[._]+/, "") || "galaxy";
  return `${safe}__${g.runId}__${g.id}.hdf5`;
}

/** The archive's path relative to DATA_DIR, with forward slashes (as stored in `galaxy.archive_path`). */
export function archiveRelativePath(g: { id: number; name: string; runId: number }): string {
  return `${ARCHIVES_DIR}/${g.id}/${archiveFileName(g)}`;
}

/** Temporary files younger than this may belong to an archive being built by another process. */
const TEMP_GRACE_MS = 6 * 3600_000;

/**
 * Removes archive files no galaxy points to: archives made stale by new results (an ingest clears
 * the galaxy's archive columns but leaves the file, see README.md), files of deleted galaxies and
 * temporary files left by a crash. Returns the removed paths, relative to DATA_DIR.
 */
export async function removeStaleArchives(db: Db, dataDir: string, now = Date.now()): Promise<string[]> {
  const root = path.join(dataDir, ARCHIVES_DIR);
  let dirs: string[];
  try {
    dirs = readdirSync(root);
  } catch {
    return [];
  }
  const current = new Set(
    (await db.galaxy.findMany({ where: { archivePath: { not: null } }, select: { archivePath: true } })).map(
      (g) => g.archivePath!,
    ),
  );
  const removed: string[] = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    if (!statSync(abs).isDirectory()) continue;
    for (const file of readdirSync(abs)) {
      const rel = `${ARCHIVES_DIR}/${dir}/${file}`;
      if (current.has(rel)) continue;
      if (file.startsWith(".") && now - statSync(path.join(abs, file)).mtimeMs < TEMP_GRACE_MS) continue;
      rmSync(path.join(abs, file), { force: true });
      removed.push(rel);
    }
  }
  return removed;
}

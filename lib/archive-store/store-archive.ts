// Storing an archived galaxy: its HDF5 archive copied into the long-term store (ARCHIVE_STORE),
// read back and checked against the archive's sha256, then renamed into place and recorded with
// the status `stored`. The copy is written under a hidden temporary name, so an interrupted copy
// never leaves a file that looks complete; a failure at any step removes it and changes nothing.
import { randomUUID } from "node:crypto";
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { galaxyChanged } from "@/lib/cache/events";
import type { Db } from "@/lib/db/client";
import { hashFile } from "@/lib/hdf5/file-hash";
import { LifecycleRefusedError } from "./lifecycle-error";

export type StoreResult = { galaxyId: number; name: string; storedPath: string; size: number; sha256: string };

export type StoreOptions = {
  /** when the galaxy is recorded as stored (default now); the demo replays a past schedule */
  at?: Date;
  /** the DATA_DIR of the cache events (tests, the demo) */
  dataDir?: string;
};

export async function storeArchive(
  db: Db,
  dataDir: string,
  storeDir: string,
  galaxyId: number,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const g = await db.galaxy.findUnique({ where: { id: galaxyId } });
  if (!g) throw new LifecycleRefusedError(`galaxy ${galaxyId} does not exist`);
  const who = `galaxy ${g.id} (${g.name})`;
  if (g.status !== "archived" || !g.archivePath || !g.archiveSha256)
    throw new LifecycleRefusedError(`${who} is ${g.status}; only archived galaxies are stored`);
  const source = path.join(dataDir, g.archivePath);
  const target = path.join(storeDir, g.archivePath);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    copyFileSync(source, temp);
    syncFile(temp);
    // Read back from the store, not from memory: what a later reader will get.
    const copy = await hashFile(temp);
    if (copy.sha256 !== g.archiveSha256 || copy.size !== g.archiveSize)
      throw new LifecycleRefusedError(
        `${who}: the copy in ${storeDir} does not match the archive (sha256 ${copy.sha256}, ${copy.size} bytes; expected ${g.archiveSha256}, ${g.archiveSize} bytes); nothing stored`,
      );
    renameSync(temp, target);
    syncFile(path.dirname(target));
  } finally {
    rmSync(temp, { force: true });
  }
  const at = options.at ?? new Date();
  const updated = await db.galaxy.updateMany({
    where: { id: galaxyId, status: "archived", archiveSha256: g.archiveSha256 },
    data: { status: "stored", statusTime: at, storedPath: target, storedAt: at, archiveProblem: null },
  });
  if (updated.count !== 1)
    throw new LifecycleRefusedError(`${who} changed while its archive was stored; store it again`);
  await galaxyChanged(galaxyId, options.dataDir ?? dataDir);
  return { galaxyId, name: g.name, storedPath: target, size: g.archiveSize ?? 0, sha256: g.archiveSha256 };
}

/** The archived galaxies (those `storeArchive` accepts), in id order. */
export async function archivedGalaxies(db: Db): Promise<{ id: number; name: string }[]> {
  return db.galaxy.findMany({
    where: { status: "archived" },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
}

function syncFile(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

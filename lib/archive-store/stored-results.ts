// The per-pixel results of a deleted galaxy, from its stored archive: the archive opened once per
// process (its index is read then) and kept while used, a few galaxies at a time. A stored copy
// that is missing, of the wrong size, or found bad by the last check is refused with the reason,
// never read as if it were fine; a full sha256 check is `npm run archive -- --verify`'s.
//
// Which galaxies are deleted is remembered too, so a readout does not pay a query for it: a caller
// that has just read the galaxy passes its status (anything but deleted: null at once, no query);
// a deleted galaxy's stored copy (path, size, the last check's problem) is read again at most every
// RECHECK_MS, at once after a check in this process (`forgetStoredGalaxy`). Deleted is the last
// status: no step leads out of it. Presence and size are checked on every request.
import { statSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { ArchiveResults } from "@/lib/hdf5/archive-results";

/** A deleted galaxy's stored archive cannot be read; the message says why. */
export class StoredArchiveError extends Error {}

const OPEN_ARCHIVES = 8;
const open = new Map<string, Promise<ArchiveResults>>();

/** How long a deleted galaxy's row is used without reading it again (another process's `--verify`). */
const RECHECK_MS = 1000;
/** Deleted galaxies' rows as last read, per database client (tests and benches open several). */
const known = new WeakMap<Db, Map<number, { galaxy: Stored; readAt: number }>>();

/** Forgets what is known of a galaxy's stored copy (its check just recorded something new). */
export function forgetStoredGalaxy(db: Db, galaxyId: number): void {
  known.get(db)?.delete(galaxyId);
}

type Stored = {
  id: number;
  status: string;
  storedPath: string | null;
  archiveSha256: string | null;
  archiveSize: number | null;
  archiveProblem: string | null;
};

/** Why the stored copy cannot be used, or null (a cheap check: presence and size). */
export function storedCopyProblem(g: Stored): string | null {
  if (g.archiveProblem) return g.archiveProblem;
  if (!g.storedPath) return "no stored archive is recorded";
  try {
    const size = statSync(g.storedPath).size;
    if (g.archiveSize !== null && size !== g.archiveSize)
      return `the stored archive ${g.storedPath} has ${size} bytes, not ${g.archiveSize}`;
  } catch {
    return `the stored archive ${g.storedPath} is missing`;
  }
  return null;
}

async function openStored(g: Stored): Promise<ArchiveResults> {
  const problem = storedCopyProblem(g);
  if (problem) throw new StoredArchiveError(`galaxy ${g.id}: ${problem}`);
  const key = `${g.storedPath}#${g.archiveSha256}`;
  let results = open.get(key);
  if (results) {
    open.delete(key); // most recently used last
    open.set(key, results);
    return results;
  }
  results = ArchiveResults.open(g.storedPath!);
  open.set(key, results);
  results.catch(() => open.delete(key));
  while (open.size > OPEN_ARCHIVES) {
    const [oldest, closing] = open.entries().next().value!;
    open.delete(oldest);
    void closing.then((r) => r.close()).catch(() => {});
  }
  return results;
}

const SELECT = {
  id: true,
  status: true,
  storedPath: true,
  archiveSha256: true,
  archiveSize: true,
  archiveProblem: true,
} as const;

/**
 * The stored results of galaxy `galaxyId` when its rows are deleted from the database, else null
 * (the database holds them: read it as before). `status`: the galaxy's, when the caller has just
 * read it.
 */
export async function deletedGalaxyResults(db: Db, galaxyId: number, status?: string): Promise<ArchiveResults | null> {
  if (status !== undefined && status !== "deleted") return null;
  let galaxies = known.get(db);
  if (!galaxies) known.set(db, (galaxies = new Map()));
  const seen = galaxies.get(galaxyId);
  if (seen && performance.now() - seen.readAt < RECHECK_MS) return openStored(seen.galaxy);
  const g = await db.galaxy.findUnique({ where: { id: galaxyId }, select: SELECT });
  if (g?.status !== "deleted") {
    galaxies.delete(galaxyId);
    return null;
  }
  galaxies.set(galaxyId, { galaxy: g, readAt: performance.now() });
  return openStored(g);
}

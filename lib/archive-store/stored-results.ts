// The per-pixel results of a deleted galaxy, from its stored archive: the archive opened once per
// process (its index is read then) and kept while used, a few galaxies at a time. A stored copy
// that is missing, of the wrong size, or found bad by the last check is refused with the reason,
// never read as if it were fine; a full sha256 check is `npm run archive -- --verify`'s.
import { statSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { ArchiveResults } from "@/lib/hdf5/archive-results";

/** A deleted galaxy's stored archive cannot be read; the message says why. */
export class StoredArchiveError extends Error {}

const OPEN_ARCHIVES = 8;
const open = new Map<string, Promise<ArchiveResults>>();

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
 * (the database holds them: read it as before).
 */
export async function deletedGalaxyResults(db: Db, galaxyId: number): Promise<ArchiveResults | null> {
  const g = await db.galaxy.findUnique({ where: { id: galaxyId }, select: SELECT });
  return g?.status === "deleted" ? openStored(g) : null;
}

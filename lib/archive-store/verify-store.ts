// Checking stored archives: present, of the recorded size, and of the recorded sha256. What is
// found is recorded in `galaxy.archive_problem` (null when fine), which the galaxy page shows and
// the readers of a deleted galaxy's results obey (stored-results.ts).
import { galaxyChanged } from "@/lib/cache/events";
import type { Db } from "@/lib/db/client";
import { hashFile } from "@/lib/hdf5/file-hash";
import { forgetStoredGalaxy } from "./stored-results";

type StoredGalaxy = {
  id: number;
  storedPath: string | null;
  archiveSha256: string | null;
  archiveSize: number | null;
  archiveProblem: string | null;
};

/** Reads the stored copy whole; records and returns what is wrong with it, or null. */
export async function checkStoredCopy(db: Db, g: StoredGalaxy, dataDir?: string): Promise<string | null> {
  let problem: string | null = null;
  if (!g.storedPath) problem = "no stored archive is recorded";
  else {
    try {
      const { size, sha256 } = await hashFile(g.storedPath);
      if (size !== g.archiveSize)
        problem = `the stored archive ${g.storedPath} has ${size} bytes, not ${g.archiveSize}`;
      else if (sha256 !== g.archiveSha256)
        problem = `the stored archive ${g.storedPath} is corrupt (sha256 ${sha256}, expected ${g.archiveSha256})`;
    } catch {
      problem = `the stored archive ${g.storedPath} is missing`;
    }
  }
  if (problem !== g.archiveProblem) {
    await db.galaxy.update({ where: { id: g.id }, data: { archiveProblem: problem } });
    forgetStoredGalaxy(db, g.id);
    await galaxyChanged(g.id, dataDir);
  }
  return problem;
}

export type VerifyOutcome = { galaxyId: number; name: string; status: string; problem: string | null };

/** Checks the stored archives of the given galaxies (default: every stored or deleted one). */
export async function verifyStoredArchives(db: Db, ids?: number[], dataDir?: string): Promise<VerifyOutcome[]> {
  const galaxies = await db.galaxy.findMany({
    where: ids ? { id: { in: ids } } : { status: { in: ["stored", "deleted"] } },
    orderBy: { id: "asc" },
  });
  const out: VerifyOutcome[] = [];
  for (const g of galaxies) {
    const problem =
      g.status === "stored" || g.status === "deleted"
        ? await checkStoredCopy(db, g, dataDir)
        : `galaxy ${g.id} is ${g.status}: it has no stored archive`;
    out.push({ galaxyId: g.id, name: g.name, status: g.status, problem });
  }
  return out;
}

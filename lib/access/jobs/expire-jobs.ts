/**
 * The jobs' housekeeping: a finished job's result is deleted when it expires (JOB_RESULT_DAYS
 * after it finished; the job stays listed as expired), jobs without a result are forgotten
 * JOB_RECORD_DAYS after they ended, and folders no job needs (failed or cancelled jobs, crashes)
 * are removed. Safe to run from every server process at once.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { JOB_RECORD_DAYS } from "@/lib/access/limits/allowances";
import type { Db } from "@/lib/db/client";
import { JOBS_DIR, isJobId, jobDir } from "./job-paths";

export async function expireJobs(db: Db, dataDir: string, now = new Date()): Promise<string[]> {
  const due = await db.dataRequest.findMany({
    where: { status: "done", expiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  const expired: string[] = [];
  for (const { id } of due) {
    const { count } = await db.dataRequest.updateMany({
      where: { id, status: "done" },
      data: { status: "expired", resultPath: null },
    });
    if (count === 1) expired.push(id);
    await rm(jobDir(dataDir, id), { recursive: true, force: true });
  }
  await db.dataRequest.deleteMany({
    where: {
      status: { in: ["failed", "cancelled", "expired"] },
      finishedAt: { lt: new Date(now.getTime() - JOB_RECORD_DAYS * 86_400_000) },
    },
  });
  await removeOrphanFolders(db, dataDir);
  return expired;
}

/** Folders of jobs that are neither running nor holding a result. */
async function removeOrphanFolders(db: Db, dataDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(path.join(dataDir, JOBS_DIR));
  } catch {
    return;
  }
  const ids = entries.filter(isJobId);
  if (!ids.length) return;
  const keep = new Set(
    (
      await db.dataRequest.findMany({
        where: { id: { in: ids }, status: { in: ["queued", "running", "done"] } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  for (const id of ids) if (!keep.has(id)) await rm(jobDir(dataDir, id), { recursive: true, force: true });
}

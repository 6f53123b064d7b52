/**
 * Running one claimed job: its result is written in DATA_DIR/jobs/<id>/ and renamed to its final
 * name only when complete, then the job is marked done with the file's size and sha256 and the
 * time it expires. Progress goes to the database at most once a second; when a heartbeat finds
 * the job no longer ours (cancelled, or taken over after we stalled) the work stops and its files go.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { ApiError, DISK_FULL_MESSAGE, isDiskFull } from "@/lib/api/errors";
import { JOB_RESULT_DAYS } from "@/lib/access/limits/allowances";
import { hashFile } from "@/lib/hdf5/file-hash";
import type { Db } from "@/lib/db/client";
import { failJob, finishJob, heartbeat, type ClaimedJob } from "./job-claim";
import { jobDir, JOBS_DIR } from "./job-paths";
import { writeJobResult } from "./job-result";
import type { JobParams } from "./job-types";

class JobLost extends Error {}

export type RunOutcome = "done" | "failed" | "lost";

export async function runJob(db: Db, dataDir: string, job: ClaimedJob, workerId: string): Promise<RunOutcome> {
  const dir = jobDir(dataDir, job.id);
  let last = 0;
  const onProgress = async (fraction: number) => {
    if (Date.now() - last < 1000) return;
    last = Date.now();
    if (!(await heartbeat(db, job.id, workerId, fraction))) throw new JobLost();
  };
  try {
    // A job taken over may have left a half-written result: start from an empty folder.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const params = JSON.parse(job.params) as JobParams;
    const result = await writeJobResult(db, dataDir, dir, job.id, params, onProgress);
    const { size, sha256 } = await hashFile(result.temp);
    await rename(result.temp, path.join(dir, result.fileName));
    const expiresAt = new Date(Date.now() + JOB_RESULT_DAYS * 86_400_000);
    const relative = `${JOBS_DIR}/${job.id}/${result.fileName}`;
    if (await finishJob(db, job.id, workerId, { path: relative, size, type: result.type, sha256, expiresAt }))
      return "done";
    throw new JobLost();
  } catch (error) {
    if (error instanceof JobLost) {
      await removeUnlessOwned(db, job.id, workerId, dir);
      return "lost";
    }
    const message =
      error instanceof ApiError
        ? error.message
        : isDiskFull(error)
          ? DISK_FULL_MESSAGE
          : `the job failed unexpectedly (see the server log, job ${job.id})`;
    if (!(error instanceof ApiError)) console.error(`data job ${job.id} failed:`, error);
    await failJob(db, job.id, workerId, message);
    await rm(dir, { recursive: true, force: true });
    return "failed";
  }
}

/** After losing a job, its folder goes unless another worker now runs it (it has cleared it already). */
async function removeUnlessOwned(db: Db, id: string, workerId: string, dir: string): Promise<void> {
  const row = await db.dataRequest.findUnique({ where: { id }, select: { status: true, claimedBy: true } });
  if (row?.status === "running" && row.claimedBy !== workerId) return;
  await rm(dir, { recursive: true, force: true });
}

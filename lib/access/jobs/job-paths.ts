// Where jobs keep their results: DATA_DIR/jobs/<job id>/, one folder a job, removed with it.
import path from "node:path";

export const JOBS_DIR = "jobs";

export function jobDir(dataDir: string, jobId: string): string {
  return path.join(dataDir, JOBS_DIR, jobId);
}

/** Job ids are UUIDs made here; anything else never reaches the file system. */
export function isJobId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
}

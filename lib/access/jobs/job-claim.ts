/**
 * Claiming jobs through the database, so that any number of server processes share one queue
 * and never run the same job: the oldest queued row is picked (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL, see lib/db/claim-queue.ts) and claimed by one UPDATE … WHERE id = ? AND status =
 * 'queued' (or a running job whose worker stopped reporting); only the process whose UPDATE
 * changed the row runs it. While running, the worker's heartbeat (with the progress) is also
 * conditional on still holding the job: when it changes nothing, the job was cancelled or taken
 * over, and it stops.
 */
import type { Db } from "@/lib/db/client";
import { claimQueuedRow } from "@/lib/db/claim-queue";

/** A running job not heard from for this long is taken over by another worker. */
export const STALE_AFTER_MS = 60_000;

export interface ClaimedJob {
  id: string;
  params: string;
  format: string;
  /** true when taken over from a worker that stopped reporting */
  takenOver: boolean;
}

export async function claimNextJob(db: Db, workerId: string, now = new Date()): Promise<ClaimedJob | null> {
  const queued = await claimQueuedRow(db, "data_request", async (tx, id) => {
    const { count } = await tx.dataRequest.updateMany({
      where: { id, status: "queued" },
      data: { status: "running", claimedBy: workerId, heartbeatAt: now, startedAt: now, progress: 0 },
    });
    if (count !== 1) return null;
    const job = await tx.dataRequest.findUniqueOrThrow({ where: { id }, select: { params: true, format: true } });
    return { id, ...job, takenOver: false };
  });
  if (queued) return queued;
  const stale = await db.dataRequest.findMany({
    where: { status: "running", heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true, params: true, format: true, heartbeatAt: true, claimedBy: true },
  });
  for (const job of stale) {
    const { count } = await db.dataRequest.updateMany({
      where: { id: job.id, status: "running", claimedBy: job.claimedBy, heartbeatAt: job.heartbeatAt },
      data: { claimedBy: workerId, heartbeatAt: now, progress: 0 },
    });
    if (count === 1) return { id: job.id, params: job.params, format: job.format, takenOver: true };
  }
  return null;
}

/** Reports progress (0–1); false when the job is no longer this worker's to run. */
export async function heartbeat(db: Db, id: string, workerId: string, progress: number): Promise<boolean> {
  const { count } = await db.dataRequest.updateMany({
    where: { id, status: "running", claimedBy: workerId },
    data: { heartbeatAt: new Date(), progress: Math.max(0, Math.min(0.99, progress)) },
  });
  return count === 1;
}

export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  result: { path: string; size: number; type: string; sha256: string; expiresAt: Date },
): Promise<boolean> {
  const { count } = await db.dataRequest.updateMany({
    where: { id, status: "running", claimedBy: workerId },
    data: {
      status: "done",
      progress: 1,
      resultPath: result.path,
      resultSize: result.size,
      resultType: result.type,
      sha256: result.sha256,
      finishedAt: new Date(),
      expiresAt: result.expiresAt,
      message: "",
    },
  });
  return count === 1;
}

export async function failJob(db: Db, id: string, workerId: string, message: string): Promise<void> {
  await db.dataRequest.updateMany({
    where: { id, status: "running", claimedBy: workerId },
    data: { status: "failed", message, finishedAt: new Date() },
  });
}

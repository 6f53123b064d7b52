/**
 * What a job's owner can do to it: abort it (UWS PHASE=ABORT: a queued or running job becomes
 * cancelled; the worker notices at its next heartbeat and removes its files) or delete it (the
 * job and its result are gone). Anyone with a job's id may read it; only its owner may change it.
 */
import { rm } from "node:fs/promises";
import { UsageError } from "@/lib/access/http/usage-error";
import type { Db } from "@/lib/db/client";
import { isJobId, jobDir } from "./job-paths";

export async function ownedJob(db: Db, id: string, owner: string) {
  const row = isJobId(id)
    ? await db.dataRequest.findUnique({ where: { id }, select: { id: true, owner: true, status: true } })
    : null;
  if (!row) throw new UsageError(`no job with id ${id}`, 404);
  if (row.owner !== owner)
    throw new UsageError(`job ${id} was submitted by someone else; only they can change it`, 403);
  return row;
}

export async function abortJob(db: Db, id: string, owner: string): Promise<void> {
  await ownedJob(db, id, owner);
  await db.dataRequest.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date(), message: "cancelled by its owner" },
  });
}

export async function deleteJob(db: Db, dataDir: string, id: string, owner: string): Promise<void> {
  await ownedJob(db, id, owner);
  await db.dataRequest.deleteMany({ where: { id } });
  await rm(jobDir(dataDir, id), { recursive: true, force: true });
}

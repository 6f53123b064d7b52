/**
 * A job as the API and the jobs page show it, and the queries that read jobs for their owner.
 * The owner key is never shown: a job is reached by its id (a UUID, so unguessable) and listed
 * only to its owner.
 */
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { isIncluded, UWS_PHASE, type JobParams, type JobStatus } from "./job-types";

export interface JobView {
  id: string;
  status: JobStatus;
  phase: string;
  /** 0–1 */
  progress: number;
  message: string;
  format: string;
  asked: string;
  galaxies: { id: number; name: string; skipped?: string }[];
  /** values the result holds (pixels × parameters × statistics × 4 B) */
  bytes: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
  result: { url: string; fileName: string; size: number; sha256: string; type: string } | null;
}

type Row = Awaited<ReturnType<Db["dataRequest"]["findUniqueOrThrow"]>>;

export function jobView(row: Row): JobView {
  const params = JSON.parse(row.params) as JobParams;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    status: row.status as JobStatus,
    phase: UWS_PHASE[row.status as JobStatus] ?? "UNKNOWN",
    progress: row.progress,
    message: row.message,
    format: row.format,
    asked: params.asked,
    galaxies: params.items.map((i) => ({
      id: i.galaxyId,
      name: i.name,
      ...(isIncluded(i) ? {} : { skipped: i.skipped }),
    })),
    bytes: params.bytes,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    expiresAt: iso(row.expiresAt),
    result:
      row.status === "done" && row.resultPath
        ? {
            url: `/api/jobs/${row.id}/results/result`,
            fileName: path.basename(row.resultPath),
            size: row.resultSize ?? 0,
            sha256: row.sha256 ?? "",
            type: row.resultType ?? "application/octet-stream",
          }
        : null,
  };
}

export async function getJob(db: Db, id: string): Promise<JobView | null> {
  const row = await db.dataRequest.findUnique({ where: { id } });
  return row ? jobView(row) : null;
}

export async function listJobs(
  db: Db,
  owner: string,
  options: { statuses?: JobStatus[]; last?: number } = {},
): Promise<JobView[]> {
  const rows = await db.dataRequest.findMany({
    where: { owner, ...(options.statuses ? { status: { in: options.statuses } } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.last ?? 100,
  });
  return rows.map(jobView);
}

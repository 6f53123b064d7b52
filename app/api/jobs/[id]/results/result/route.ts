// A finished job's result file (FITS, HDF5 or a zip of them), with ranges and its sha256 as ETag.
import path from "node:path";
import { fileResponse } from "@/lib/access/http/file-response";
import { UsageError } from "@/lib/access/http/usage-error";
import { JobPathParams } from "@/lib/access/jobs/job-params";
import { jobDir } from "@/lib/access/jobs/job-paths";
import { getJob } from "@/lib/access/jobs/job-view";
import { apiRoute } from "@/lib/api/handler";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";

export const GET = apiRoute({ params: JobPathParams }, async ({ params, request }) => {
  const job = await getJob(db(), params.id);
  if (!job) throw new UsageError(`no job with id ${params.id}`, 404);
  if (!job.result) {
    const why =
      job.status === "expired"
        ? `its result expired on ${job.expiresAt?.slice(0, 10)} and was deleted; submit the request again`
        : job.status === "done"
          ? "it has no result"
          : `it is ${job.status}${job.status === "failed" ? `: ${job.message}` : ""}`;
    throw new UsageError(`job ${params.id} has no result: ${why}`, 404);
  }
  return fileResponse(request, {
    absolutePath: path.join(jobDir(settings().dataDir, params.id), job.result.fileName),
    size: job.result.size,
    sha256: job.result.sha256,
    modified: new Date(job.finishedAt ?? job.createdAt),
    contentType: job.result.type,
    downloadName: job.result.fileName,
  });
});

export const HEAD = GET;

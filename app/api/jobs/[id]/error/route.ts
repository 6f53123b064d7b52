// Why a job failed (UWS error document, as text).
import { UsageError } from "@/lib/access/http/usage-error";
import { JobPathParams } from "@/lib/access/jobs/job-params";
import { getJob } from "@/lib/access/jobs/job-view";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db/client";

export const GET = apiRoute({ params: JobPathParams }, async ({ params }) => {
  const job = await getJob(db(), params.id);
  if (!job) throw new UsageError(`no job with id ${params.id}`, 404);
  const text = job.status === "failed" ? job.message : `job ${job.id} has not failed (it is ${job.status})`;
  return new Response(`${text}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});

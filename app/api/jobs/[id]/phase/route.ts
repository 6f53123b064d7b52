// A job's phase (UWS): GET it as text; POST PHASE=ABORT cancels a queued or running job, PHASE=RUN
// is accepted (jobs are queued as soon as they are made); both → 303 to the job.
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { UsageError } from "@/lib/access/http/usage-error";
import { JobPathParams } from "@/lib/access/jobs/job-params";
import { getJob } from "@/lib/access/jobs/job-view";
import { abortJob, ownedJob } from "@/lib/access/jobs/manage-job";
import { identifyCaller } from "@/lib/access/limits/caller";
import { db } from "@/lib/db/client";

const Params = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));

export const GET = ivoaRoute(
  { params: JobPathParams, query: Params },
  async ({ params }) => {
    const job = await getJob(db(), params.id);
    if (!job) throw new UsageError(`no job with id ${params.id}`, 404);
    return new Response(`${job.phase}\n`, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  },
  { errors: "json" },
);

export const POST = ivoaRoute(
  { params: JobPathParams, query: Params },
  async ({ params, query, request }) => {
    const phase = query.PHASE?.[0]?.toUpperCase();
    const caller = await identifyCaller(request);
    if (phase === "ABORT") await abortJob(db(), params.id, caller.owner);
    else if (phase === "RUN") await ownedJob(db(), params.id, caller.owner);
    else throw new UsageError("PHASE must be RUN or ABORT");
    const origin = publicOrigin(request.headers, request.url);
    return new Response(null, {
      status: 303,
      headers: { Location: `${origin}/api/jobs/${params.id}`, "Cache-Control": "no-store" },
    });
  },
  { errors: "json" },
);

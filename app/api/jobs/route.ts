// Data-request jobs (IVOA UWS 1.1 where it is cheap): GET lists the caller's jobs (?PHASE=, ?LAST=),
// POST makes one from SODA parameters (ID repeatable: several galaxies make a zip) → 303 to the job.
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { UsageError } from "@/lib/access/http/usage-error";
import { createJob } from "@/lib/access/jobs/create-job";
import { jobListResponse } from "@/lib/access/jobs/job-http";
import { JOB_STATUSES, UWS_PHASE, type JobStatus } from "@/lib/access/jobs/job-types";
import { listJobs } from "@/lib/access/jobs/job-view";
import { nudgeJobWorker } from "@/lib/access/jobs/job-worker";
import { countDataRequest, identifyCaller } from "@/lib/access/limits/caller";
import { parseSodaParams } from "@/lib/access/subset/soda-params";
import { db } from "@/lib/db/client";

const Params = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));

export const GET = ivoaRoute(
  { query: Params },
  async ({ query, request }) => {
    const caller = await identifyCaller(request);
    const phases = (query.PHASE ?? []).map((p) => p.toUpperCase());
    const statuses = JOB_STATUSES.filter((s) => phases.includes(UWS_PHASE[s]));
    if (phases.length && statuses.length !== new Set(phases).size)
      throw new UsageError(`PHASE must be among ${Object.values(UWS_PHASE).join(", ")}`);
    const last = query.LAST?.[0];
    if (last !== undefined && !/^\d{1,4}$/.test(last)) throw new UsageError("LAST must be a whole number up to 9999");
    const jobs = await listJobs(db(), caller.owner, {
      statuses: phases.length ? (statuses as JobStatus[]) : undefined,
      last: last === undefined ? undefined : Number(last),
    });
    return jobListResponse(request, jobs, publicOrigin(request.headers, request.url));
  },
  { errors: "json" },
);

export const POST = ivoaRoute(
  { query: Params },
  async ({ query, request }) => {
    const caller = await identifyCaller(request);
    await countDataRequest(db(), caller);
    const id = await createJob(db(), caller, parseSodaParams(query, { manyIds: true }));
    nudgeJobWorker();
    const origin = publicOrigin(request.headers, request.url);
    return new Response(null, {
      status: 303,
      headers: { Location: `${origin}/api/jobs/${id}`, "Cache-Control": "no-store" },
    });
  },
  { errors: "json" },
);

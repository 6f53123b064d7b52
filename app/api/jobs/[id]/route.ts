// One job (UWS): GET its document (?WAIT=<s> blocks while it is queued or running), DELETE it
// (or POST ACTION=DELETE) → 303 to the job list. Only its owner may delete it.
import { z } from "zod";
import { ivoaRoute, upperCaseParams } from "@/lib/access/http/ivoa-route";
import { publicOrigin } from "@/lib/access/http/public-origin";
import { UsageError } from "@/lib/access/http/usage-error";
import { jobResponse, waitForJob } from "@/lib/access/jobs/job-http";
import { JobPathParams } from "@/lib/access/jobs/job-params";
import { deleteJob } from "@/lib/access/jobs/manage-job";
import { getJob } from "@/lib/access/jobs/job-view";
import { identifyCaller } from "@/lib/access/limits/caller";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";

const Params = z.preprocess(upperCaseParams, z.record(z.string(), z.array(z.string())));

export const GET = ivoaRoute(
  { params: JobPathParams, query: Params },
  async ({ params, query, request }) => {
    let job = (await getJob(db(), params.id)) ?? notFound(params.id);
    const wait = query.WAIT?.[0];
    if (wait !== undefined) {
      if (!/^-?\d{1,5}$/.test(wait)) throw new UsageError("WAIT must be a whole number of seconds");
      job = await waitForJob(db(), job, Number(wait) < 0 ? 60 : Number(wait), query.PHASE?.[0]?.toUpperCase());
    }
    return jobResponse(request, job, publicOrigin(request.headers, request.url));
  },
  { errors: "json" },
);

async function remove(id: string, request: Request): Promise<Response> {
  const caller = await identifyCaller(request);
  await deleteJob(db(), settings().dataDir, id, caller.owner);
  const origin = publicOrigin(request.headers, request.url);
  return new Response(null, { status: 303, headers: { Location: `${origin}/api/jobs`, "Cache-Control": "no-store" } });
}

export const DELETE = ivoaRoute(
  { params: JobPathParams, query: Params },
  ({ params, request }) => remove(params.id, request),
  {
    errors: "json",
  },
);

export const POST = ivoaRoute(
  { params: JobPathParams, query: Params },
  ({ params, query, request }) => {
    if (query.ACTION?.[0]?.toUpperCase() !== "DELETE")
      throw new UsageError("POST to a job takes ACTION=DELETE; change its phase at /phase");
    return remove(params.id, request);
  },
  { errors: "json" },
);

function notFound(id: string): never {
  throw new UsageError(`no job with id ${id}`, 404);
}

/**
 * The HTTP side of the jobs API: JSON for the portal's pages and scripts that ask for it
 * (`Accept: application/json` or `?format=json`), UWS XML otherwise; the blocking poll of UWS 1.1
 * (`?WAIT=<seconds>`: return when the phase changes from an active one, or after the wait).
 */
import type { Db } from "@/lib/db/client";
import { getJob, type JobView } from "./job-view";
import { uwsJob, uwsJobList } from "./uws-xml";

const MAX_WAIT_SECONDS = 60;

export function wantsJson(request: Request): boolean {
  const format = new URL(request.url).searchParams.get("format");
  return format === "json" || (format === null && (request.headers.get("accept") ?? "").includes("application/json"));
}

const noStore = { "Cache-Control": "no-store" };

export function jobResponse(request: Request, job: JobView, origin: string): Response {
  if (wantsJson(request)) return Response.json(job, { headers: noStore });
  return new Response(uwsJob(job, origin), { headers: { ...noStore, "Content-Type": "text/xml; charset=utf-8" } });
}

export function jobListResponse(request: Request, jobs: JobView[], origin: string): Response {
  if (wantsJson(request)) return Response.json({ jobs }, { headers: noStore });
  return new Response(uwsJobList(jobs, origin), { headers: { ...noStore, "Content-Type": "text/xml; charset=utf-8" } });
}

/** The job once its phase leaves `phase` (default: its current active phase), or after `seconds`. */
export async function waitForJob(db: Db, job: JobView, seconds: number, phase?: string): Promise<JobView> {
  const from = phase ?? job.phase;
  if (!["QUEUED", "EXECUTING"].includes(from) || job.phase !== from) return job;
  const deadline = Date.now() + Math.min(MAX_WAIT_SECONDS, Math.max(0, seconds)) * 1000;
  let current = job;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    current = (await getJob(db, job.id)) ?? current;
    if (current.phase !== from) break;
  }
  return current;
}

// Submitting a subset request as a job from the browser: POST /api/jobs (its 303 is followed to
// the job, read as JSON); errors come back as the API's message.
import type { JobView } from "@/lib/access/jobs/job-view";

export async function submitJob(query: URLSearchParams): Promise<JobView> {
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: query.toString(),
  });
  const body = (await response.json().catch(() => null)) as (JobView & { error?: { message: string } }) | null;
  if (!response.ok || !body || body.error) throw new Error(body?.error?.message ?? `the request failed (HTTP ${response.status})`);
  return body;
}

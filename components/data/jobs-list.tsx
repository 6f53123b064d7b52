"use client";
// The visitor's jobs, refreshed every two seconds while any is queued or running.
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { JobView } from "@/lib/access/jobs/job-view";
import { JobCard } from "./job-card";

const POLL_MS = 2000;

export function JobsList({ initial }: { initial: JobView[] }) {
  const [jobs, setJobs] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const active = jobs.some((j) => j.status === "queued" || j.status === "running");

  const refresh = async () => {
    const response = await fetch("/api/jobs?format=json", { cache: "no-store" });
    if (response.ok) setJobs(((await response.json()) as { jobs: JobView[] }).jobs);
  };

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh().catch(() => {}), POLL_MS);
    return () => clearInterval(timer);
  }, [active]);

  async function act(job: JobView, action: "cancel" | "delete") {
    setError(null);
    const response =
      action === "cancel"
        ? await fetch(`/api/jobs/${job.id}/phase`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
            body: "PHASE=ABORT",
          })
        : await fetch(`/api/jobs/${job.id}`, { method: "DELETE", headers: { Accept: "application/json" } });
    if (!response.ok && response.status !== 303) {
      const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
      setError(body?.error?.message ?? `could not ${action} the job (HTTP ${response.status})`);
    }
    await refresh();
  }

  if (!jobs.length) return <EmptyState>No jobs yet.</EmptyState>;
  return (
    <>
      {error ? (
        <p role="alert" className="mb-3 text-sm text-warn">
          {error}
        </p>
      ) : null}
      <ul className="space-y-3">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} onCancel={() => act(job, "cancel")} onDelete={() => act(job, "delete")} />
        ))}
      </ul>
    </>
  );
}

"use client";
// One job on /jobs: what was asked, its phase and progress, and its result or error.
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobView } from "@/lib/access/jobs/job-view";
import { formatSize } from "@/lib/access/subset/subset-request";

const TONE: Record<string, string> = {
  queued: "border-muted/40 text-muted",
  running: "border-accent-2/50 text-accent-2",
  done: "border-ok/50 text-ok",
  failed: "border-warn/50 text-warn",
  cancelled: "border-line text-muted",
  expired: "border-line text-muted",
};

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

export function JobCard({ job, onCancel, onDelete }: { job: JobView; onCancel: () => void; onDelete: () => void }) {
  const active = job.status === "queued" || job.status === "running";
  const names = job.galaxies.filter((g) => !g.skipped).map((g) => g.name);
  return (
    <li className="rounded-xl border border-line bg-panel/60 p-4" data-testid="job" data-job-id={job.id}>
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded-full border px-2 py-0.5 text-xs ${TONE[job.status] ?? ""}`} data-testid="job-status">
          {job.status}
        </span>
        <span className="font-medium">
          {names.slice(0, 3).join(", ")}
          {names.length > 3 ? ` and ${names.length - 3} more` : ""}
        </span>
        <span className="text-sm text-muted">
          {job.format.toUpperCase()} · {formatSize(job.bytes)} of values · submitted {when(job.createdAt)}
        </span>
        <span className="ml-auto flex gap-2">
          {active ? (
            <button type="button" onClick={onCancel} className="rounded border border-line px-3 py-1 text-sm hover:bg-panel-2">
              Cancel
            </button>
          ) : (
            <button type="button" onClick={onDelete} className="rounded border border-line px-3 py-1 text-sm hover:bg-panel-2">
              Delete
            </button>
          )}
        </span>
      </div>
      <p className="mt-2 font-mono text-xs break-all text-muted">{job.asked}</p>
      {active ? (
        <div className="mt-3 max-w-md">
          <ProgressBar fraction={job.progress} label={`progress of job ${job.id}`} />
        </div>
      ) : null}
      {job.result ? (
        <div className="mt-3 text-sm">
          <a className="text-accent-2 hover:underline" href={job.result.url} download={job.result.fileName}>
            Download {job.result.fileName}
          </a>{" "}
          <span className="text-muted">
            ({formatSize(job.result.size)}, kept until {when(job.expiresAt)})
          </span>
          <code className="mt-1 block font-mono text-[11px] break-all text-muted">sha256 {job.result.sha256}</code>
        </div>
      ) : null}
      {job.status === "failed" || job.status === "expired" ? (
        <p className="mt-2 text-sm text-warn">{job.status === "failed" ? job.message : `The result expired on ${when(job.expiresAt)} and was deleted.`}</p>
      ) : null}
      {job.galaxies.some((g) => g.skipped) ? (
        <p className="mt-2 text-xs text-muted">
          Left out: {job.galaxies.filter((g) => g.skipped).map((g) => `${g.name} (${g.skipped})`).join("; ")}
        </p>
      ) : null}
    </li>
  );
}

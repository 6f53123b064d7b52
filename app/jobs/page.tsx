import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { JobsList } from "@/components/data/jobs-list";
import { JOB_RESULT_DAYS } from "@/lib/access/limits/allowances";
import { getVisitorJobs } from "@/lib/access/jobs/jobs-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jobs", description: "Your data requests: progress, results, cancel." };

export default async function JobsPage() {
  const h = await headers();
  const { jobs, signedIn } = await getVisitorJobs(h);
  return (
    <>
      <h1 className="text-2xl font-semibold">Your jobs</h1>
      <p className="mt-2 mb-6 max-w-3xl text-sm text-muted">
        Data requests too large to answer at once run here, one after another, with their progress. Results are kept{" "}
        {JOB_RESULT_DAYS} days.{" "}
        {signedIn
          ? "These are your account's jobs."
          : "Without signing in, these are the jobs made from your network address."}{" "}
        Ask for data on a galaxy&apos;s data page or from the{" "}
        <Link href="/data" className="text-accent-2 hover:underline">
          catalogue
        </Link>
        .
      </p>
      <JobsList initial={jobs} />
    </>
  );
}

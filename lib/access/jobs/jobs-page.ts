// The visitor's jobs for /jobs: their account's when signed in, else their address's.
import { identifyCaller } from "@/lib/access/limits/caller";
import { db } from "@/lib/db/client";
import { listJobs } from "./job-view";

export async function getVisitorJobs(headers: Headers, url: string) {
  const caller = await identifyCaller(new Request(url, { headers }));
  return { jobs: await listJobs(db(), caller.owner), signedIn: caller.accountId !== null };
}
